# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Tenders and Bids",
    "summary": "Tenders and price comparisons: bid/no-bid decision by the sales "
    "manager (and senior management for large tenders) through the approval "
    "engine, bid dossier, final quotation review, outcome feeding competitor "
    "prices",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "sales_policy_base",
        "sales_policy_sale",
        "sales_competitor",
        "sale_management",
        "mail",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        # clauses first: the shipped rules point to them
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
        "views/sales_tender_views.xml",
        "views/sales_competitor_price_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_tender_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_tender/static/tests/tours/*.js",
        ],
    },
}
