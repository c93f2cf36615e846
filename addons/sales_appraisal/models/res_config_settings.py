# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    appraisal_template_id = fields.Many2one(
        related="company_id.appraisal_template_id", readonly=False
    )
    appraisal_failing_months = fields.Integer(
        related="company_id.appraisal_failing_months", readonly=False
    )
    appraisal_reviewer_id = fields.Many2one(
        related="company_id.appraisal_reviewer_id", readonly=False
    )
