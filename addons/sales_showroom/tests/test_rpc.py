# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ShowroomCommon

FORGED_CONTEXT = {
    "sales_showroom_order_link": True,
    "sales_showroom_order_confirm": True,
    "sales_policy_approval_transition": True,
    "sales_policy_approval_checked": True,
    "disable_cancel_warning": True,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestShowroomRpc(ShowroomCommon, HttpCase):
    """What the policy forbids stays forbidden over XML-RPC, forged context
    keys included: the call is refused and nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.passwords = {}
        for user in (cls.rep, cls.rep_2, cls.manager):
            cls.passwords[user.id] = f"{user.login}-rpc-Secret1"
            user.password = cls.passwords[user.id]
        cls.env.ref("sales_showroom.approval_rule_showroom_duty_swap").active = True
        cls.booking = cls.unit_101.with_user(cls.rep).hold(cls.customer)
        cls.booking.with_user(cls.rep).subscribe(10_000.0)
        cls.booking.with_user(cls.rep).action_create_sale_order()
        cls.order = cls.booking.sale_order_id
        cls.duty = cls.env["sales.showroom.duty"].create(
            {
                "date": datetime.date(2030, 1, 7),
                "user_id": cls.rep.id,
                "company_id": cls.company.id,
            }
        )
        cls.swap = (
            cls.env["sales.showroom.duty.swap"]
            .with_user(cls.rep)
            .create({"duty_id": cls.duty.id, "new_user_id": cls.rep_2.id})
        )

    def _rpc(self, user, model, method, args, context=None):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            self.passwords[user.id],
            model,
            method,
            args,
            {"context": FORGED_CONTEXT if context is None else context},
        )

    def _refused(self, regex, user, model, method, args):
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._rpc(user, model, method, args)
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def _assert_order_unchanged(self):
        self.assertRecordValues(
            self.order, [{"state": "draft", "showroom_booking_id": self.booking.id}]
        )
        self.assertRecordValues(
            self.booking, [{"state": "subscribed", "sale_order_id": self.order.id}]
        )
        self.assertEqual(self.unit_101.state, "subscribed")
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("showroom_booking_id", "=", self.booking.id)]
            ),
            1,
        )

    def test_rep_cannot_sell_a_unit_twice_over_rpc(self):
        product = self.env.ref("sales_showroom.product_showroom_unit")
        # a second quotation pointing at the booking
        self._refused(
            "SP-SHR-01",
            self.rep,
            "sale.order",
            "create",
            [
                {
                    "partner_id": self.customer.id,
                    "showroom_booking_id": self.booking.id,
                    "order_line": [
                        (0, 0, {"product_id": product.id, "price_unit": 1.0})
                    ],
                }
            ],
        )
        # confirming the quotation by writing its state
        self._refused(
            "Confirm",
            self.rep,
            "sale.order",
            "write",
            [self.order.ids, {"state": "sale"}],
        )
        # unlinking the booking from its order
        self._refused(
            "SP-SHR-01",
            self.rep,
            "sale.order",
            "write",
            [self.order.ids, {"showroom_booking_id": False}],
        )
        self._assert_order_unchanged()

    def test_forged_default_cannot_link_an_order_over_rpc(self):
        context = dict(FORGED_CONTEXT, default_showroom_booking_id=self.booking.id)
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._rpc(
                self.rep,
                "sale.order",
                "create",
                [{"partner_id": self.customer_2.id}],
                context=context,
            )
        self.assertRegex(caught.exception.faultString, "SP-SHR-01")
        self.env.invalidate_all()
        self.assertFalse(
            self.env["sale.order"].search([("partner_id", "=", self.customer_2.id)])
        )
        self._assert_order_unchanged()

    def test_colleague_cannot_subscribe_a_hold_over_rpc(self):
        held = self.unit_102.with_user(self.rep).hold(self.customer_2)
        self._refused(
            "SP-SHR-10",
            self.rep_2,
            "sales.showroom.booking",
            "subscribe",
            [held.ids, 10_000.0],
        )
        self.assertRecordValues(held, [{"state": "held", "deposit_amount": 0.0}])
        self.assertEqual(self.unit_102.state, "held")

    def test_rep_cannot_approve_a_duty_swap_over_rpc(self):
        self._refused(
            "not allowed to modify",
            self.rep,
            "sales.showroom.duty.swap",
            "write",
            [self.swap.ids, {"state": "approved"}],
        )
        self._refused(
            "SP-SHR-08",
            self.rep,
            "sales.showroom.duty.swap",
            "action_approval_approve",
            [self.swap.ids],
        )
        self._refused(
            "change only through",
            self.rep,
            "sales.showroom.duty.swap",
            "create",
            [
                {
                    "duty_id": self.duty.id,
                    "new_user_id": self.rep_2.id,
                    "state": "approved",
                }
            ],
        )
        self._refused(
            "change only through",
            self.manager,
            "sales.showroom.duty.swap",
            "write",
            [self.swap.ids, {"state": "approved", "decided_by_id": self.manager.id}],
        )
        self.assertRecordValues(
            self.swap, [{"state": "requested", "decided_by_id": False}]
        )
        self.assertEqual(self.duty.swap_ids, self.swap)
        self.assertEqual(self.duty.user_id, self.rep)
        # the manager decides through the engine
        self._rpc(
            self.manager,
            "sales.showroom.duty.swap",
            "action_approval_approve",
            [self.swap.ids],
        )
        self.env.invalidate_all()
        self.assertRecordValues(
            self.swap, [{"state": "approved", "decided_by_id": self.manager.id}]
        )
        self.assertEqual(self.duty.user_id, self.rep_2)
