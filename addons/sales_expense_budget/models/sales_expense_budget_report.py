# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools.budget_sql import report_sql


class SalesExpenseBudgetReport(models.Model):
    """Budget vs committed vs actual per team, category and month (one SQL
    view over approved budget lines, expenses and vendor bill lines; the
    over-budget list is its *Over Budget* filter, clause SP-EXP-05)."""

    _name = "sales.expense.budget.report"
    _description = "Sales Expense Budget vs Actual"
    _auto = False
    _order = "month desc, team_id, category_id"
    _rec_name = "team_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    category_id = fields.Many2one("sales.expense.category", readonly=True)
    month = fields.Date(readonly=True)
    budget_amount = fields.Monetary(string="Budget", readonly=True)
    committed_amount = fields.Monetary(string="Committed", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    remaining_amount = fields.Monetary(string="Remaining", readonly=True)
    over_budget = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                report_sql(),
            )
        )
