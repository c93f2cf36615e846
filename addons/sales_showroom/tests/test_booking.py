# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestShowroomBooking(ShowroomCommon):
    def _hold(self, unit, user=None, partner=None, hours=None, price=None):
        unit = unit.with_user(user or self.rep)
        return unit.hold(partner or self.customer, hours, price)

    # -- state machine ----------------------------------------------------
    def test_rep_holds_subscribes_and_contracts_a_unit(self):
        booking = self._hold(self.unit_101)
        self.assertRecordValues(
            booking, [{"state": "held", "user_id": self.rep.id, "agreed_price": 1e6}]
        )
        self.assertEqual(self.unit_101.state, "held")
        self.assertEqual(self.unit_101.partner_id, self.customer)
        booking.with_user(self.rep).subscribe(50_000.0)
        self.assertRecordValues(
            booking,
            [
                {
                    "state": "subscribed",
                    "deposit_amount": 50_000.0,
                    "contract_due_date": fields.Date.add(
                        fields.Date.context_today(booking), days=30
                    ),
                }
            ],
        )
        self.assertEqual(self.unit_101.state, "subscribed")
        booking.with_user(self.rep).action_contract()
        self.assertEqual(booking.state, "contracted")
        self.assertEqual(self.unit_101.state, "contracted")
        order = booking.sale_order_id
        self.assertRecordValues(
            order,
            [
                {
                    "state": "sale",
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "amount_untaxed": 1e6,
                    "showroom_booking_id": booking.id,
                }
            ],
        )

    def test_unit_is_contracted_only_when_its_quotation_is_confirmed(self):
        booking = self._hold(self.unit_101)
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        self.assertEqual(booking.sale_order_id.state, "draft")
        self.assertEqual(self.unit_101.state, "subscribed")
        booking.sale_order_id.with_user(self.rep).action_confirm()
        self.assertEqual(self.unit_101.state, "contracted")

    def test_hold_through_the_wizard_form(self):
        action = self.unit_102.with_user(self.rep).action_open_booking_wizard()
        wizard_form = Form(
            self.env["sales.showroom.booking.wizard"]
            .with_user(self.rep)
            .with_context(**action["context"])
        )
        wizard_form.partner_id = self.customer
        self.assertEqual(wizard_form.hold_hours, 48)
        wizard_form.hold_hours = 24
        wizard_form.save().action_confirm()
        self.assertEqual(self.unit_102.state, "held")
        self.assertEqual(self.unit_102.active_booking_id.partner_id, self.customer)

    def test_rep_cancels_own_hold_and_unit_is_available_again(self):
        booking = self._hold(self.unit_101)
        booking.with_user(self.rep).action_cancel()
        self.assertEqual(booking.state, "cancelled")
        self.assertEqual(self.unit_101.state, "available")
        # The unit can be held again by someone else.
        second = self._hold(self.unit_101, user=self.rep_2, partner=self.customer_2)
        self.assertEqual(second.state, "held")

    def test_rep_cannot_cancel_a_colleagues_hold_but_a_manager_can(self):
        booking = self._hold(self.unit_101)
        with self.assertRaises(AccessError):
            booking.with_user(self.rep_2).action_cancel()
        booking.with_user(self.manager).action_cancel()
        self.assertEqual(self.unit_101.state, "available")

    # -- never sold twice ---------------------------------------------------
    def test_second_hold_of_a_held_unit_is_refused(self):
        self._hold(self.unit_101)
        with self.assertRaisesRegex(UserError, "cannot be held"):
            self._hold(self.unit_101, user=self.rep_2, partner=self.customer_2)
        self.assertEqual(len(self.unit_101.booking_ids), 1)

    def test_holding_a_subscribed_unit_is_refused(self):
        self._hold(self.unit_101).subscribe(1000.0)
        with self.assertRaisesRegex(UserError, "Subscribed"):
            self._hold(self.unit_101, user=self.rep_2)

    def test_database_refuses_a_second_active_booking_for_a_unit(self):
        self._hold(self.unit_101)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            # Bypass the ORM and the lock: PostgreSQL itself refuses.
            self.env["sales.showroom.booking"].sudo().create(
                {
                    "unit_id": self.unit_101.id,
                    "partner_id": self.customer_2.id,
                    "state": "subscribed",
                    "deposit_amount": 1.0,
                }
            ).flush_recordset()

    def test_database_accepts_new_booking_after_previous_is_cancelled(self):
        self._hold(self.unit_101).action_cancel()
        booking = self._hold(self.unit_101, partner=self.customer_2)
        self.assertEqual(
            self.unit_101.booking_ids.mapped("state"), ["held", "cancelled"]
        )
        self.assertEqual(self.unit_101.active_booking_id, booking)

    # -- bad input -----------------------------------------------------------
    def test_holding_a_withheld_unit_is_refused(self):
        self.unit_201.with_user(self.manager).action_withhold()
        with self.assertRaisesRegex(UserError, "Withheld"):
            self._hold(self.unit_201)
        self.assertFalse(self.unit_201.booking_ids)

    def test_hold_longer_than_the_maximum_is_refused(self):
        with self.assertRaisesRegex(UserError, "49 hours is refused"):
            self._hold(self.unit_101, hours=49)
        self.assertEqual(self.unit_101.state, "available")
        booking = self._hold(self.unit_101, hours=48)
        self.assertEqual(booking.state, "held")

    def test_zero_or_negative_deposit_is_refused(self):
        booking = self._hold(self.unit_101)
        for deposit in (0.0, -10.0):
            with self.assertRaisesRegex(UserError, "greater than zero"):
                booking.with_user(self.rep).subscribe(deposit)
        self.assertEqual(booking.state, "held")
        self.assertEqual(self.unit_101.state, "held")

    def test_database_refuses_a_subscription_without_deposit(self):
        booking = self._hold(self.unit_101)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.CheckViolation),
            self.env.cr.savepoint(),
        ):
            booking.sudo().write({"state": "subscribed", "deposit_amount": 0.0})
            booking.flush_recordset()

    def test_contracting_a_held_unit_without_subscription_is_refused(self):
        booking = self._hold(self.unit_101)
        with self.assertRaisesRegex(UserError, "cannot be contracted"):
            booking.with_user(self.rep).action_contract()

    # -- discounts ----------------------------------------------------------
    def test_discount_beyond_price_list_needs_manager_approval(self):
        # The suite's approval engine decides it: the showroom's shipped rule.
        self.env.ref("sales_showroom.approval_rule_showroom_discount").active = True
        # 1,000,000 list - 950,000 agreed = 50,000 discount
        booking = self._hold(self.unit_101, price=950_000.0)
        self.assertEqual(booking.discount_amount, 50_000.0)
        with self.assertRefused(UserError, "must approve it first"):
            booking.with_user(self.rep).subscribe(10_000.0)
        self.assertEqual(booking.state, "held")
        booking.with_user(self.rep).action_request_approval()
        request = booking.approval_request_ids
        with self.assertRefused(UserError, "not an approver"):
            request.with_user(self.rep).action_approve()
        request.with_user(self.manager).action_approve()
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_contract()
        self.assertEqual(booking.sale_order_id.amount_untaxed, 950_000.0)
        self.assertEqual(self.unit_101.state, "contracted")

    def test_order_below_list_price_cannot_be_confirmed_without_approval(self):
        booking = self._hold(self.unit_101)
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        order = booking.sale_order_id
        order.order_line.with_user(self.rep).price_unit = 900_000.0
        with self.assertRaisesRegex(UserError, "below its list price"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(self.unit_101.state, "subscribed")

    # -- withhold / release and roles ----------------------------------------
    def test_manager_withholds_and_releases_a_unit(self):
        self.unit_201.with_user(self.manager).action_withhold()
        self.assertEqual(self.unit_201.state, "withheld")
        self.unit_201.with_user(self.manager).action_release()
        self.assertEqual(self.unit_201.state, "available")

    def test_rep_cannot_withhold_or_release_a_unit(self):
        with self.assertRaises(AccessError):
            self.unit_201.with_user(self.rep).action_withhold()
        self.unit_201.with_user(self.manager).action_withhold()
        with self.assertRaises(AccessError):
            self.unit_201.with_user(self.rep).action_release()

    def test_withholding_a_held_unit_is_refused(self):
        self._hold(self.unit_101)
        with self.assertRaisesRegex(UserError, "Only available units"):
            self.unit_101.with_user(self.manager).action_withhold()

    def test_rep_cannot_write_unit_state_or_bookings_directly(self):
        with self.assertRaises(AccessError):
            self.unit_101.with_user(self.rep).write({"state": "available"})
        booking = self._hold(self.unit_101)
        with self.assertRaises(AccessError):
            booking.with_user(self.rep).write({"state": "cancelled"})
        with self.assertRaises(AccessError):
            self.env["sales.showroom.booking"].with_user(self.rep).create(
                {"unit_id": self.unit_102.id, "partner_id": self.customer.id}
            )

    def test_other_company_does_not_see_the_units(self):
        units = self.env["sales.showroom.unit"].with_user(self.rep_company_b)
        self.assertFalse(units.search([("id", "=", self.unit_101.id)]))

    # -- expiry ---------------------------------------------------------------
    def test_cron_releases_expired_holds_only(self):
        expired = self._hold(self.unit_101, hours=1)
        kept = self._hold(self.unit_102, hours=48)
        expired.sudo().hold_expiry = fields.Datetime.subtract(
            fields.Datetime.now(), minutes=1
        )
        released = self.env["sales.showroom.unit"]._cron_release_expired_holds()
        self.assertEqual(released, expired)
        self.assertEqual(expired.state, "expired")
        self.assertEqual(self.unit_101.state, "available")
        self.assertEqual(kept.state, "held")
        self.assertEqual(self.unit_102.state, "held")

    def test_showroom_settings_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self.company.showroom_max_hold_hours = 0
        settings = self.env["res.config.settings"].create({})
        settings.showroom_max_hold_hours = 72
        settings.execute()
        self.assertEqual(self.company.showroom_max_hold_hours, 72)

    def test_hold_over_rpc_returns_the_booking_id(self):
        booking_id = self.unit_102.with_user(self.rep).action_hold(self.customer.id, 12)
        self.assertEqual(self.unit_102.active_booking_id.id, booking_id)
        self.assertEqual(self.unit_102.state, "held")
