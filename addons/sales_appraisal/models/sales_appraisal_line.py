# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.appraisal_math import achievement, band_score
from .sales_appraisal_indicator import MEASURES

#: what a manager writes on a draft appraisal's qualitative line
MANAGER_FIELDS = {"manager_score", "comment"}


class SalesAppraisalLine(models.Model):
    """One indicator of an appraisal: target, actual, achievement, score.

    The engine writes the figures (as superuser); a manager only scores the
    qualitative indicators (teamwork, attitude) of a draft appraisal.
    """

    _name = "sales.appraisal.line"
    _description = "Appraisal Indicator Line"
    _order = "appraisal_id, sequence, id"

    appraisal_id = fields.Many2one(
        "sales.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    user_id = fields.Many2one(related="appraisal_id.user_id", store=True)
    sequence = fields.Integer(default=10)
    measure = fields.Selection(MEASURES, required=True)
    qualitative = fields.Boolean(
        help="Scored by the manager (quarterly and yearly appraisals)."
    )
    measured = fields.Boolean(
        default=True,
        help="The period has a figure for this indicator (e.g. no growth rate "
        "without sales in the same period last year); an indicator not "
        "measured is left out of the total.",
    )
    weight = fields.Float(string="Weight (%)", digits=(16, 2))
    target = fields.Float(digits=(16, 2))
    actual = fields.Float(digits=(16, 2))
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_score",
        store=True,
        digits=(16, 2),
        aggregator="avg",
    )
    manager_score = fields.Float(digits=(16, 2))
    score = fields.Float(
        compute="_compute_score", store=True, digits=(16, 2), aggregator="avg"
    )
    comment = fields.Char()

    @api.depends("target", "actual", "qualitative", "manager_score")
    def _compute_score(self):
        for line in self:
            if line.qualitative:
                line.achievement = 0.0
                line.score = line.manager_score
                continue
            line.achievement = achievement(line.actual, line.target)
            bands = line.appraisal_id.template_id._bands()
            line.score = band_score(line.achievement, bands)

    @api.constrains("manager_score")
    def _check_manager_score(self):
        for line in self.filtered(lambda li: not 0 <= li.manager_score <= 200):
            raise ValidationError(
                self.env._(
                    "A manager's score runs from 0 to 200; %(score)s was given.",
                    score=line.manager_score,
                )
            )

    def write(self, vals):
        if not self.env.su:
            self._check_manager_edit(vals)
        return super().write(vals)

    def _check_manager_edit(self, vals):
        """A manager scores the qualitative indicators of a draft appraisal;
        the figures are the engine's (policy clause SP-APR-03)."""
        if set(vals) - MANAGER_FIELDS or self.filtered(
            lambda li: li.appraisal_id.state != "draft" or not li.qualitative
        ):
            raise UserError(
                self.env._(
                    "The figures of an appraisal come from the sales data and a "
                    "manager scores only the teamwork and attitude of a draft "
                    "appraisal (policy clause SP-APR-03). Reset the appraisal "
                    "to draft, or recompute it."
                )
            )
