# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Quotation Approvals and Price Floors",
    "summary": "Quotations and orders go through the policy's approval rules "
    "and price floors before they are sent, printed, signed or confirmed",
    "version": "18.0.1.2.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sale_management"],
    "data": [
        # clauses first: the shipped rules point to them
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_policy_sale/static/tests/tours/*.js",
        ],
    },
}
