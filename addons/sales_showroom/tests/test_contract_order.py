# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ShowroomCommon

FORGED_CONTEXT = {
    "sales_showroom_order_link": True,
    "sales_showroom_order_confirm": True,
    "sales_policy_approval_transition": True,
    "disable_cancel_warning": True,
}


@tagged("post_install", "-at_install")
class TestShowroomContractOrder(ShowroomCommon):
    """A unit is sold through its booking's own order, once (SP-SHR-01)."""

    def _quotation(self, booking):
        booking.with_user(self.rep).action_create_sale_order()
        return booking.sale_order_id

    def _subscribed(self, unit=None):
        booking = (unit or self.unit_101).with_user(self.rep).hold(self.customer)
        booking.with_user(self.rep).subscribe(10_000.0)
        return booking

    def _orders_of(self, booking):
        return (
            self.env["sale.order"]
            .with_context(active_test=False)
            .search([("showroom_booking_id", "=", booking.id)])
        )

    def _unit_line(self):
        return Command.create(
            {
                "product_id": self.env.ref("sales_showroom.product_showroom_unit").id,
                "product_uom_qty": 1.0,
                "price_unit": 1_000_000.0,
            }
        )

    def test_rep_cannot_point_a_quotation_at_a_booking(self):
        booking = self._subscribed()
        order_a = self._quotation(booking)
        Order = self.env["sale.order"].with_user(self.rep)
        with self.assertRefused(UserError, "set only by the booking.*SP-SHR-01"):
            Order.create(
                {
                    "partner_id": self.customer.id,
                    "showroom_booking_id": booking.id,
                    "order_line": [self._unit_line()],
                }
            )
        with self.assertRefused(UserError, "SP-SHR-01"):
            Order.with_context(
                default_showroom_booking_id=booking.id, **FORGED_CONTEXT
            ).create({"partner_id": self.customer.id})
        order_d = Order.create({"partner_id": self.customer.id})
        with self.assertRefused(UserError, "SP-SHR-01"):
            order_d.with_context(**FORGED_CONTEXT).write(
                {"showroom_booking_id": booking.id}
            )
        self.assertEqual(self._orders_of(booking), order_a)
        self.assertEqual(booking.sale_order_id, order_a)
        self.assertFalse(order_d.showroom_booking_id)

    def test_order_not_the_bookings_own_cannot_sell_the_unit(self):
        booking = self._subscribed()
        order_a = self._quotation(booking)
        order_a.with_user(self.rep).action_cancel()
        # an order linked behind the booking's back (e.g. by a faulty import)
        order_c = (
            self.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "showroom_booking_id": booking.id,
                    "order_line": [self._unit_line()],
                }
            )
        )
        with self.assertRefused(UserError, "through its own order.*SP-SHR-01"):
            order_c.with_user(self.rep).action_confirm()
        with self.assertRefused(UserError, "through its own order"):
            (order_a | order_c).with_user(self.manager).action_confirm()
        self.assertEqual(order_c.state, "draft")
        self.assertRecordValues(
            booking, [{"state": "subscribed", "sale_order_id": order_a.id}]
        )
        self.assertEqual(self.unit_101.state, "subscribed")

    def test_showroom_quotation_is_confirmed_only_with_confirm(self):
        booking = self._subscribed()
        order = self._quotation(booking)
        for user in (self.rep, self.manager):
            # refused here, or first by the suite's general confirmation door
            # (sales_policy_sale) when it is installed
            with self.assertRefused(UserError, "Confirm"):
                order.with_user(user).with_context(**FORGED_CONTEXT).write(
                    {"state": "sale"}
                )
        # the showroom's own guard holds even for trusted (superuser) code
        with self.assertRefused(UserError, "only with its Confirm.*SP-SHR-01"):
            order.sudo().write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        self.assertEqual(booking.state, "subscribed")
        self.assertEqual(self.unit_101.state, "subscribed")
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(booking.state, "contracted")
        self.assertEqual(self.unit_101.state, "contracted")

    def test_booking_cannot_be_removed_from_its_contract(self):
        booking = self._subscribed()
        order = self._quotation(booking)
        with self.assertRefused(UserError, "SP-SHR-01"):
            order.with_user(self.rep).write({"showroom_booking_id": False})
        order.with_user(self.rep).action_confirm()
        for user in (self.rep, self.manager):
            with self.assertRefused(UserError, "cannot be removed.*SP-SHR-01"):
                order.with_user(user).with_context(**FORGED_CONTEXT).write(
                    {"showroom_booking_id": False}
                )
        self.assertEqual(order.showroom_booking_id, booking)
        # so the manager-only cancellation of the contract still holds
        with self.assertRaises(AccessError):
            order.with_user(self.rep).with_context(**FORGED_CONTEXT).action_cancel()
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.unit_101.state, "contracted")

    def test_database_keeps_one_live_order_per_booking(self):
        booking = self._subscribed()
        order_a = self._quotation(booking)
        vals = {
            "partner_id": self.customer.id,
            "showroom_booking_id": booking.id,
        }
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            # Bypass the ORM guards (superuser): PostgreSQL itself refuses.
            self.env["sale.order"].sudo().create(vals).flush_recordset()
        self.assertEqual(self._orders_of(booking), order_a)

    def test_database_accepts_a_new_order_once_the_first_is_cancelled(self):
        booking = self._subscribed()
        order_a = self._quotation(booking)
        order_a.with_user(self.rep).action_cancel()
        order_b = (
            self.env["sale.order"]
            .sudo()
            .create({"partner_id": self.customer.id, "showroom_booking_id": booking.id})
        )
        order_b.flush_recordset()
        self.assertEqual(self._orders_of(booking), order_a | order_b)
