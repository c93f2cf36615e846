# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Complaint",
    "summary": "Complaint handling on OCA claims (routing, response deadlines, "
    "revisit, re-handling), suggestions register, escalation and the "
    "service-quality targets",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    # AGPL: the module extends OCA crm_claim, which is AGPL-3
    "license": "AGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "sales_satisfaction",
        "sales_customer_dev",
        "crm_claim",
        "sale",
        "portal",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "report/complaint_form_report.xml",
        "views/crm_claim_views.xml",
        "views/sales_customer_suggestion_views.xml",
        "views/sales_complaint_target_report_views.xml",
        "views/sales_kpi_scorecard_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_complaint_revisit_wizard_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_complaint_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_complaint/static/tests/tours/*.js",
        ],
    },
}
