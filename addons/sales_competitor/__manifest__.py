# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Competitor Register and Prices",
    "summary": "Competitors, their products mapped to ours, observed prices "
    "with date and source; quotation lines show the latest competitor price",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": ["sales_policy_base", "sale"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/sales_policy_clause_data.xml",
        "views/sales_competitor_views.xml",
        "views/sales_competitor_price_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_competitor_demo.xml",
    ],
}
