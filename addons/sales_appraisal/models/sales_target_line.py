# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SalesTargetLine(models.Model):
    """One month of an annual target."""

    _name = "sales.target.line"
    _description = "Sales Target Month"
    _order = "target_id, month"

    target_id = fields.Many2one(
        "sales.target", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="target_id.company_id", store=True)
    user_id = fields.Many2one(related="target_id.user_id", store=True, index=True)
    team_id = fields.Many2one(related="target_id.team_id", store=True)
    scope = fields.Selection(related="target_id.scope", store=True)
    currency_id = fields.Many2one(related="target_id.currency_id")
    month = fields.Date(required=True, help="First day of the month.")
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        compute="_compute_quarter",
        store=True,
    )
    revenue = fields.Monetary()
    margin = fields.Monetary()
    collection_rate = fields.Float(string="Collection Rate (%)", digits=(16, 2))
    new_customers = fields.Integer()
    visits = fields.Integer()

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE (target_id, month)",
            "A target has one line per month.",
        )
    ]

    @api.depends("month")
    def _compute_quarter(self):
        for line in self:
            line.quarter = str((line.month.month - 1) // 3 + 1) if line.month else False
