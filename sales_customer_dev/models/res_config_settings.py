# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_dev_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Development Currency"
    )
    sales_dev_visit_interval_days = fields.Integer(
        related="company_id.sales_dev_visit_interval_days", readonly=False
    )
    sales_dev_inactive_days = fields.Integer(
        related="company_id.sales_dev_inactive_days", readonly=False
    )
    sales_dev_target_new_customers = fields.Integer(
        related="company_id.sales_dev_target_new_customers", readonly=False
    )
    sales_dev_target_conversion = fields.Float(
        related="company_id.sales_dev_target_conversion", readonly=False
    )
    sales_dev_target_revenue = fields.Monetary(
        related="company_id.sales_dev_target_revenue",
        readonly=False,
        currency_field="sales_dev_currency_id",
    )
    sales_dev_improvement_months = fields.Integer(
        related="company_id.sales_dev_improvement_months", readonly=False
    )
