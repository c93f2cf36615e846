# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy Customer Satisfaction",
    "summary": "Satisfaction surveys after delivery, after a complaint and "
    "periodically per customer class; satisfaction rate per salesperson, "
    "team and month against the company target",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["survey", "sale", "sales_policy_base", "sales_customer_dev"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/sales_satisfaction_response_views.xml",
        "views/sales_satisfaction_rule_views.xml",
        "views/sales_kpi_scorecard_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
        "data/sales_policy_clause_data.xml",
    ],
    "demo": [
        "demo/sales_satisfaction_demo.xml",
    ],
}
