# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCommissionTarget(models.Model):
    """A rep's monthly revenue target under a plan (drives the tiers)."""

    _name = "sales.commission.target"
    _description = "Commission Target"
    _order = "plan_id, user_id"

    plan_id = fields.Many2one(
        "sales.commission.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Rep", required=True, index=True)
    amount = fields.Monetary(string="Monthly Target", required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        (
            "user_unique",
            "UNIQUE (plan_id, user_id)",
            "A rep has one target per plan.",
        ),
    ]
