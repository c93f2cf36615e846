# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

_logger = logging.getLogger(__name__)

DIGEST_TYPE = "sales_expense_budget.mail_activity_type_budget_digest"


class SalesExpenseBudgetDigest(models.AbstractModel):
    """Monthly: the leader of each team with an approved budget last month
    gets an activity on that budget with its budget vs committed vs actual
    per category (clause SP-EXP-05)."""

    _name = "sales.expense.budget.digest"
    _description = "Sales Expense Budget Monthly Digest"

    @api.model
    def _digest_lines(self, team, month):
        rows = (
            self.env["sales.expense.budget.report"]
            .sudo()
            .search([("team_id", "=", team.id), ("month", "=", month)])
        )
        return "".join(
            self.env._(
                "<li>%(category)s: budget %(budget)s, committed %(committed)s, "
                "actual %(actual)s, remaining %(remaining)s</li>",
                category=row.category_id.name,
                budget=row.budget_amount,
                committed=row.committed_amount,
                actual=row.actual_amount,
                remaining=row.remaining_amount,
            )
            for row in rows
        )

    @api.model
    def _cron_digest(self, batch_size=50, commit=None, today=None):
        today = today or fields.Date.context_today(self)
        month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        budgets = self.env["sales.expense.budget"].search(
            [
                ("state", "=", "approved"),
                ("month", "=", month),
                ("user_id", "=", False),
                ("team_id.user_id", "!=", False),
            ]
        )
        batches = CronBatches(self.env, batch_size, commit=commit)
        batches.expect(len(budgets))
        done = self.env["sales.expense.budget"]
        for budget in budgets:
            try:
                with self.env.cr.savepoint():
                    budget.activity_schedule(
                        DIGEST_TYPE,
                        date_deadline=today,
                        user_id=budget.team_id.user_id.id,
                        summary=self.env._(
                            "Sales-expense budget digest %(month)s",
                            month=month.strftime("%Y-%m"),
                        ),
                        note=f"<ul>{self._digest_lines(budget.team_id, month)}</ul>",
                    )
                    done |= budget
            except Exception:
                _logger.exception("Could not send the digest of budget %s", budget.id)
                batches.processed(failed=True)
                continue
            batches.processed()
        batches.flush()
        return done
