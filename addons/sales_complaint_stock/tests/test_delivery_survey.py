# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.sales_satisfaction.tests.common import SatisfactionCommon


@tagged("post_install", "-at_install")
class TestDeliverySurvey(SatisfactionCommon):
    """With stock, the after-delivery survey leaves when the deliveries are
    validated, not when the order is invoiced."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rule("delivery")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Calcite 800 mesh",
                "is_storable": True,
                "invoice_policy": "order",
                "list_price": 100.0,
            }
        )
        cls.UserInput = cls.env["survey.user_input"].sudo()

    def _order(self, qty=10):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": qty}
                    )
                ],
            }
        )
        order.action_confirm()
        return order

    def _surveys(self, order):
        return self.UserInput.search(
            [("sales_satisfaction_origin", "=", f"sale.order,{order.id}")]
        )

    def _deliver(self, picking, qty):
        picking.move_ids.write({"quantity": qty, "picked": True})
        picking.with_context(skip_backorder=True).button_validate()

    def test_survey_leaves_when_the_delivery_is_validated_once(self):
        order = self._order(10)
        # fully invoiced (invoiced on order) but not delivered: no survey yet
        order._create_invoices().action_post()
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertFalse(self._surveys(order))
        # 6 of 10 delivered: a backorder of 4 is left, still no survey
        self._deliver(order.picking_ids, 6)
        self.assertEqual(order.delivery_status, "partial")
        self.assertFalse(self._surveys(order))
        # the backorder's 4 delivered: the order is delivered, one survey
        backorder = order.picking_ids.filtered(lambda p: p.state != "done")
        self._deliver(backorder, 4)
        self.assertEqual(order.delivery_status, "full")
        self.assertRecordValues(
            self._surveys(order),
            [
                {
                    "partner_id": self.customer.id,
                    "sales_satisfaction_trigger": "delivery",
                }
            ],
        )
        # locking the order afterwards sends nothing more
        order.action_lock()
        self.assertEqual(len(self._surveys(order)), 1)

    def test_services_only_order_still_follows_the_invoice(self):
        service = self.env["product.product"].create(
            {"name": "Lab analysis", "type": "service", "invoice_policy": "order"}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": service.id})],
            }
        )
        order.action_confirm()
        self.assertFalse(order.picking_ids)
        order._create_invoices().action_post()
        self.assertEqual(len(self._surveys(order)), 1)
