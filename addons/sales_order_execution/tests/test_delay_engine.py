# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delay cron's set-based creation (one SQL statement per batch) gives
what the ORM gives: the same delay, the same activity, the rep following."""

from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import OrderExecutionCommon

ACTIVITY_TYPE = "sales_order_execution.mail_activity_type_order_delay"


@tagged("post_install", "-at_install")
class TestDelayEngine(OrderExecutionCommon):
    def _slip(self, order, days=5):
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        picking.scheduled_date = order.commitment_date + timedelta(days=days)
        return picking

    def test_cron_delay_and_activity_match_the_orm(self):
        order = self._confirmed()
        order_2 = self._confirmed(user=self.rep_2)
        self._slip(order)
        self._slip(order_2, days=2)
        self.assertEqual(self._detect(), (2, 0))
        delay = self._delays(order)
        # what the ORM gives for the same order (its rep, as the cron)
        reference = self._confirmed()
        orm_delay = (
            self.env["sales.order.delay"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                {
                    "order_id": reference.id,
                    "kind": "slipped",
                    "commitment_date": reference.commitment_date,
                }
            )
        )
        orm_delay.activity_schedule(
            ACTIVITY_TYPE,
            user_id=self.rep.id,
            summary=f"Late delivery: {reference.name}, tell the customer",
            date_deadline=fields.Date.context_today(orm_delay),
        )
        fields_compared = [
            "company_id",
            "user_id",
            "partner_id",
            "state",
            "customer_notified",
        ]
        self.assertEqual(
            delay.read(fields_compared)[0] | {"id": 0},
            orm_delay.read(fields_compared)[0] | {"id": 0},
        )
        self.assertTrue(delay.detected_date)
        activity, orm_activity = delay.activity_ids, orm_delay.activity_ids
        self.assertEqual(len(activity), 1)
        compared = [
            "res_model",
            "res_model_id",
            "activity_type_id",
            "user_id",
            "date_deadline",
            "automated",
            "user_tz",
        ]
        self.assertEqual(
            activity.read(compared)[0] | {"id": 0},
            orm_activity.read(compared)[0] | {"id": 0} | {"automated": True},
        )
        self.assertEqual(activity.res_name, order.display_name)
        self.assertEqual(
            activity.summary, f"Late delivery: {order.name}, tell the customer"
        )
        # the rep follows the delay with the default subtypes, as through the ORM
        follower = delay.message_follower_ids
        orm_follower = orm_delay.message_follower_ids
        self.assertEqual(follower.partner_id, self.rep.partner_id)
        self.assertEqual(follower.subtype_ids, orm_follower.subtype_ids)
        self.assertEqual(self._delays(order_2).activity_ids.user_id, self.rep_2)
        # nothing twice
        self.assertEqual(self._detect(), (0, 0))
        self.assertEqual(len(delay.activity_ids), 1)
        self.assertEqual(len(delay.message_follower_ids), 1)

    def test_batch_with_an_order_delayed_meanwhile_is_retried_order_by_order(self):
        first = self._confirmed()
        second = self._confirmed()
        self._slip(first)
        self._slip(second)
        Engine = self.env["sales.order.delay.engine"]
        self.env.flush_all()
        stale = self.env.execute_query(Engine._late_orders_query(fields.Datetime.now()))
        self.assertEqual({row[0] for row in stale}, {first.id, second.id})
        # another run opened the first order's delay after the query
        self.env["sales.order.delay"].create({"order_id": first.id})
        query = SQL(
            "SELECT * FROM (VALUES %s) AS v",
            SQL(", ").join(SQL("(%s, %s, %s, %s)", *row) for row in stale),
        )
        commits = []
        with (
            patch.object(type(Engine), "_late_orders_query", lambda self, now: query),
            mute_logger(
                "odoo.sql_db",
                "odoo.addons.sales_order_execution.models.sales_order_delay_engine",
            ),
        ):
            done = Engine._cron_detect_delays(
                batch_size=10, commit=lambda: commits.append(1)
            )
        self.assertEqual(done, (1, 1))
        self.assertEqual(commits, [1])
        self.assertEqual(len(self._delays(first)), 1)
        self.assertEqual(self._delays(first).kind, "manual")
        self.assertEqual(self._delays(second).kind, "slipped")
        self.assertEqual(len(self._delays(second).activity_ids), 1)
