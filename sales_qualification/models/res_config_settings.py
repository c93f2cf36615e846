# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_qualification_warning_days = fields.Integer(
        related="company_id.sales_qualification_warning_days", readonly=False
    )
    sales_qualification_final_warning_days = fields.Integer(
        related="company_id.sales_qualification_final_warning_days", readonly=False
    )
    sales_qualification_min_validity_days = fields.Integer(
        related="company_id.sales_qualification_min_validity_days", readonly=False
    )
    sales_qualification_followup_days = fields.Char(
        related="company_id.sales_qualification_followup_days", readonly=False
    )
    sales_qualification_emergency_team_ids = fields.Many2many(
        related="company_id.sales_qualification_emergency_team_ids", readonly=False
    )
    sales_qualification_serious_response_hours = fields.Integer(
        related="company_id.sales_qualification_serious_response_hours",
        readonly=False,
    )
    sales_qualification_critical_response_hours = fields.Integer(
        related="company_id.sales_qualification_critical_response_hours",
        readonly=False,
    )
    sales_qualification_induction_days = fields.Float(
        related="company_id.sales_qualification_induction_days", readonly=False
    )
    sales_qualification_induction_period_days = fields.Integer(
        related="company_id.sales_qualification_induction_period_days",
        readonly=False,
    )
