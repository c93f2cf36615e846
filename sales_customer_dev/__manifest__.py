# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy Customer Development",
    "summary": "Development stages on the CRM pipeline, contact and visit plans, "
    "visit reports, recovery plans, confidentiality rules and KPI scorecards",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "crm", "sale_management", "sale_margin"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/crm_team_data.xml",
        "data/crm_stage_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/crm_stage_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_lead_legal_review_views.xml",
        "views/res_partner_views.xml",
        "views/sales_contact_plan_views.xml",
        "views/sales_visit_plan_views.xml",
        "views/sales_visit_plan_line_views.xml",
        "views/sales_visit_report_views.xml",
        "views/sales_recovery_plan_views.xml",
        "views/sales_kpi_scorecard_views.xml",
        "report/sales_visit_review_report_views.xml",
        "wizards/sales_kpi_scorecard_wizard_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_customer_dev_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_customer_dev/static/tests/tours/*.js",
        ],
    },
}
