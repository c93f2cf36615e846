# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesExpenseCategory(models.Model):
    """A sales-expense budget category (travel, entertainment, samples and
    tooling, promotion, other) and the expense products, account and analytic
    account that count in it."""

    _name = "sales.expense.category"
    _description = "Sales Expense Category"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)
    product_ids = fields.One2many(
        "product.product",
        "sales_expense_category_id",
        string="Expense Products",
        domain=[("can_be_expensed", "=", True)],
    )
    account_id = fields.Many2one(
        "account.account",
        string="Expense Account",
        check_company=True,
        help="Vendor bill lines on this account (without a categorised "
        "product) count in this category.",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account", check_company=True
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a sales expense category is unique per company.",
        )
    ]
