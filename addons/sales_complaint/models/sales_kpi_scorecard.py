# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service-quality targets on the rep's monthly KPI scorecard.

The figures are those of ``sales.complaint.target.report`` for the rep and
month (``_figures_by_user``: the same facts and arithmetic); the satisfaction
rate is added by ``sales_satisfaction``.
"""

from odoo import fields, models

from .sales_complaint_target_report import TARGET_CONTRACT, TARGET_FEEDBACK


class SalesKpiScorecard(models.Model):
    _inherit = "sales.kpi.scorecard"

    feedback_count = fields.Integer(
        string="Feedback Given",
        readonly=True,
        help="Complaints first answered and suggestions answered in the month.",
    )
    feedback_rate = fields.Float(
        string="Timely Feedback (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Feedback given within its deadline / all feedback given in the "
        "month, in percent (0 when none was given).",
    )
    feedback_target = fields.Float(
        string="Timely Feedback Target (%)",
        compute="_compute_service_targets",
    )
    contract_count = fields.Integer(
        string="Orders Confirmed",
        readonly=True,
        help="Orders of the rep confirmed in the month.",
    )
    contract_rate = fields.Float(
        string="Contract Accuracy (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Orders confirmed in the month and not corrected after "
        "confirmation / all orders confirmed in the month, in percent (0 when "
        "none was confirmed).",
    )
    contract_target = fields.Float(
        string="Contract Accuracy Target (%)",
        compute="_compute_service_targets",
    )

    def _compute_service_targets(self):
        for card in self:
            card.feedback_target = TARGET_FEEDBACK
            card.contract_target = TARGET_CONTRACT

    def _collect_kpis(self, company, start, end):
        result = super()._collect_kpis(company, start, end)
        figures = self.env["sales.complaint.target.report"]._figures_by_user(
            start, end, company.ids
        )
        for user_id, vals in result.items():
            row = figures.get(user_id, {})
            vals.update(
                feedback_count=int(row.get("feedback_count") or 0),
                feedback_rate=round(float(row.get("feedback_rate") or 0.0), 2),
                contract_count=int(row.get("contract_count") or 0),
                contract_rate=round(float(row.get("contract_rate") or 0.0), 2),
            )
        return result
