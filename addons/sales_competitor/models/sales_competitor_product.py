# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCompetitorProduct(models.Model):
    _name = "sales.competitor.product"
    _description = "Competitor Product"
    _order = "competitor_id, product_id, id"
    _check_company_auto = True

    competitor_id = fields.Many2one(
        "sales.competitor", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="competitor_id.company_id", store=True)
    product_id = fields.Many2one(
        "product.product",
        string="Our Product",
        required=True,
        check_company=True,
        index=True,
        help="Our product the competitor's product competes with.",
    )
    competitor_product_name = fields.Char(
        string="Competitor's Product",
        required=True,
        help="The name (or reference) the competitor sells the product under.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "competitor_product_uniq",
            "UNIQUE (competitor_id, product_id, competitor_product_name)",
            "This competitor product is already mapped to this product.",
        ),
    ]
