# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesShowroomBookingWizard(models.TransientModel):
    """Collects what a hold, a subscription or a new price needs, then calls
    the model (which enforces the rules)."""

    _name = "sales.showroom.booking.wizard"
    _description = "Hold, Subscribe or Reprice a Showroom Unit"

    mode = fields.Selection(
        [("hold", "Hold"), ("subscribe", "Subscribe"), ("reprice", "Change Price")],
        required=True,
        default="hold",
    )
    unit_id = fields.Many2one("sales.showroom.unit", required=True)
    booking_id = fields.Many2one("sales.showroom.booking")
    currency_id = fields.Many2one(related="unit_id.currency_id")
    list_price = fields.Monetary(related="unit_id.list_price")
    partner_id = fields.Many2one("res.partner", string="Customer")
    hold_hours = fields.Integer(compute="_compute_defaults", store=True, readonly=False)
    agreed_price = fields.Monetary(
        compute="_compute_defaults", store=True, readonly=False
    )
    deposit_amount = fields.Monetary()
    contract_due_date = fields.Date(
        compute="_compute_defaults", store=True, readonly=False
    )

    @api.depends("unit_id", "booking_id")
    def _compute_defaults(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            company = wizard.unit_id.company_id or self.env.company
            wizard.hold_hours = company.showroom_max_hold_hours
            wizard.agreed_price = (
                wizard.booking_id.agreed_price
                if wizard.booking_id
                else wizard.unit_id.list_price
            )
            wizard.contract_due_date = fields.Date.add(
                today, days=company.showroom_contract_due_days
            )

    @public_arguments(one=True)
    def action_confirm(self):
        self.ensure_one()
        if self.mode == "hold":
            self.unit_id.hold(self.partner_id, self.hold_hours, self.agreed_price)
        elif self.mode == "reprice":
            self.booking_id.set_agreed_price(self.agreed_price)
        else:
            self.booking_id.subscribe(
                self.deposit_amount, self.contract_due_date, self.agreed_price
            )
        return {"type": "ir.actions.act_window_close"}
