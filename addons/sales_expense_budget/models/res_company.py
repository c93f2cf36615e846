# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_expense_budget_senior_amount = fields.Monetary(
        string="Budgets Approved by Senior Management From",
        currency_field="currency_id",
        default=100000.0,
        help="A sales-expense budget whose total reaches this amount also needs "
        "the approval of senior management (0: never).",
    )

    @api.constrains("sales_expense_budget_senior_amount")
    def _check_sales_expense_budget_senior_amount(self):
        for company in self:
            if company.sales_expense_budget_senior_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The senior-management threshold of sales-expense budgets "
                        "of %(company)s cannot be negative.",
                        company=company.name,
                    )
                )
