# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesExpenseStandard(models.Model):
    """The company's expense standard of a category: the most an employee
    spends per day and per trip (one expense report), optionally for one job
    position (the employee's grade); a job's own standard wins over the
    general one (clause SP-EXP-04)."""

    _name = "sales.expense.standard"
    _description = "Sales Expense Standard"
    _order = "category_id, job_id, id"
    _check_company_auto = True

    category_id = fields.Many2one(
        "sales.expense.category", required=True, index=True, ondelete="cascade"
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position (Grade)",
        index=True,
        help="Empty: every employee without a standard of their own job.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    limit_per_day = fields.Monetary(
        help="Most spent per employee and day in the category (0: no limit)."
    )
    limit_per_trip = fields.Monetary(
        help="Most spent in the category on one expense report (0: no limit)."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "category_job_company_uniq",
            "unique(category_id, job_id, company_id)",
            "One expense standard per category, job position and company.",
        )
    ]

    @api.constrains("limit_per_day", "limit_per_trip")
    def _check_limits(self):
        for standard in self:
            if standard.limit_per_day < 0 or standard.limit_per_trip < 0:
                raise ValidationError(
                    self.env._(
                        "The limits of the expense standard of %(category)s cannot "
                        "be negative (sales policy SP-EXP-04).",
                        category=standard.category_id.name,
                    )
                )
