# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_expense_budget_senior_amount = fields.Monetary(
        related="company_id.sales_expense_budget_senior_amount",
        currency_field="currency_id",
        readonly=False,
    )
