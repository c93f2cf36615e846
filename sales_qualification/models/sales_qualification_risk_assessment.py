# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.training_math import valid_rating
from .sales_qualification_risk import risk_level


class SalesQualificationRiskAssessment(models.Model):
    """One periodic assessment of a risk (clause SP-QUA-13).

    The history is kept: an assessment is written once (managers create,
    nobody but the policy administrator edits or deletes) and sets the risk's
    current likelihood and impact and its next assessment date.
    """

    _name = "sales.qualification.risk.assessment"
    _description = "Qualification Risk Assessment"
    _order = "assessment_date desc, id desc"
    _check_company_auto = True

    risk_id = fields.Many2one(
        "sales.qualification.risk",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
    assessment_date = fields.Date(
        string="Assessed On", required=True, default=fields.Date.context_today
    )
    assessor_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    likelihood = fields.Integer(required=True, help="1 (very low) to 5 (very high).")
    impact = fields.Integer(required=True, help="1 (very low) to 5 (very high).")
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        compute="_compute_score",
        store=True,
    )
    note = fields.Text(string="What Changed")

    _sql_constraints = [
        (
            "likelihood_range",
            "CHECK(likelihood BETWEEN 1 AND 5)",
            "The likelihood is rated from 1 to 5.",
        ),
        (
            "impact_range",
            "CHECK(impact BETWEEN 1 AND 5)",
            "The impact is rated from 1 to 5.",
        ),
    ]

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for assessment in self:
            assessment.score = (assessment.likelihood or 0) * (assessment.impact or 0)
            assessment.level = risk_level(assessment.score)

    @api.constrains("likelihood", "impact")
    def _check_ratings(self):
        for assessment in self:
            for name in ("likelihood", "impact"):
                if not valid_rating(assessment[name]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s of the assessment of %(risk)s is rated from "
                            "1 (very low) to 5 (very high), not %(value)s (sales "
                            "policy SP-QUA-13).",
                            field=self._fields[name]._description_string(self.env),
                            risk=assessment.risk_id.name,
                            value=assessment[name],
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for name in ("likelihood", "impact"):
                if name in vals and not valid_rating(vals[name]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s is rated from 1 (very low) to 5 (very "
                            "high), not %(value)s (sales policy SP-QUA-13).",
                            field=self._fields[name]._description_string(self.env),
                            value=vals[name],
                        )
                    )
        assessments = super().create(vals_list)
        # the latest assessment is the risk's current rating
        for assessment in assessments.sorted("assessment_date"):
            risk = assessment.risk_id.sudo()
            if assessment.assessment_date >= (
                risk.last_assessment_date or assessment.assessment_date
            ):
                risk.write(
                    {
                        "likelihood": str(assessment.likelihood),
                        "impact": str(assessment.impact),
                    }
                )
        return assessments
