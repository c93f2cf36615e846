# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Targets and Appraisal",
    "summary": "Annual targets per team and rep broken down into months, "
    "weighted monthly scores, quarterly and yearly appraisals, position "
    "reviews, rewards and penalties",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sales_customer_dev", "sale", "crm"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "data/sales_appraisal_template_data.xml",
        "views/sales_target_views.xml",
        "views/sales_appraisal_template_views.xml",
        "views/sales_appraisal_views.xml",
        "views/sales_reward_penalty_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_appraisal_compute_wizard_views.xml",
        "wizards/sales_reward_penalty_export_views.xml",
        "wizards/sales_appraisal_file_export_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_appraisal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_appraisal/static/tests/tours/*.js",
        ],
    },
}
