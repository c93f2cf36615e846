# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class HrExpense(models.Model):
    _inherit = "hr.expense"

    sales_expense_category_id = fields.Many2one(
        "sales.expense.category",
        related="product_id.sales_expense_category_id",
        store=True,
    )
    sales_expense_team_id = fields.Many2one(
        "crm.team",
        string="Sales Team (Budget)",
        compute="_compute_sales_expense_team_id",
        store=True,
        help="The sales team whose budget the expense uses: the employee's "
        "team when the expense was recorded.",
    )

    @api.depends("employee_id")
    def _compute_sales_expense_team_id(self):
        for expense in self:
            expense.sales_expense_team_id = (
                expense.employee_id.sudo().user_id.sale_team_id
            )

    def init(self):
        # the budget figures read expenses per team, category and date
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS hr_expense_sales_budget_idx "
                "ON hr_expense (sales_expense_team_id, sales_expense_category_id, "
                "date) WHERE sales_expense_team_id IS NOT NULL"
            )
        )
