# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_forecast_months_ahead = fields.Integer(
        string="Forecast Months Ahead",
        default=1,
        help="How many months after the current one the reps forecast.",
    )
    sales_forecast_deadline_day = fields.Integer(
        string="Forecast Deadline Day",
        default=25,
        help="Day of the month before the forecast month by which the reps "
        "submit their forecast.",
    )
    sales_forecast_reminder_days = fields.Integer(
        string="Forecast Reminder Days",
        default=3,
        help="How many days before the deadline reps with unsubmitted "
        "forecasts get a reminder activity.",
    )

    @api.constrains(
        "sales_forecast_months_ahead",
        "sales_forecast_deadline_day",
        "sales_forecast_reminder_days",
    )
    def _check_sales_forecast_settings(self):
        for company in self:
            if not 1 <= company.sales_forecast_months_ahead <= 12:
                raise ValidationError(
                    self.env._(
                        "Forecast months ahead must be between 1 and 12, not "
                        "%(months)s.",
                        months=company.sales_forecast_months_ahead,
                    )
                )
            if not 1 <= company.sales_forecast_deadline_day <= 31:
                raise ValidationError(
                    self.env._(
                        "The forecast deadline day must be between 1 and 31, "
                        "not %(day)s.",
                        day=company.sales_forecast_deadline_day,
                    )
                )
            if company.sales_forecast_reminder_days < 0:
                raise ValidationError(
                    self.env._("Forecast reminder days cannot be negative.")
                )
