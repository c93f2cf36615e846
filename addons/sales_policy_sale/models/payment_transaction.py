# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    @api.model_create_multi
    def create(self, vals_list):
        transactions = super().create(vals_list)
        # paying a quotation confirms it: refuse a payment (portal route called
        # directly, payment link) before the approvals confirmation needs
        quotations = transactions.sale_order_ids.filtered(
            lambda order: order.state in ("draft", "sent")
        )
        if quotations:
            quotations._approval_check("confirm", label=self.env._("Online payment"))
        return transactions

    def _check_amount_and_confirm_order(self):
        # a quotation edited after its payment started waits for its new
        # approvals: the payment is kept, a salesperson confirms it later
        waiting = self.env["sale.order"]
        for transaction in self:
            orders = transaction.sale_order_ids.filtered(
                lambda order: order.state in ("draft", "sent")
            )
            missing = orders._approval_missing("confirm")
            waiting |= orders.filtered(lambda order, m=missing: order.id in m)
        for order in waiting:
            order._approval_message(
                self.env._(
                    "Payment received, but the order waits for approval before "
                    "it is confirmed; confirm it once every rule is approved."
                )
            )
        ready = self.filtered(lambda tx: not (tx.sale_order_ids & waiting))
        return super(PaymentTransaction, ready)._check_amount_and_confirm_order()
