# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Samples and Tooling",
    "summary": "Sample and tooling requests to R&D with their specification, the "
    "fee rule per customer grade, a monthly sample budget per team and the "
    "monthly sample statistics",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sale", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/product_data.xml",
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sales_sample_request_views.xml",
        "views/sales_sample_budget_views.xml",
        "views/sales_sample_report_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/sales_sample_stats_export_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/sales_sample_demo.xml"],
    "assets": {
        "web.assets_tests": ["sales_sample/static/tests/tours/*.js"],
    },
}
