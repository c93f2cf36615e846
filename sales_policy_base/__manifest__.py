# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy Base",
    "summary": "Security groups, company policy settings and the policy "
    "clause register shared by the Sales Policy Suite",
    "version": "18.0.1.0.0",
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
        "views/sales_policy_clause_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_policy_clause_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_policy_base/static/tests/tours/*.js",
        ],
    },
}
