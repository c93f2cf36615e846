# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..models.sales_forecast import MANAGER_GROUP
from ..tools.forecast_math import next_months


class SalesForecastGenerateWizard(models.TransientModel):
    _name = "sales.forecast.generate.wizard"
    _description = "Prepare Sales Forecasts"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    months_ahead = fields.Integer(
        required=True,
        default=lambda self: self.env.company.sales_forecast_months_ahead or 1,
        help="Draft forecasts are prepared for this many months after the "
        "current one.",
    )

    @public_arguments(one=True)
    def action_generate(self):
        """Create the missing draft forecasts of every rep, pre-filled."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a sales manager prepares the reps' forecasts.")
            )
        if self.company_id not in self.env.user.company_ids:
            raise AccessError(
                self.env._("You may prepare the forecasts of your own companies only.")
            )
        months = next_months(
            fields.Date.context_today(self), max(1, min(self.months_ahead, 12))
        )
        created = (
            self.env["sales.forecast.prefill"].sudo()._generate(self.company_id, months)
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_forecast.sales_forecast_action"
        )
        action["domain"] = [("id", "in", created.ids)]
        return action
