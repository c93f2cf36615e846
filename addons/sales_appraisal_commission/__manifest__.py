# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Appraisal and Commission",
    "summary": "The appraisal score multiplies the commission of the settled "
    "period (score bands on commission plans)",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    "license": "LGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["sales_appraisal", "sales_commission_policy"],
    "data": [
        "security/ir.model.access.csv",
        "views/sales_commission_plan_views.xml",
        "views/sales_commission_settlement_views.xml",
    ],
}
