# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

#: appraisals that count for pay: the manager reviewed them
COUNTED_STATES = ("reviewed", "acknowledged", "closed")


class SalesCommissionSettlement(models.Model):
    """The rep's appraisal score multiplies the settled commission.

    At settlement, the rep's appraisal of exactly the settled period (a
    month, a quarter, a year) counts, else the mean score of the monthly
    appraisals inside it; only reviewed appraisals count. The plan's bands
    turn the score into a multiplier applied to the commission lines (bonus
    lines are paid as granted). The multiplier, like the state, changes only
    through the settlement's own steps.
    """

    _inherit = "sales.commission.settlement"
    _protected_fields = [
        "state",
        "approved_by_id",
        "bill_id",
        "appraisal_score",
        "appraisal_multiplier",
    ]

    appraisal_score = fields.Float(
        readonly=True, digits=(16, 2), help="The rep's appraisal score of the period."
    )
    appraisal_multiplier = fields.Float(
        readonly=True,
        default=1.0,
        digits=(16, 4),
        help="Factor applied to the period's commission lines (bonuses excepted).",
    )
    commission_base = fields.Monetary(
        string="Commission Before Appraisal",
        compute="_compute_amount_total",
        store=True,
    )

    @api.depends("line_ids.amount", "appraisal_multiplier")
    def _compute_amount_total(self):
        amounts = defaultdict(lambda: [0.0, 0.0])
        for settlement, basis, amount in self.env["sales.commission.line"]._read_group(
            [("settlement_id", "in", self.ids)],
            ["settlement_id", "basis"],
            ["amount:sum"],
        ):
            amounts[settlement.id][basis == "bonus"] += amount
        for settlement in self:
            lines, bonus = amounts[settlement.id]
            settlement.commission_base = lines + bonus
            settlement.amount_total = (
                settlement.currency_id.round(lines * settlement.appraisal_multiplier)
                + bonus
            )

    @api.model
    def _settle(self, date_from, date_to, company, users=None):
        settlements = super()._settle(date_from, date_to, company, users=users)
        settlements._apply_appraisal_multiplier()
        return settlements

    def _get_approval_fingerprint_data(self):
        # what is paid depends on the multiplier too
        result = super()._get_approval_fingerprint_data()
        for settlement in self:
            result[settlement.id].append(settlement.appraisal_multiplier)
        return result

    def _appraisal_scores(self):
        """{settlement id: score or None}, from one search over all reps."""
        if not self:
            return {}
        appraisals = (
            self.env["sales.appraisal"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("user_id", "in", self.user_id.ids),
                    ("state", "in", COUNTED_STATES),
                    ("date_from", ">=", min(self.mapped("date_from"))),
                    ("date_from", "<=", max(self.mapped("date_to"))),
                ]
            )
        )
        by_user = defaultdict(list)
        for appraisal in appraisals:
            by_user[(appraisal.company_id.id, appraisal.user_id.id)].append(appraisal)
        result = {}
        for settlement in self:
            end = settlement.date_to + relativedelta(days=1)
            mine = by_user[(settlement.company_id.id, settlement.user_id.id)]
            exact = [
                a
                for a in mine
                if a.date_from == settlement.date_from and a.date_to == end
            ]
            months = [
                a
                for a in mine
                if a.period_type == "month"
                and a.date_from >= settlement.date_from
                and a.date_to <= end
            ]
            if exact:
                result[settlement.id] = exact[0].score_total
            elif months:
                result[settlement.id] = sum(a.score_total for a in months) / len(months)
            else:
                result[settlement.id] = None
        return result

    def _apply_appraisal_multiplier(self):
        """Set each draft settlement's score and multiplier (its lines' plan)."""
        scores = self._appraisal_scores()
        for settlement in self.filtered(lambda s: s.state == "draft"):
            plans = settlement.line_ids.plan_id.filtered("appraisal_band_ids")
            score = scores.get(settlement.id)
            multiplier = plans[:1]._appraisal_multiplier(score) if plans else 1.0
            settlement.sudo()._transition(
                {"appraisal_score": score or 0.0, "appraisal_multiplier": multiplier}
            )
