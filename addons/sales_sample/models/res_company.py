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
    sales_sample_refund_used = fields.Boolean(
        string="Refundable Sample Fees Charged",
        readonly=True,
        help="Set when the company first charges a sample fee refunded on the "
        "customer's first order: until then, confirming an order does not look "
        "for fees to refund (no query).",
    )
