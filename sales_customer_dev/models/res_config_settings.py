# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
    sales_dev_policy_team_ids = fields.Many2many(
        "crm.team",
        string="Teams on the Development Pipeline",
        compute="_compute_sales_dev_policy_team_ids",
        inverse="_inverse_sales_dev_policy_team_ids",
        help="Sales teams whose pipeline has the customer-development stages "
        "(with their requirements). The Customer Development team always has "
        "them; other teams keep Odoo's pipeline.",
    )

    @api.depends("company_id")
    def _compute_sales_dev_policy_team_ids(self):
        teams = self.env["crm.team"].search([("sales_dev_policy", "=", True)])
        for settings in self:
            settings.sales_dev_policy_team_ids = teams

    def _inverse_sales_dev_policy_team_ids(self):
        # applied by set_values when the settings are saved
        return

    def set_values(self):
        res = super().set_values()
        self.env["crm.team"]._sales_dev_set_policy_teams(self.sales_dev_policy_team_ids)
        return res
