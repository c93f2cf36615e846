# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

BILL_TYPES = ("in_invoice", "in_refund", "in_receipt")


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    sales_expense_team_id = fields.Many2one(
        "crm.team",
        string="Sales Team (Budget)",
        compute="_compute_sales_expense_budget",
        store=True,
        help="Vendor bill line tagged with the team's sales-expense analytic "
        "account: counts as the team's actual spending.",
    )
    sales_expense_category_id = fields.Many2one(
        "sales.expense.category",
        compute="_compute_sales_expense_budget",
        store=True,
    )

    @api.depends(
        "analytic_distribution",
        "product_id",
        "account_id",
        "move_id.move_type",
        "expense_id",
        "display_type",
    )
    def _compute_sales_expense_budget(self):
        bills = self.filtered(
            lambda line: line.move_id.move_type in BILL_TYPES
            and not line.expense_id
            and line.display_type == "product"
            and line.analytic_distribution
        )
        (self - bills).sales_expense_team_id = False
        (self - bills).sales_expense_category_id = False
        if not bills:
            return
        analytic_ids = {
            int(key)
            for line in bills
            for keys in line.analytic_distribution
            for key in keys.split(",")
            if key.isdigit()
        }
        teams = {
            team.sales_expense_analytic_account_id.id: team
            for team in self.env["crm.team"]
            .sudo()
            .search([("sales_expense_analytic_account_id", "in", list(analytic_ids))])
        }
        by_account = {
            category.account_id.id: category
            for category in self.env["sales.expense.category"]
            .sudo()
            .search([("account_id", "in", bills.account_id.ids)])
        }
        for line in bills:
            team = next(
                (
                    teams[int(key)]
                    for keys in line.analytic_distribution
                    for key in keys.split(",")
                    if key.isdigit() and int(key) in teams
                ),
                self.env["crm.team"],
            )
            category = (
                line.product_id.sudo().sales_expense_category_id
                or by_account.get(
                    line.account_id.id, self.env["sales.expense.category"]
                )
            )
            line.sales_expense_team_id = team if category else False
            line.sales_expense_category_id = category if team else False

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS account_move_line_sales_budget_idx "
                "ON account_move_line (sales_expense_team_id, "
                "sales_expense_category_id, date) "
                "WHERE sales_expense_team_id IS NOT NULL"
            )
        )
