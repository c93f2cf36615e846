# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_interest_rate = fields.Float(
        related="company_id.sales_interest_rate", readonly=False
    )
    sales_interest_basis = fields.Selection(
        related="company_id.sales_interest_basis", readonly=False
    )
    sales_interest_grace_days = fields.Integer(
        related="company_id.sales_interest_grace_days", readonly=False
    )

    sales_collection_target_percent = fields.Float(
        related="company_id.sales_collection_target_percent", readonly=False
    )
    sales_escalation_days = fields.Integer(
        related="company_id.sales_escalation_days", readonly=False
    )
    sales_aging_buckets = fields.Char(
        related="company_id.sales_aging_buckets", readonly=False
    )
    sales_credit_watch_amount = fields.Monetary(
        related="company_id.sales_credit_watch_amount", readonly=False
    )
    sales_reminder_finance_user_id = fields.Many2one(
        related="company_id.sales_reminder_finance_user_id", readonly=False
    )
