# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sales Complaint: Lots and Deliveries",
    "summary": "The lot a complaint concerns; the after-delivery satisfaction "
    "survey when the deliveries are validated",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-policy-suite/sales-policy-suite",
    "author": "Sales Policy Suite contributors",
    "maintainers": ["sales-policy-suite"],
    # AGPL: the module extends sales_complaint (on OCA crm_claim, AGPL-3)
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["sales_complaint", "sale_stock"],
    "data": [
        "views/crm_claim_views.xml",
    ],
}
