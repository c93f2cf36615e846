# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesInterestComputeWizard(models.TransientModel):
    _name = "sales.interest.compute.wizard"
    _description = "Compute Overdue Interest"

    date = fields.Date(
        string="As Of",
        required=True,
        default=fields.Date.context_today,
        help="Interest is charged on the overdue days up to this date, included.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    invoice_ids = fields.Many2many(
        "account.move",
        string="Invoices",
        help="Leave empty to charge every overdue invoice (of the customers below, "
        "if any).",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        help="Leave empty to charge every customer.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if model == "account.move" and "invoice_ids" in fields_list:
            values["invoice_ids"] = [fields.Command.set(ids)]
        elif model == "res.partner" and "partner_ids" in fields_list:
            values["partner_ids"] = [fields.Command.set(ids)]
        return values

    @api.constrains("date")
    def _check_date_not_future(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.date and wizard.date > today:
                raise ValidationError(
                    self.env._(
                        "Overdue interest cannot be computed as of %(date)s: that "
                        "date is after today (%(today)s), and interest is charged "
                        "only on days already overdue. Choose today or an earlier "
                        "date.",
                        date=wizard.date,
                        today=today,
                    )
                )

    @public_arguments(one=True)
    def action_compute(self):
        self.ensure_one()
        self._check_date_not_future()
        charge_model = self.env["sales.interest.charge"].with_company(self.company_id)
        charge_model._check_interest_invoices(self.invoice_ids)
        charges = charge_model._charge_interest(
            self.date,
            self.company_id,
            invoices=self.invoice_ids or None,
            partners=self.partner_ids or None,
            raise_errors=True,
        )
        if not charges:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "message": self.env._(
                        "No overdue interest to charge as of %(date)s.",
                        date=self.date,
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        action = self.env["ir.actions.actions"]._for_xml_id(
            "sales_receivables.sales_interest_charge_action"
        )
        action["domain"] = [("id", "in", charges.ids)]
        return action
