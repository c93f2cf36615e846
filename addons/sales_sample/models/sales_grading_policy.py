# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

REFUND_OPTION = [("refund_first_order", "Charged, Refunded on First Order")]


class SalesGradingPolicy(models.Model):
    _inherit = "sales.grading.policy"

    sample_fee_a = fields.Selection(
        selection_add=REFUND_OPTION,
        ondelete={"refund_first_order": "set default"},
    )
    sample_fee_b = fields.Selection(
        selection_add=REFUND_OPTION,
        ondelete={"refund_first_order": "set default"},
    )
    sample_fee_c = fields.Selection(
        selection_add=REFUND_OPTION,
        ondelete={"refund_first_order": "set default"},
    )
