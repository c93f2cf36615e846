# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..tools.satisfaction_math import satisfaction_rate


class SalesKpiScorecard(models.Model):
    _inherit = "sales.kpi.scorecard"

    satisfaction_responses = fields.Integer(
        string="Satisfaction Answers",
        readonly=True,
        help="Satisfaction measurements of the rep's customers in the month.",
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Satisfied answers / all satisfaction answers of the month, in "
        "percent (0 when no answer was received).",
    )
    satisfaction_target = fields.Float(
        string="Satisfaction Target (%)",
        related="company_id.sales_satisfaction_target",
    )

    def _collect_kpis(self, company, start, end):
        result = super()._collect_kpis(company, start, end)
        counts = {
            user.id: (total, satisfied)
            for user, total, satisfied in self.env[
                "sales.satisfaction.response"
            ]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", list(result)),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["user_id"],
                ["__count", "satisfied_count:sum"],
            )
        }
        for user_id, vals in result.items():
            total, satisfied = counts.get(user_id, (0, 0))
            vals["satisfaction_responses"] = total
            vals["satisfaction_rate"] = satisfaction_rate(satisfied, total)
        return result
