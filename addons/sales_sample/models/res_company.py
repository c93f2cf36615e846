# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_sample_fee_product_id = fields.Many2one(
        "product.product",
        string="Sample/Tooling Fee Product",
        domain=[("type", "=", "service")],
        help="Service product of the fee line put on the customer's quotation "
        "when a sample or tooling request is accepted; its sales price is the "
        "default fee of a new request.",
    )
