# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_policy_document = fields.Char(
        related="company_id.sales_policy_document", readonly=False
    )
    sales_policy_version = fields.Char(
        related="company_id.sales_policy_version", readonly=False
    )
    sales_policy_effective_date = fields.Date(
        related="company_id.sales_policy_effective_date", readonly=False
    )
    sales_policy_owner_id = fields.Many2one(
        related="company_id.sales_policy_owner_id", readonly=False
    )
    sales_policy_large_bid_amount = fields.Monetary(
        related="company_id.sales_policy_large_bid_amount", readonly=False
    )
    sales_policy_approval_reminder_days = fields.Integer(
        related="company_id.sales_policy_approval_reminder_days", readonly=False
    )
    sales_policy_allow_self_approval = fields.Boolean(
        related="company_id.sales_policy_allow_self_approval", readonly=False
    )
    sales_policy_discount_limit_user = fields.Float(
        related="company_id.sales_policy_discount_limit_user", readonly=False
    )
    sales_policy_discount_limit_manager = fields.Float(
        related="company_id.sales_policy_discount_limit_manager", readonly=False
    )
    sales_policy_discount_limit_senior = fields.Float(
        related="company_id.sales_policy_discount_limit_senior", readonly=False
    )
    sales_grade_window_months = fields.Integer(
        related="company_id.sales_grade_window_months", readonly=False
    )
