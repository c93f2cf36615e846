# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Forecast",
    "summary": "Monthly sales forecast per customer and product category, "
    "pre-filled from the pipeline and history, approved through the approval "
    "engine, published to planning, with forecast accuracy on the KPI scorecard",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "sales_customer_dev",
        "sale_crm",
        "sale",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/res_groups.xml",
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/sales_forecast_views.xml",
        "views/sales_forecast_line_views.xml",
        "views/sales_kpi_scorecard_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_forecast_generate_wizard_views.xml",
        "wizards/sales_forecast_export_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_forecast_demo.xml",
    ],
}
