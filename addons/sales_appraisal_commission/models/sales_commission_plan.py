# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.sales_appraisal.tools.appraisal_math import band_score


class SalesCommissionPlan(models.Model):
    _inherit = "sales.commission.plan"

    appraisal_band_ids = fields.One2many(
        "sales.commission.appraisal.band",
        "plan_id",
        string="Appraisal Multipliers",
        help="The rep's appraisal score of the settled period multiplies the "
        "commission (project bonuses excepted); without bands, or below the "
        "lowest one, or without an appraisal, the commission is paid as is.",
    )

    def _appraisal_multiplier(self, score):
        """The multiplier of ``score``: the band reached; 1 when none is."""
        self.ensure_one()
        bands = [(band.score_from, band.multiplier) for band in self.appraisal_band_ids]
        if score is None or not any(score >= start for start, _m in bands):
            return 1.0
        return band_score(score, bands)
