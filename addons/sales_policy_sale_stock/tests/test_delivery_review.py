# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sales_policy_sale.tests.common import (
    ConfirmedEditCommon,
)


@tagged("post_install", "-at_install")
class TestDeliveryReview(ConfirmedEditCommon):
    """An order whose edit beyond the policy waits for review is not delivered."""

    def _deliver(self, order):
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        return picking.button_validate()

    def test_delivery_of_an_order_under_review_refused_until_approved(self):
        self._review_mode()
        order = self._confirmed()
        picking = order.picking_ids
        order.order_line.with_user(self.rep).price_unit = 85.0
        self.assertTrue(order.sales_policy_edit_review)
        with self.assertRefused(UserError, r"Delivery refused .*SP-APP-07"):
            self._deliver(order)
        with self.assertRefused(UserError, "Delivery refused"):
            picking._action_done()
        self.assertNotEqual(picking.state, "done")
        order.with_user(self.manager).action_approval_approve()
        self._deliver(order)
        self.assertEqual(picking.state, "done")

    def test_delivery_within_the_policy_is_not_blocked(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 95.0
        self._deliver(order)
        self.assertEqual(order.picking_ids.state, "done")
