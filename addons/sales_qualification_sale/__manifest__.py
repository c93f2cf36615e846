# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Qualifications: Contract Review by Finance",
    "summary": "Contracts of qualification services are reviewed by finance "
    "as well as legal before signature and confirmation",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["sales_qualification", "sales_policy_sale"],
    "data": [
        "data/sales_policy_clause_data.xml",
        "data/sales_policy_approval_rule_data.xml",
    ],
}
