# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.sales_showroom.models.sales_showroom_visitor import normalize_phone

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestShowroomReception(ShowroomCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_3 = cls._new_policy_user(
            "sp_rep_3", "sales_policy_base.group_sales_policy_user"
        )
        cls.queue = cls._queue_today(cls.rep, cls.rep_2, cls.rep_3)

    def _walk_in(self, name, phone=None, email=None):
        return (
            self.env["sales.showroom.visitor"]
            .with_user(self.manager)
            .with_context(default_user_id=False)
            .create({"name": name, "phone": phone, "email": email})
        )

    def _next(self, name):
        visitor = self._walk_in(name)
        visitor.with_user(self.manager).action_assign_next_rep()
        return visitor.user_id

    def _entry(self, user):
        return self.queue.filtered(lambda entry: entry.user_id == user)

    def test_queue_is_built_from_reception_duties_in_rota_order(self):
        self.assertEqual(
            self.queue.sorted("sequence").user_id, self.rep | self.rep_2 | self.rep_3
        )

    def test_next_visitor_goes_round_the_queue_in_turn(self):
        assigned = [self._next(f"Visitor {index}") for index in range(6)]
        self.assertEqual(
            assigned,
            [self.rep, self.rep_2, self.rep_3, self.rep, self.rep_2, self.rep_3],
        )
        self.assertEqual(self.queue.mapped("assignment_count"), [2, 2, 2])

    def test_busy_rep_is_skipped_and_keeps_the_turn(self):
        self.assertEqual(self._next("First"), self.rep)
        # rep_2 is at the head now, but busy: rep_3 takes the visitor.
        self._entry(self.rep_2).with_user(self.rep_2).action_toggle_busy()
        visitor = self._walk_in("Second")
        visitor.with_user(self.manager).action_assign_next_rep()
        self.assertEqual(visitor.user_id, self.rep_3)
        self.assertRecordValues(
            visitor.assignment_ids,
            [
                {
                    "user_id": self.rep_3.id,
                    "method": "rotation",
                    "skipped_user_ids": self.rep_2.ids,
                }
            ],
        )
        # Back from the client, rep_2 still has the turn before rep.
        self._entry(self.rep_2).with_user(self.rep_2).action_toggle_busy()
        self.assertEqual(self._next("Third"), self.rep_2)
        self.assertEqual(self._next("Fourth"), self.rep)

    def test_every_assignment_is_logged(self):
        for index in range(4):
            self._next(f"Logged {index}")
        log = self.env["sales.showroom.assignment"].search(
            [("visitor_id.name", "like", "Logged")]
        )
        self.assertEqual(len(log), 4)
        self.assertEqual(set(log.mapped("method")), {"rotation"})
        self.assertEqual(set(log.mapped("assigned_by_id")), {self.manager})

    def test_everyone_busy_or_no_queue_gives_a_clear_error(self):
        self.queue.write({"busy": True})
        with self.assertRaisesRegex(UserError, "busy"):
            self._walk_in("Waiting").with_user(self.manager).action_assign_next_rep()
        self.queue.unlink()
        with self.assertRaisesRegex(UserError, "Nobody is on reception duty"):
            self._walk_in("Nobody").with_user(self.manager).action_assign_next_rep()

    def test_rep_cannot_mark_a_colleague_busy(self):
        with self.assertRaises(AccessError):
            self._entry(self.rep_2).with_user(self.rep).action_toggle_busy()

    def test_assigning_a_visitor_to_a_rep_not_on_duty_is_refused(self):
        off_duty = self._new_policy_user(
            "sp_off_duty", "sales_policy_base.group_sales_policy_user"
        )
        visitor = self._walk_in("Manual")
        with self.assertRaisesRegex(UserError, "not on reception duty today"):
            visitor.with_user(self.manager).assign_to(off_duty)
        visitor.with_user(self.manager).assign_to(self.rep_3)
        self.assertEqual(visitor.user_id, self.rep_3)
        self.assertEqual(visitor.assignment_ids.method, "manual")

    def test_an_assigned_visitor_cannot_be_taken_by_another_rep(self):
        visitor = self._walk_in("Taken")
        visitor.with_user(self.manager).action_assign_next_rep()
        with self.assertRaisesRegex(UserError, "already belongs to"):
            visitor.with_user(self.manager).assign_to(self.rep_2)
        with self.assertRaises(AccessError):
            visitor.with_user(self.rep).write({"user_id": self.rep_2.id})

    # -- ownership window ----------------------------------------------------
    def test_second_rep_registering_the_same_visitor_in_the_window_is_refused(self):
        self.env["sales.showroom.visitor"].with_user(self.rep).create(
            {"name": "Mrs Wang", "phone": "+86 138 0013 8000", "channel": "phone"}
        )
        with self.assertRaisesRegex(ValidationError, "registered first by Sp Rep"):
            self.env["sales.showroom.visitor"].with_user(self.rep_2).create(
                {"name": "Wang", "phone": "138-0013-8000"}
            )
        with self.assertRaisesRegex(ValidationError, "registered first"):
            self.env["sales.showroom.visitor"].with_user(self.rep_2).create(
                {"name": "W", "email": "x@example.com", "phone": "13800138000"}
            )
        # The same rep may register the visitor again.
        again = (
            self.env["sales.showroom.visitor"]
            .with_user(self.rep)
            .create({"name": "Mrs Wang", "phone": "13800138000"})
        )
        self.assertEqual(again.user_id, self.rep)

    def test_match_by_email_is_case_insensitive(self):
        self.env["sales.showroom.visitor"].with_user(self.rep).create(
            {"name": "Li", "email": "Li@Example.com"}
        )
        with self.assertRaises(ValidationError):
            self.env["sales.showroom.visitor"].with_user(self.rep_2).create(
                {"name": "Li", "email": "li@example.com "}
            )

    def test_after_the_window_another_rep_may_register_the_visitor(self):
        with freeze_time(fields.Datetime.subtract(fields.Datetime.now(), days=31)):
            first = (
                self.env["sales.showroom.visitor"]
                .with_user(self.rep)
                .create({"name": "Old Lead", "phone": "13900000001"})
            )
        self.assertLess(first.protection_until, fields.Datetime.now())
        second = (
            self.env["sales.showroom.visitor"]
            .with_user(self.rep_2)
            .create({"name": "Old Lead", "phone": "13900000001"})
        )
        self.assertEqual(second.user_id, self.rep_2)

    def test_returning_walk_in_goes_to_the_first_owner_not_the_queue(self):
        self.env["sales.showroom.visitor"].with_user(self.rep_3).create(
            {"name": "Returning", "email": "back@example.com"}
        )
        visitor = self._walk_in("Returning", email="BACK@example.com")
        self.assertEqual(visitor.user_id, self.rep_3)
        self.assertEqual(visitor.assignment_ids.method, "owner")
        # The rotation was not consumed: rep still has the first turn.
        self.assertEqual(self._next("Fresh"), self.rep)

    def test_rep_sees_own_and_unassigned_visitors_only(self):
        mine = (
            self.env["sales.showroom.visitor"]
            .with_user(self.rep)
            .create({"name": "Mine"})
        )
        theirs = (
            self.env["sales.showroom.visitor"]
            .with_user(self.rep_2)
            .create({"name": "Theirs"})
        )
        waiting = self._walk_in("Waiting")
        visible = self.env["sales.showroom.visitor"].with_user(self.rep).search([])
        self.assertIn(mine, visible)
        self.assertIn(waiting, visible)
        self.assertNotIn(theirs, visible)
        manager_sees = (
            self.env["sales.showroom.visitor"].with_user(self.manager).search([])
        )
        self.assertIn(theirs, manager_sees)

    def test_normalize_phone_keeps_the_significant_digits(self):
        self.assertEqual(normalize_phone("+86 138-0013 8000"), "800138000")
        self.assertEqual(normalize_phone("13800138000"), "800138000")
        self.assertFalse(normalize_phone("12-3"))
        self.assertFalse(normalize_phone(False))

    def test_cron_builds_todays_queue_from_the_rota_without_duplicates(self):
        self.queue.unlink()
        queue_model = self.env["sales.showroom.reception.queue"]
        queue_model._cron_build_today_queues()
        queue_model._cron_build_today_queues()
        today = fields.Date.context_today(queue_model)
        entries = queue_model.search([("date", "=", today)])
        self.assertEqual(
            entries.sorted("sequence").user_id, self.rep | self.rep_2 | self.rep_3
        )

    # -- registration and assignment controls ----------------------------------
    def test_rep_cannot_backdate_a_registration(self):
        before = fields.Datetime.now()
        visitor = (
            self.env["sales.showroom.visitor"]
            .with_user(self.rep)
            .create(
                {
                    "name": "Backdated",
                    "phone": "13700000001",
                    "registration_date": fields.Datetime.subtract(before, days=10),
                }
            )
        )
        # the server's clock, not the date the rep sent
        self.assertGreaterEqual(visitor.registration_date, before)
        with self.assertRaisesRegex(AccessError, "only a sales manager may correct"):
            visitor.with_user(self.rep).write(
                {"registration_date": fields.Datetime.subtract(before, days=10)}
            )
        self.assertGreaterEqual(visitor.registration_date, before)

    def test_backdating_cannot_win_first_registration(self):
        # rep registered first; rep_2 sends an older date: still refused
        self.env["sales.showroom.visitor"].with_user(self.rep).create(
            {"name": "Mr Sun", "phone": "13700000002"}
        )
        with self.assertRefused(ValidationError, "registered first by Sp Rep"):
            self.env["sales.showroom.visitor"].with_user(self.rep_2).create(
                {
                    "name": "Mr Sun",
                    "phone": "13700000002",
                    "registration_date": fields.Datetime.subtract(
                        fields.Datetime.now(), days=5
                    ),
                }
            )

    def test_manager_correcting_a_registration_date_rechecks_ownership(self):
        # rep_2 registered 40 days ago (window over), rep registered yesterday;
        # moving rep_2's registration to today puts it inside rep's window.
        with freeze_time(fields.Datetime.subtract(fields.Datetime.now(), days=40)):
            old = (
                self.env["sales.showroom.visitor"]
                .with_user(self.rep_2)
                .create({"name": "Ms Qian", "phone": "13700000003"})
            )
        with freeze_time(fields.Datetime.subtract(fields.Datetime.now(), days=1)):
            self.env["sales.showroom.visitor"].with_user(self.rep).create(
                {"name": "Ms Qian", "phone": "13700000003"}
            )
        with self.assertRefused(ValidationError, "registered first by Sp Rep"):
            old.with_user(self.manager).write(
                {"registration_date": fields.Datetime.now()}
            )
        # a correction that keeps the order is accepted
        corrected = fields.Datetime.subtract(fields.Datetime.now(), days=39)
        old.with_user(self.manager).write({"registration_date": corrected})
        self.assertEqual(old.registration_date, corrected)

    def test_rep_registers_visitors_only_for_themselves(self):
        visitors = self.env["sales.showroom.visitor"].with_user(self.rep)
        with self.assertRefused(AccessError, "only for yourself"):
            visitors.create({"name": "For a colleague", "user_id": self.rep_2.id})
        mine = visitors.create({"name": "For me", "user_id": self.rep.id})
        waiting = visitors.with_context(default_user_id=False).create(
            {"name": "For the rotation"}
        )
        self.assertEqual(mine.user_id, self.rep)
        self.assertFalse(waiting.user_id)

    def test_manager_cannot_register_a_visitor_for_a_rep_off_duty(self):
        off_duty = self._new_policy_user(
            "sp_off_duty_create", "sales_policy_base.group_sales_policy_user"
        )
        visitors = self.env["sales.showroom.visitor"].with_user(self.manager)
        with self.assertRefused(UserError, "not on reception duty today"):
            visitors.create({"name": "Off duty", "user_id": off_duty.id})
        on_duty = visitors.create({"name": "On duty", "user_id": self.rep_3.id})
        self.assertEqual(on_duty.user_id, self.rep_3)

    def test_manager_cannot_give_a_visitor_to_a_rep_off_duty_by_write(self):
        off_duty = self._new_policy_user(
            "sp_off_duty_write", "sales_policy_base.group_sales_policy_user"
        )
        visitor = self._walk_in("Reassigned")
        with self.assertRefused(UserError, "not on reception duty today"):
            visitor.with_user(self.manager).write({"user_id": off_duty.id})
        self.assertFalse(visitor.user_id)
        visitor.with_user(self.manager).write({"user_id": self.rep_2.id})
        self.assertEqual(visitor.user_id, self.rep_2)
