# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_satisfaction_threshold = fields.Float(
        related="company_id.sales_satisfaction_threshold", readonly=False
    )
    sales_satisfaction_target = fields.Float(
        related="company_id.sales_satisfaction_target", readonly=False
    )
