# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

SCALE = [
    ("1", "1 - Very Low"),
    ("2", "2 - Low"),
    ("3", "3 - Medium"),
    ("4", "4 - High"),
    ("5", "5 - Very High"),
]


def risk_level(score):
    """Level of a likelihood x impact score on the 1..25 scale."""
    if score >= 15:
        return "high"
    if score >= 8:
        return "medium"
    return "low"


class SalesQualificationRisk(models.Model):
    _name = "sales.qualification.risk"
    _description = "Qualification Risk"
    _inherit = ["mail.thread"]
    _order = "score desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    category = fields.Selection(
        [
            ("policy_change", "Policy Change"),
            ("processing_delay", "Processing Delay"),
            ("competition", "Competition"),
            ("legal", "Legal"),
            ("other", "Other"),
        ],
        required=True,
        default="policy_change",
    )
    qualification_id = fields.Many2one("sales.qualification", check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    likelihood = fields.Selection(SCALE, required=True, default="3", tracking=True)
    impact = fields.Selection(SCALE, required=True, default="3", tracking=True)
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        compute="_compute_score",
        store=True,
    )
    owner_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, tracking=True
    )
    mitigation = fields.Selection(
        [("avoid", "Avoid"), ("reduce", "Reduce"), ("transfer", "Transfer")],
        required=True,
        default="reduce",
        tracking=True,
    )
    mitigation_plan = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("mitigated", "Mitigated"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    emergency_ids = fields.One2many("sales.qualification.emergency", "risk_id")

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for risk in self:
            risk.score = int(risk.likelihood or 0) * int(risk.impact or 0)
            risk.level = risk_level(risk.score)
