# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Qualifications",
    "summary": "Qualification certificates: evaluation, three-part review, "
    "custody and borrowing, expiry and renewal, selling only on valid "
    "qualifications, suspension on policy changes and emergencies, "
    "after-sales follow-up and problems, risks, emergencies and training",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sale_management"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "data/ir_cron_data.xml",
        "views/sales_qualification_views.xml",
        "views/sales_qualification_evaluation_views.xml",
        "views/sales_qualification_review_views.xml",
        "views/sales_qualification_authenticity_check_views.xml",
        "views/sales_qualification_loan_views.xml",
        "views/sales_qualification_followup_views.xml",
        "views/sales_qualification_risk_views.xml",
        "views/sales_qualification_emergency_views.xml",
        "views/sales_qualification_suspension_views.xml",
        "views/sales_qualification_problem_views.xml",
        "views/sale_order_views.xml",
        "views/product_template_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_qualification_renew_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/sales_qualification_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "sales_qualification/static/tests/tours/*.js",
        ],
    },
}
