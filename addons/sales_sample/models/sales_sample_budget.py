# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

#: request states whose estimated cost counts against the month's budget
BUDGET_STATES = ("submitted", "accepted", "made", "sent", "feedback", "won", "lost")


class SalesSampleBudget(models.Model):
    """What a sales team may spend on samples and tooling in one month
    (clause SP-SMP-03). A request past what is left needs approval."""

    _name = "sales.sample.budget"
    _description = "Sample Budget per Team and Month"
    _order = "month desc, team_id"
    _check_company_auto = True

    team_id = fields.Many2one("crm.team", required=True, index=True, check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="First day of the month the budget covers.",
    )
    amount = fields.Monetary(string="Budget", required=True)
    used_amount = fields.Monetary(string="Used", compute="_compute_used_amount")
    remaining_amount = fields.Monetary(
        string="Remaining", compute="_compute_used_amount"
    )

    _sql_constraints = [
        (
            "team_month_uniq",
            "UNIQUE (team_id, month)",
            "A team has one sample budget per month.",
        ),
        (
            "amount_positive",
            "CHECK (amount >= 0)",
            "A sample budget cannot be negative.",
        ),
    ]

    @api.depends("team_id", "month", "amount")
    def _compute_used_amount(self):
        used = self.env["sales.sample.request"]._budget_used(
            {(b.team_id.id, b.month) for b in self if b.team_id and b.month}
        )
        for budget in self:
            budget.used_amount = used.get((budget.team_id.id, budget.month), 0.0)
            budget.remaining_amount = budget.amount - budget.used_amount

    @api.constrains("month")
    def _check_month(self):
        for budget in self:
            if budget.month.day != 1:
                raise ValidationError(
                    self.env._(
                        "The month of a sample budget is its first day, not "
                        "%(date)s (sales policy SP-SMP-03). Choose the 1st.",
                        date=budget.month,
                    )
                )
