# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OrderExecutionCommon


@tagged("post_install", "-at_install")
class TestOrderDelay(OrderExecutionCommon):
    def _slip(self, order, days=5):
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        picking.scheduled_date = order.commitment_date + timedelta(days=days)
        return picking

    def test_slipped_delivery_opens_one_delay_with_an_activity(self):
        order = self._confirmed()
        on_time = self._confirmed()
        picking = self._slip(order)
        self.assertEqual(self._detect(), (1, 0))
        delay = self._delays(order)
        self.assertRecordValues(
            delay,
            [
                {
                    "kind": "slipped",
                    "state": "open",
                    "user_id": self.rep.id,
                    "commitment_date": order.commitment_date,
                    "scheduled_date": picking.scheduled_date,
                    "customer_notified": False,
                }
            ],
        )
        self.assertFalse(self._delays(on_time))
        activity = delay.activity_ids
        self.assertEqual(activity.user_id, self.rep)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("sales_order_execution.mail_activity_type_order_delay"),
        )
        # not sent automatically: no email to the customer yet
        self.assertFalse(
            delay.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        )
        # a second run opens nothing more
        self.assertEqual(self._detect(), (0, 0))
        self.assertEqual(order.with_user(self.rep).execution_delay_count, 1)

    def test_commitment_passed_with_goods_not_delivered(self):
        order = self._confirmed(commitment=datetime(2020, 1, 10, 12, 0))
        picking = order.picking_ids
        picking.scheduled_date = datetime(2020, 1, 9)
        delivered = self._confirmed(commitment=datetime(2020, 1, 10, 12, 0))
        self._deliver(delivered)
        self._detect()
        self.assertEqual(self._delays(order).kind, "overdue")
        self.assertFalse(self._delays(delivered))

    def test_closing_requires_a_reason_and_applies_the_new_date(self):
        order = self._confirmed()
        self._slip(order, days=5)
        self._detect()
        delay = self._delays(order).with_user(self.rep)
        with self.assertRefused(ValidationError, "reason"):
            delay.action_close()
        self.assertEqual(delay.state, "open")
        new_date = order.commitment_date + timedelta(days=6)
        with Form(delay) as form:
            form.reason_id = self.reason
            form.new_commitment_date = new_date
        delay.action_close()
        self.assertRecordValues(
            delay, [{"state": "closed", "closed_by_id": self.rep.id}]
        )
        self.assertFalse(delay.activity_ids)
        self.assertEqual(order.commitment_date, new_date)
        # the new commitment holds: nothing new to open
        self.assertEqual(self._detect(), (0, 0))
        with self.assertRefused(UserError, "already closed"):
            delay.action_close()

    def test_closed_delay_for_the_same_commitment_is_not_reopened(self):
        order = self._confirmed()
        self._slip(order)
        self._detect()
        delay = self._delays(order).with_user(self.rep)
        delay.reason_id = self.reason
        delay.action_close()
        self.assertEqual(self._detect(), (0, 0))
        # the manager moves the commitment, the delivery slips again
        order.with_user(self.manager).commitment_date = (
            order.commitment_date + timedelta(days=1)
        )
        self._slip(order, days=3)
        self.assertEqual(self._detect(), (1, 0))
        self.assertEqual(len(self._delays(order)), 2)

    def test_automatic_email_when_the_company_says_so(self):
        self.company.execution_send_delay_email = True
        order = self._confirmed()
        self._slip(order)
        self._detect()
        delay = self._delays(order)
        self.assertTrue(delay.customer_notified)
        message = delay.message_ids.filtered(lambda m: self.customer in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(order.name, message.subject)

    def test_rep_sends_the_email_from_the_composer(self):
        order = self._confirmed()
        self._slip(order)
        self._detect()
        delay = self._delays(order).with_user(self.rep)
        action = delay.action_notify_customer()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.rep)
            .with_context(**action["context"])
        )
        self.assertIn(self.customer, composer.partner_ids)
        composer.body = "<p>Edited by the rep: new date next week.</p>"
        composer.save().action_send_mail()
        self.assertTrue(delay.customer_notified)
        self.assertIn(
            "Edited by the rep",
            delay.message_ids.filtered(lambda m: self.customer in m.partner_ids).body,
        )

    def test_reps_see_only_the_delays_of_their_orders(self):
        mine = self._confirmed()
        other = self._confirmed(user=self.rep_2)
        self._slip(mine)
        self._slip(other)
        self._detect()
        Delay = self.env["sales.order.delay"]
        self.assertEqual(Delay.with_user(self.rep).search([]).order_id, mine)
        self.assertEqual(
            Delay.with_user(self.manager)
            .search([("order_id", "in", (mine | other).ids)])
            .order_id,
            mine | other,
        )
        with self.assertRefused(AccessError, "."):
            self._delays(other).with_user(self.rep).read(["state"])
        with self.assertRefused(AccessError, "."):
            self._delays(other).with_user(self.rep_company_b).read(["state"])

    def test_one_open_delay_per_order(self):
        order = self._confirmed()
        Delay = self.env["sales.order.delay"].with_user(self.rep)
        Delay.create({"order_id": order.id})
        with self.assertRefused(ValidationError, "already has an open delay"):
            Delay.create({"order_id": order.id})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "INSERT INTO sales_order_delay (order_id, kind, state, detected_date) "
                "VALUES (%s, 'manual', 'open', now())",
                [order.id],
            )

    def test_rep_cannot_close_the_delay_of_another_rep(self):
        other = self._confirmed(user=self.rep_2)
        delay = self.env["sales.order.delay"].create(
            {"order_id": other.id, "reason_id": self.reason.id}
        )
        with self.assertRefused(AccessError, "."):
            delay.with_user(self.rep).action_close()
        self.assertEqual(delay.state, "open")
        delay.with_user(self.manager).action_close()
        self.assertEqual(delay.state, "closed")
        self.assertTrue(delay.closed_date <= fields.Datetime.now())
