# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesAppraisalBand(models.Model):
    """A scoring band: from this achievement on, an indicator scores this."""

    _name = "sales.appraisal.band"
    _description = "Appraisal Scoring Band"
    _order = "template_id, achievement_from"

    template_id = fields.Many2one(
        "sales.appraisal.template", required=True, ondelete="cascade", index=True
    )
    achievement_from = fields.Float(
        string="From Achievement (%)", required=True, digits=(16, 2)
    )
    score = fields.Float(required=True, digits=(16, 2))

    _sql_constraints = [
        (
            "achievement_unique",
            "UNIQUE (template_id, achievement_from)",
            "Two bands of a template start at the same achievement.",
        )
    ]
