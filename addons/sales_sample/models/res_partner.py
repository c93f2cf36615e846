# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .sales_grading_policy import REFUND_OPTION


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_grade_sample_fee = fields.Selection(selection_add=REFUND_OPTION)
