# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestShowroomDiscountApproval(ShowroomCommon):
    """Discounts beyond the price list go through the suite's approval engine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env.ref("sales_showroom.approval_rule_showroom_discount")
        cls.rule.active = True

    def _approved_subscription(self, price):
        booking = self.unit_101.with_user(self.rep).hold(self.customer, None, price)
        booking.with_user(self.rep).action_request_approval()
        booking.approval_request_ids.filtered(lambda r: r.state == "pending").with_user(
            self.manager
        ).action_approve()
        booking.with_user(self.rep).subscribe(10_000.0)
        return booking

    def test_discount_request_reaches_the_managers_approvals(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer, None, 950_000.0)
        self.assertEqual(booking.approval_status, "to_submit")
        booking.with_user(self.rep).action_request_approval()
        self.assertRecordValues(
            booking.approval_request_ids,
            [
                {
                    "rule_id": self.rule.id,
                    "state": "pending",
                    "requester_id": self.rep.id,
                    "res_model": "sales.showroom.booking",
                }
            ],
        )
        inbox = self.env["sales.policy.approval.request"].with_user(self.manager)
        self.assertIn(
            booking.approval_request_ids,
            inbox.search([("inbox_user_ids", "in", self.manager.ids)]),
        )
        self.assertEqual(booking.approval_status, "pending")

    def test_unit_at_list_price_needs_no_approval(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer)
        self.assertEqual(booking.approval_status, "none")
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_contract()
        self.assertEqual(booking.state, "contracted")

    def test_order_lowered_below_the_approved_price_is_refused(self):
        # approved: 950,000; the rep then types 900,000 on the order line
        booking = self._approved_subscription(950_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        order = booking.sale_order_id
        order.order_line.with_user(self.rep).price_unit = 900_000.0
        with self.assertRefused(UserError, "below the price 950"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(booking.state, "subscribed")
        self.assertEqual(self.unit_101.state, "subscribed")

    def test_order_at_the_exact_approved_price_confirms(self):
        booking = self._approved_subscription(950_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        order = booking.sale_order_id
        order.order_line.with_user(self.rep).price_unit = 900_000.0
        order.order_line.with_user(self.rep).price_unit = 950_000.0
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.amount_untaxed, 950_000.0)
        self.assertEqual(booking.state, "contracted")
        self.assertEqual(self.unit_101.state, "contracted")

    def test_a_discount_line_cannot_lower_the_approved_price(self):
        # 950,000 unit line - 50,000 discount line = 900,000 < 950,000 approved
        booking = self._approved_subscription(950_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        order = booking.sale_order_id
        order.with_user(self.rep).write(
            {
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": order.order_line.product_id.id,
                            "name": "Discount",
                            "product_uom_qty": 1.0,
                            "price_unit": -50_000.0,
                        }
                    )
                ]
            }
        )
        with self.assertRefused(UserError, "below the price 950"):
            order.with_user(self.rep).action_confirm()

    def test_lower_price_after_approval_needs_a_new_approval(self):
        booking = self._approved_subscription(950_000.0)
        booking.with_user(self.rep).set_agreed_price(900_000.0)
        # the engine re-opens review: the approval of 950,000 is outdated
        self.assertEqual(booking.approval_status, "pending")
        self.assertEqual(
            sorted(booking.approval_request_ids.mapped("state")),
            ["outdated", "pending"],
        )
        with self.assertRefused(UserError, "must approve it first"):
            booking.with_user(self.rep).action_contract()
        self.assertEqual(self.unit_101.state, "subscribed")
        booking.approval_request_ids.filtered(lambda r: r.state == "pending").with_user(
            self.manager
        ).action_approve()
        booking.with_user(self.rep).action_contract()
        self.assertEqual(booking.sale_order_id.amount_untaxed, 900_000.0)
        self.assertEqual(self.unit_101.state, "contracted")

    def test_new_price_at_subscription_needs_its_own_approval(self):
        # approved at 950,000 while held; subscribed at 920,000: refused, and
        # nothing is written (the price stays 950,000)
        booking = self.unit_101.with_user(self.rep).hold(self.customer, None, 950_000.0)
        booking.with_user(self.rep).action_request_approval()
        booking.approval_request_ids.with_user(self.manager).action_approve()
        with self.assertRefused(UserError, "must approve it first"):
            booking.with_user(self.rep).subscribe(10_000.0, None, 920_000.0)
        self.assertRecordValues(booking, [{"state": "held", "agreed_price": 950_000.0}])
        booking.with_user(self.rep).subscribe(10_000.0, None, 950_000.0)
        self.assertEqual(booking.state, "subscribed")

    def test_rep_reprices_from_the_booking_form(self):
        booking = self._approved_subscription(950_000.0)
        action = booking.with_user(self.rep).action_open_reprice_wizard()
        wizard_form = Form(
            self.env["sales.showroom.booking.wizard"]
            .with_user(self.rep)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.agreed_price, 950_000.0)
        wizard_form.agreed_price = 930_000.0
        wizard_form.save().action_confirm()
        self.assertEqual(booking.agreed_price, 930_000.0)
        # the new price waits for its own approval before the contract
        self.assertEqual(booking.approval_status, "pending")
        with self.assertRefused(UserError, "must approve it first"):
            booking.with_user(self.rep).action_contract()
        # a colleague gets no wizard, a contracted booking no new price
        with self.assertRaises(AccessError):
            booking.with_user(self.rep_2).action_open_reprice_wizard()
        booking.approval_request_ids.filtered(lambda r: r.state == "pending").with_user(
            self.manager
        ).action_approve()
        booking.with_user(self.rep).action_contract()
        with self.assertRefused(UserError, "cannot be repriced"):
            booking.with_user(self.rep).action_open_reprice_wizard()

    def test_rep_cannot_reprice_a_colleagues_booking(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer)
        with self.assertRaises(AccessError):
            booking.with_user(self.rep_2).set_agreed_price(800_000.0)
        with self.assertRefused(UserError, "price of -1"):
            booking.with_user(self.rep).set_agreed_price(-1.0)
        self.assertEqual(booking.agreed_price, 1_000_000.0)


@tagged("post_install", "-at_install")
class TestShowroomUnitStateControls(ShowroomCommon):
    def _contract(self, unit):
        booking = unit.with_user(self.rep).hold(self.customer)
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_contract()
        return booking

    def test_manager_cannot_write_a_unit_state_directly(self):
        with self.assertRaises(AccessError):
            self.unit_101.with_user(self.manager).write({"state": "contracted"})
        booking = self.unit_102.with_user(self.rep).hold(self.customer)
        with self.assertRaises(AccessError):
            self.unit_102.with_user(self.manager).write({"state": "available"})
        self.assertEqual(self.unit_102.state, "held")
        self.assertEqual(booking.state, "held")
        with self.assertRaises(AccessError):
            self.env["sales.showroom.unit"].with_user(self.manager).create(
                {
                    "building_id": self.building.id,
                    "floor": 3,
                    "number": "301",
                    "list_price": 1.0,
                    "state": "subscribed",
                }
            )

    def test_manager_still_withholds_and_edits_other_fields(self):
        self.unit_201.with_user(self.manager).write({"list_price": 1_100_000.0})
        self.unit_201.with_user(self.manager).action_withhold()
        self.assertRecordValues(
            self.unit_201, [{"state": "withheld", "list_price": 1_100_000.0}]
        )

    def test_cancelling_the_contract_order_releases_booking_and_unit(self):
        booking = self._contract(self.unit_101)
        order = booking.sale_order_id
        order.with_user(self.manager).with_context(
            disable_cancel_warning=True
        ).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(booking.state, "cancelled")
        self.assertEqual(self.unit_101.state, "available")
        # The unit is on sale again and the old order cannot sell it once more.
        second = self.unit_101.with_user(self.rep_2).hold(self.customer_2)
        self.assertEqual(second.state, "held")
        order.with_user(self.manager).action_draft()
        with self.assertRefused(UserError, "cannot be contracted"):
            order.with_user(self.manager).action_confirm()
        self.assertEqual(self.unit_101.state, "held")

    def test_rep_cannot_cancel_a_contract_order(self):
        booking = self._contract(self.unit_101)
        order = booking.sale_order_id
        with self.assertRaises(AccessError):
            order.with_user(self.rep).with_context(
                disable_cancel_warning=True
            ).action_cancel()
        with self.assertRaises(AccessError):
            order.with_user(self.rep).write({"state": "cancel"})
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.unit_101.state, "contracted")

    def test_contract_order_cannot_go_back_to_quotation(self):
        booking = self._contract(self.unit_101)
        with self.assertRefused(UserError, "can only be cancelled"):
            booking.sale_order_id.with_user(self.manager).write({"state": "draft"})
        self.assertEqual(booking.state, "contracted")

    def test_cancelling_a_quotation_keeps_the_subscription(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer)
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        booking.sale_order_id.with_user(self.rep).action_cancel()
        self.assertEqual(booking.state, "subscribed")
        self.assertEqual(self.unit_101.state, "subscribed")


@tagged("post_install", "-at_install")
class TestShowroomHoldAndDueDates(ShowroomCommon):
    def test_hold_of_zero_or_negative_hours_is_refused(self):
        for hours in (0, -5):
            with self.assertRefused(UserError, f"{hours} hours is refused"):
                self.unit_101.with_user(self.rep).action_hold(self.customer.id, hours)
        self.assertEqual(self.unit_101.state, "available")
        self.assertFalse(self.unit_101.booking_ids)

    def test_hold_without_hours_lasts_the_maximum(self):
        # no hours given: the company maximum, 48 hours
        before = fields.Datetime.now()
        self.unit_101.with_user(self.rep).action_hold(self.customer.id)
        booking = self.unit_101.active_booking_id
        self.assertGreaterEqual(
            booking.hold_expiry, fields.Datetime.add(before, hours=48)
        )

    def test_cron_reminds_the_rep_of_an_overdue_subscription_once(self):
        today = fields.Date.context_today(self.env["sales.showroom.booking"])
        overdue = self.unit_101.with_user(self.rep).hold(self.customer)
        overdue.with_user(self.rep).subscribe(
            10_000.0, fields.Date.subtract(today, days=1)
        )
        on_time = self.unit_102.with_user(self.rep_2).hold(self.customer_2)
        on_time.with_user(self.rep_2).subscribe(10_000.0, today)
        bookings = self.env["sales.showroom.booking"]
        self.assertEqual(bookings._cron_remind_overdue_subscriptions(), overdue)
        self.assertRecordValues(
            overdue.activity_ids,
            [
                {
                    "user_id": self.rep.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            ],
        )
        self.assertFalse(on_time.activity_ids)
        # run again: no second reminder
        self.assertFalse(bookings._cron_remind_overdue_subscriptions())
        self.assertEqual(len(overdue.activity_ids), 1)
