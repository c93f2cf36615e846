# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

CLAUSE_BUDGET = "SP-EXP-01"
#: the budget states whose lines take their team, category and month
LIVE_STATES = ("draft", "submitted", "approved")


class SalesExpenseBudgetLine(models.Model):
    """A budget's amount for one category.

    One live budget per team (or rep), category and month (clause
    SP-EXP-01): a Python check refuses overlaps among draft, submitted and
    approved budgets (a revision does not overlap the version it revises),
    and a partial unique index holds it among approved lines whatever the
    interleaving of transactions.
    """

    _name = "sales.expense.budget.line"
    _description = "Sales Expense Budget Line"
    _order = "budget_id, category_id"
    _check_company_auto = True

    budget_id = fields.Many2one(
        "sales.expense.budget", required=True, index=True, ondelete="cascade"
    )
    category_id = fields.Many2one(
        "sales.expense.category",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    amount = fields.Monetary(required=True, default=0.0)
    note = fields.Char()
    team_id = fields.Many2one(related="budget_id.team_id", store=True, index=True)
    user_id = fields.Many2one(related="budget_id.user_id", store=True)
    month = fields.Date(related="budget_id.month", store=True, index=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    budget_state = fields.Selection(related="budget_id.state", store=True, index=True)

    _sql_constraints = [
        (
            "budget_category_uniq",
            "unique(budget_id, category_id)",
            "A budget has one line per category.",
        ),
    ]

    def init(self):
        # one approved budget per team (or rep), category and month, whatever
        # the interleaving of transactions (SP-EXP-01)
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_expense_budget_line_approved_uniq "
                "ON sales_expense_budget_line "
                "(company_id, team_id, COALESCE(user_id, 0), category_id, month) "
                "WHERE budget_state = 'approved'"
            )
        )

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The budget of %(category)s in %(budget)s is negative "
                        "(%(amount)s): budget amounts are zero or more (sales "
                        "policy %(clause)s).",
                        category=line.category_id.name,
                        budget=line.budget_id.display_name,
                        amount=line.amount,
                        clause=CLAUSE_BUDGET,
                    )
                )

    @api.constrains("category_id", "budget_id", "team_id", "user_id", "month")
    def _check_overlap(self):
        """One live budget per team (or rep), category and month."""
        lines = self.filtered(lambda line: line.budget_state in LIVE_STATES)
        if not lines:
            return
        self.flush_model()
        self.env["sales.expense.budget"].flush_model(["previous_id", "state"])
        rows = self.env.execute_query(
            SQL(
                "SELECT l.id, o.id FROM sales_expense_budget_line l "
                "JOIN sales_expense_budget b ON b.id = l.budget_id "
                "JOIN sales_expense_budget_line o ON o.company_id = l.company_id "
                " AND o.team_id = l.team_id "
                " AND COALESCE(o.user_id, 0) = COALESCE(l.user_id, 0) "
                " AND o.category_id = l.category_id AND o.month = l.month "
                " AND o.budget_id != l.budget_id AND o.budget_state IN %s "
                "JOIN sales_expense_budget ob ON ob.id = o.budget_id "
                "WHERE l.id IN %s "
                # a revision and the version it revises are one budget
                " AND ob.id IS DISTINCT FROM b.previous_id "
                " AND b.id IS DISTINCT FROM ob.previous_id "
                "LIMIT 1",
                LIVE_STATES,
                tuple(lines.ids),
            )
        )
        if rows:
            line, other = self.browse(rows[0][0]), self.sudo().browse(rows[0][1])
            raise ValidationError(
                self.env._(
                    "%(team)s already has a budget for %(category)s in %(month)s "
                    "(%(other)s): budgets of the same team, salesperson, category "
                    "and month cannot overlap (sales policy %(clause)s). Revise "
                    "that budget instead.",
                    team=line.team_id.name,
                    category=line.category_id.name,
                    month=line.month.strftime("%Y-%m"),
                    other=other.budget_id.display_name,
                    clause=CLAUSE_BUDGET,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        try:
            with self.env.cr.savepoint():
                lines = super().create(vals_list)
        except UniqueViolation as error:
            raise self._overlap_race_error() from error
        budgets = lines.budget_id
        if not self.env.su and not budgets._in_transition():
            budgets._check_editable({"line_ids"})
        return lines

    def write(self, vals):
        budgets = self.budget_id
        if not self.env.su and not budgets._in_transition():
            budgets._check_editable({"line_ids"})
        return super().write(vals)

    def _overlap_race_error(self):
        return ValidationError(
            self.env._(
                "Another approved budget for the same team, category and month "
                "was just saved (sales policy %(clause)s). Reload and revise it.",
                clause=CLAUSE_BUDGET,
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        budgets = self.budget_id
        if not self.env.su and not budgets._in_transition():
            budgets._check_editable({"line_ids"})

    def _budget_keys(self):
        """[(company, team, category, month)] of the lines."""
        return [
            (line.company_id.id, line.team_id.id, line.category_id.id, line.month)
            for line in self
        ]
