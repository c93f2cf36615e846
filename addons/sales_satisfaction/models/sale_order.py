# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_lock(self):
        res = super().action_lock()
        self._sales_satisfaction_request_delivery()
        return res

    def _sales_satisfaction_request_delivery(self):
        """Send the after-delivery satisfaction survey of the confirmed orders
        that are delivered (:meth:`_sales_satisfaction_delivered`), once per
        order.

        Checked when an invoice is posted and when the order is locked (and,
        with ``sales_complaint_stock``, when a delivery is validated). An
        order whose customer cannot receive the survey (no email) gets a
        note; the invoice, the lock or the delivery goes through.
        """
        orders = self.filtered(lambda o: o._sales_satisfaction_delivered())
        if not orders:
            return self.env["survey.user_input"]
        UserInput = self.env["survey.user_input"].sudo()
        sent = {
            answer.sales_satisfaction_origin.id
            for answer in UserInput.search(
                [
                    ("sales_satisfaction_trigger", "=", "delivery"),
                    (
                        "sales_satisfaction_origin",
                        "in",
                        [f"sale.order,{oid}" for oid in orders.ids],
                    ),
                ]
            )
        }
        answers = UserInput
        for order in orders.filtered(lambda o: o.id not in sent):
            try:
                with self.env.cr.savepoint():
                    answers |= order.partner_id._sales_satisfaction_request(
                        "delivery", origin=order
                    )
            except UserError as error:
                _logger.info(
                    "No satisfaction survey sent for %s: %s", order.name, error
                )
                order.sudo().message_post(
                    body=self.env._(
                        "The satisfaction survey could not be sent: %(reason)s",
                        reason=error.args[0],
                    )
                )
        return answers

    def _sales_satisfaction_delivered(self):
        """Whether the order counts as delivered for the after-delivery
        survey. Without stock, "delivered" is read as "fully invoiced"; a
        module that knows the deliveries (``sales_complaint_stock``) extends
        it."""
        self.ensure_one()
        return self.state == "sale" and self.invoice_status == "invoiced"
