# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy Base",
    "summary": "Security groups, company policy settings, the policy clause "
    "register, the approval-rule engine, price floors and customer grading "
    "shared by the "
    "Sales Policy Suite",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["base_setup", "mail", "sales_team", "account"],
    "data": [
        "security/res_groups.xml",
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/sales_policy_clause_data.xml",
        "data/mail_activity_type_data.xml",
        "data/sales_grading_policy_data.xml",
        "views/sales_policy_clause_views.xml",
        "views/sales_policy_approval_rule_views.xml",
        "views/sales_policy_approval_request_views.xml",
        "views/sales_policy_approval_delegation_views.xml",
        "views/product_template_views.xml",
        "views/product_product_views.xml",
        "views/product_pricelist_views.xml",
        "views/res_partner_views.xml",
        "views/sales_grading_policy_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
        "views/sales_policy_approval_menus.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/sales_policy_clause_demo.xml",
        "demo/product_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_policy_base/static/tests/tours/*.js",
        ],
    },
}
