# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCommissionAppraisalBand(models.Model):
    """From this appraisal score on, the plan's commission is multiplied by
    this factor."""

    _name = "sales.commission.appraisal.band"
    _description = "Commission Multiplier by Appraisal Score"
    _order = "plan_id, score_from"

    plan_id = fields.Many2one(
        "sales.commission.plan", required=True, ondelete="cascade", index=True
    )
    score_from = fields.Float(string="From Score", required=True, digits=(16, 2))
    multiplier = fields.Float(required=True, default=1.0, digits=(16, 4))

    _sql_constraints = [
        (
            "score_unique",
            "UNIQUE (plan_id, score_from)",
            "Two multiplier bands of a plan start at the same score.",
        ),
        (
            "multiplier_positive",
            "CHECK (multiplier >= 0)",
            "A commission multiplier is not negative.",
        ),
    ]
