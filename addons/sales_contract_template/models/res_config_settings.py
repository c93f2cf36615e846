# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contract_review_months = fields.Integer(
        related="company_id.contract_review_months", readonly=False
    )
    contract_review_user_id = fields.Many2one(
        related="company_id.contract_review_user_id", readonly=False
    )
