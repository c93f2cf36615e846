# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    showroom_max_hold_hours = fields.Integer(
        related="company_id.showroom_max_hold_hours", readonly=False
    )
    showroom_contract_due_days = fields.Integer(
        related="company_id.showroom_contract_due_days", readonly=False
    )
    showroom_ownership_days = fields.Integer(
        related="company_id.showroom_ownership_days", readonly=False
    )
