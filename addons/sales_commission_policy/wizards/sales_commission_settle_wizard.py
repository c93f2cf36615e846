# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


def _previous_month_start():
    return fields.Date.today().replace(day=1) - relativedelta(months=1)


class SalesCommissionSettleWizard(models.TransientModel):
    _name = "sales.commission.settle.wizard"
    _description = "Settle Commissions of a Period"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="Period Start", required=True, default=_previous_month_start
    )
    date_to = fields.Date(
        string="Period End",
        required=True,
        default=lambda self: fields.Date.today().replace(day=1) - relativedelta(days=1),
    )
    user_ids = fields.Many2many(
        "res.users", string="Reps", help="Leave empty to settle every rep."
    )
    generate = fields.Boolean(
        string="Generate Missing Lines First",
        default=True,
        help="Create the commission lines of invoices and payments not yet "
        "processed before settling.",
    )

    @public_arguments(one=True)
    def action_settle(self):
        self.ensure_one()
        Settlement = self.env["sales.commission.settlement"]
        Settlement._check_manager()
        if self.generate:
            self.env["sales.commission.line"]._generate(
                companies=self.company_id, date_to=self.date_to
            )
        settlements = Settlement._settle(
            self.date_from, self.date_to, self.company_id, self.user_ids or None
        )
        return settlements._get_records_action(name=self.env._("Settlements"))
