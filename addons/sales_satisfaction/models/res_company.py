# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_satisfaction_threshold = fields.Float(
        string="Satisfied From (Score)",
        default=80.0,
        help="A satisfaction answer scoring at least this much (0-100) counts "
        "as a satisfied customer.",
    )
    sales_satisfaction_target = fields.Float(
        string="Satisfaction Target (%)",
        default=98.0,
        help="Share of satisfied answers each salesperson and team must reach "
        "every month.",
    )

    @api.constrains("sales_satisfaction_threshold", "sales_satisfaction_target")
    def _check_sales_satisfaction_settings(self):
        for company in self:
            for value in (
                company.sales_satisfaction_threshold,
                company.sales_satisfaction_target,
            ):
                if not 0.0 <= value <= 100.0:
                    raise ValidationError(
                        self.env._(
                            "%(company)s: the satisfaction threshold and target "
                            "are percentages between 0 and 100.",
                            company=company.name,
                        )
                    )
