# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesAppraisalComputeWizard(models.TransientModel):
    """Compute the appraisals of a month, a quarter or a year now (the cron
    does it monthly)."""

    _name = "sales.appraisal.compute.wizard"
    _description = "Compute Appraisals"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        required=True,
        default="month",
    )
    date = fields.Date(
        string="In the Period",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
    )

    @public_arguments(one=True)
    def action_compute(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(self.env._("Only a sales manager computes appraisals."))
        company = self.company_id
        if company not in self.env.user.company_ids:
            raise AccessError(
                self.env._(
                    "You do not work for company %(company)s.", company=company.name
                )
            )
        engine = self.env["sales.appraisal.engine"].sudo()
        month = self.date.replace(day=1)
        if self.period_type == "month":
            appraisals = engine._compute_month(company, month)
        else:
            start = (
                month.replace(month=(month.month - 1) // 3 * 3 + 1)
                if self.period_type == "quarter"
                else month.replace(month=1)
            )
            months = 3 if self.period_type == "quarter" else 12
            for offset in range(months):
                engine._compute_month(company, start + relativedelta(months=offset))
            appraisals = engine._aggregate(company, self.period_type, start)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Appraisals"),
            "res_model": "sales.appraisal",
            "view_mode": "list,form",
            "domain": [("id", "in", appraisals.ids)],
        }
