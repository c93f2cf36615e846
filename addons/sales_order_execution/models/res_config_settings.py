# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    execution_production_user_ids = fields.Many2many(
        related="company_id.execution_production_user_ids", readonly=False
    )
    execution_logistics_user_ids = fields.Many2many(
        related="company_id.execution_logistics_user_ids", readonly=False
    )
    execution_finance_user_ids = fields.Many2many(
        related="company_id.execution_finance_user_ids", readonly=False
    )
    execution_production_team_id = fields.Many2one(
        related="company_id.execution_production_team_id", readonly=False
    )
    execution_logistics_team_id = fields.Many2one(
        related="company_id.execution_logistics_team_id", readonly=False
    )
    execution_finance_team_id = fields.Many2one(
        related="company_id.execution_finance_team_id", readonly=False
    )
    execution_require_delivery_terms = fields.Boolean(
        related="company_id.execution_require_delivery_terms", readonly=False
    )
    execution_freeze_commitment = fields.Boolean(
        related="company_id.execution_freeze_commitment", readonly=False
    )
    execution_send_delay_email = fields.Boolean(
        related="company_id.execution_send_delay_email", readonly=False
    )
