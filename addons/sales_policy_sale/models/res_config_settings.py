# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_policy_confirmed_edit_mode = fields.Selection(
        related="company_id.sales_policy_confirmed_edit_mode", readonly=False
    )
