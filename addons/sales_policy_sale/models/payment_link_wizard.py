# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PaymentLinkWizard(models.TransientModel):
    _inherit = "payment.link.wizard"

    def _sales_policy_quotations(self, res_model, res_id):
        """The quotation a payment link is for (empty for anything else)."""
        if res_model != "sale.order" or not res_id:
            return self.env["sale.order"]
        order = self.env["sale.order"].browse(res_id).exists()
        return order.filtered(lambda o: o.state in ("draft", "sent"))

    @api.model
    def default_get(self, fields_list):
        # the link carries the quotation's access token: it reaches the
        # customer as surely as an email, so it waits for the same approvals
        self._sales_policy_quotations(
            self.env.context.get("active_model"), self.env.context.get("active_id")
        )._approval_check("send", label=self.env._("Payment link"))
        return super().default_get(fields_list)

    def _sales_policy_unapproved(self):
        """Wizards (made without the form, e.g. over RPC) for quotations that
        may not be sent yet."""
        return self.filtered(
            lambda wizard: wizard._sales_policy_quotations(
                wizard.res_model, wizard.res_id
            )._approval_missing("send")
        )

    def _compute_link(self):
        # no link, hence no payment token, for a quotation not approved yet
        unapproved = self._sales_policy_unapproved()
        unapproved.link = False
        return super(PaymentLinkWizard, self - unapproved)._compute_link()

    @api.depends("amount", "amount_max", "res_model", "res_id")
    def _compute_warning_message(self):
        res = super()._compute_warning_message()
        for wizard in self._sales_policy_unapproved():
            wizard.warning_message = self.env._(
                "The quotation waits for approval: no payment link before it "
                "may be sent to the customer."
            )
        return res
