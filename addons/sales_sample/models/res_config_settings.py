# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_sample_fee_product_id = fields.Many2one(
        related="company_id.sales_sample_fee_product_id", readonly=False
    )
