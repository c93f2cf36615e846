# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCompetitorPrice(models.Model):
    _inherit = "sales.competitor.price"

    tender_id = fields.Many2one(
        "sales.tender",
        index="btree_not_null",
        check_company=True,
        ondelete="restrict",
        readonly=True,
        help="The tender whose outcome recorded this price (source Tender).",
    )
