# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Policy: Deliveries of Orders Under Review",
    "summary": "A confirmed order edited beyond the policy is not delivered "
    "until the edit is approved",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["sales_policy_sale", "sale_stock"],
    "data": [],
}
