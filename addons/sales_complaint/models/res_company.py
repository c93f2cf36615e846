# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.complaint_math import SCORE_MAX, SCORE_MIN


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_hours_low = fields.Integer(
        string="Response Time, Low Severity (hours)", default=120
    )
    complaint_hours_normal = fields.Integer(
        string="Response Time, Normal Severity (hours)", default=72
    )
    complaint_hours_high = fields.Integer(
        string="Response Time, High Severity (hours)", default=24
    )
    complaint_hours_critical = fields.Integer(
        string="Response Time, Critical Severity (hours)", default=4
    )
    complaint_escalation_hours = fields.Integer(
        string="Escalation to the Sales Manager (hours)",
        default=24,
        help="Hours past the response deadline after which an unanswered "
        "complaint is escalated to the sales manager as well.",
    )
    complaint_satisfied_score = fields.Integer(
        string="Satisfied From Score",
        default=4,
        help="A revisit score (1 to 5) from which the customer counts as "
        "satisfied; below it the complaint is handled again.",
    )
    suggestion_answer_days = fields.Integer(
        string="Answer Suggestions Within (days)",
        default=7,
        help="A suggestion answered within this many days of its receipt is "
        "answered in time (timely feedback target).",
    )

    @api.constrains(
        "complaint_hours_low",
        "complaint_hours_normal",
        "complaint_hours_high",
        "complaint_hours_critical",
        "complaint_escalation_hours",
        "suggestion_answer_days",
    )
    def _check_complaint_delays(self):
        for company in self:
            values = (
                company.complaint_hours_low,
                company.complaint_hours_normal,
                company.complaint_hours_high,
                company.complaint_hours_critical,
                company.complaint_escalation_hours,
                company.suggestion_answer_days,
            )
            if any(value < 1 for value in values):
                raise ValidationError(
                    self.env._(
                        "Complaint response times, the escalation delay and the "
                        "suggestion answer delay are at least 1 (%(company)s).",
                        company=company.name,
                    )
                )

    @api.constrains("complaint_satisfied_score")
    def _check_complaint_satisfied_score(self):
        for company in self:
            if not SCORE_MIN <= company.complaint_satisfied_score <= SCORE_MAX:
                raise ValidationError(
                    self.env._(
                        "The satisfied-from score is on the revisit scale, "
                        "%(low)s to %(high)s.",
                        low=SCORE_MIN,
                        high=SCORE_MAX,
                    )
                )

    def _complaint_response_hours(self, severity):
        """Hours allowed for the first response to a complaint of ``severity``."""
        self.ensure_one()
        return self[f"complaint_hours_{severity or 'normal'}"]
