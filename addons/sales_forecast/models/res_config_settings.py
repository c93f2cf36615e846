# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_forecast_months_ahead = fields.Integer(
        related="company_id.sales_forecast_months_ahead", readonly=False
    )
    sales_forecast_deadline_day = fields.Integer(
        related="company_id.sales_forecast_deadline_day", readonly=False
    )
    sales_forecast_reminder_days = fields.Integer(
        related="company_id.sales_forecast_reminder_days", readonly=False
    )
