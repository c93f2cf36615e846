# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_hours_low = fields.Integer(
        related="company_id.complaint_hours_low", readonly=False
    )
    complaint_hours_normal = fields.Integer(
        related="company_id.complaint_hours_normal", readonly=False
    )
    complaint_hours_high = fields.Integer(
        related="company_id.complaint_hours_high", readonly=False
    )
    complaint_hours_critical = fields.Integer(
        related="company_id.complaint_hours_critical", readonly=False
    )
    complaint_escalation_hours = fields.Integer(
        related="company_id.complaint_escalation_hours", readonly=False
    )
    complaint_satisfied_score = fields.Integer(
        related="company_id.complaint_satisfied_score", readonly=False
    )
    suggestion_answer_days = fields.Integer(
        related="company_id.suggestion_answer_days", readonly=False
    )
