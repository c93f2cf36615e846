# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

TRAINING_GROUPS = "sales_policy_base.group_sales_policy_user"


class ResUsers(models.Model):
    _inherit = "res.users"

    sales_training_ids = fields.One2many(
        "sales.qualification.training",
        "user_id",
        string="Training Sessions",
        groups=TRAINING_GROUPS,
    )
    sales_training_days = fields.Float(
        string="Training Days",
        compute="_compute_sales_training",
        groups=TRAINING_GROUPS,
    )
    sales_induction_missing_days = fields.Float(
        string="Induction Days Missing",
        compute="_compute_sales_training",
        groups=TRAINING_GROUPS,
        help="Training days a new salesperson still needs in the induction "
        "period (company setting); 0 once done or after the period.",
    )

    def _compute_sales_training(self):
        Training = self.env["sales.qualification.training"].sudo()
        today = fields.Date.context_today(self)
        totals = Training._training_days_by_user(
            fields.Date.to_date("1900-01-01"), today, users=self
        )
        for user in self:
            user.sales_training_days = totals.get(user.id, 0.0)
            company = user.company_id
            start = (user.create_date or fields.Datetime.now()).date()
            end = start + timedelta(
                days=company.sales_qualification_induction_period_days
            )
            missing = 0.0
            if today <= end:
                done = Training._training_days_by_user(start, end, users=user).get(
                    user.id, 0.0
                )
                missing = max(company.sales_qualification_induction_days - done, 0.0)
            user.sales_induction_missing_days = missing

    @public_arguments(one=True)
    def action_view_sales_training(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_qualification.sales_qualification_training_action"
        )
        action["domain"] = [("user_id", "=", self.id)]
        action["context"] = {"default_user_id": self.id}
        return action
