# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.sales_showroom.models.sales_showroom_duty import plan_rota

from .common import ShowroomCommon

MONDAY = datetime.date(2030, 1, 7)


@tagged("post_install", "-at_install")
class TestShowroomDuty(ShowroomCommon):
    def test_plan_rota_rotates_reps_over_the_pattern_days(self):
        # Mon/Wed/Fri with reps 1, 2: 1, 2, 1 (the rota starts on the week's Monday)
        plan = plan_rota(MONDAY + datetime.timedelta(days=2), [0, 2, 4], [1, 2])
        self.assertEqual(
            plan,
            [
                (datetime.date(2030, 1, 7), 1),
                (datetime.date(2030, 1, 9), 2),
                (datetime.date(2030, 1, 11), 1),
            ],
        )
        self.assertEqual(plan_rota(MONDAY, [0], []), [])

    def _generate(self, user, reps, **values):
        wizard_form = Form(self.env["sales.showroom.duty.generate"].with_user(user))
        wizard_form.week_start = MONDAY
        for name, value in values.items():
            setattr(wizard_form, name, value)
        for rep in reps:
            wizard_form.user_ids.add(rep)
        action = wizard_form.save().action_generate()
        return self.env["sales.showroom.duty"].search(action["domain"])

    def test_manager_generates_a_week_from_the_pattern_with_activities(self):
        duties = self._generate(self.manager, [self.rep, self.rep_2])
        self.assertRecordValues(
            duties.sorted("date"),
            [
                {"date": MONDAY, "user_id": self.rep.id, "slot": "morning"},
                {
                    "date": MONDAY + datetime.timedelta(days=2),
                    "user_id": self.rep_2.id,
                    "slot": "morning",
                },
                {
                    "date": MONDAY + datetime.timedelta(days=4),
                    "user_id": self.rep.id,
                    "slot": "morning",
                },
            ],
        )
        self.assertEqual(duties.activity_ids.mapped("user_id"), self.rep | self.rep_2)
        self.assertEqual(len(duties.activity_ids), 3)
        # Generating the same week again adds nothing.
        self.assertFalse(self._generate(self.manager, [self.rep, self.rep_2]))

    def test_generating_without_weekdays_or_reps_is_refused(self):
        with self.assertRaisesRegex(UserError, "at least one weekday"):
            self._generate(self.manager, [])

    def test_rep_cannot_generate_the_rota(self):
        with self.assertRaises(AccessError):
            self.env["sales.showroom.duty.generate"].with_user(self.rep).create({})

    def _swap_rule(self):
        rule = self.env.ref("sales_showroom.approval_rule_showroom_duty_swap")
        rule.active = True
        return rule

    def test_swap_request_approved_by_manager_moves_duty_and_activity(self):
        # The shipped rule of the approval engine: any sales manager (SP-SHR-08).
        rule = self._swap_rule()
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        swap = (
            self.env["sales.showroom.duty.swap"]
            .with_user(self.rep)
            .create(
                {"duty_id": duty.id, "new_user_id": self.rep_2.id, "reason": "Doctor"}
            )
        )
        # creating the request submitted it: it waits in the managers' approvals
        self.assertRecordValues(
            swap.approval_request_ids,
            [{"rule_id": rule.id, "state": "pending", "requester_id": self.rep.id}],
        )
        self.assertIn(self.manager, swap.approval_request_ids.inbox_user_ids)
        self.assertEqual(swap.approval_status, "pending")
        self.assertEqual(duty.user_id, self.rep)
        with self.assertRefused(AccessError, "SP-SHR-08"):
            swap.with_user(self.rep).action_approval_approve()
        with self.assertRefused(AccessError, "SP-SHR-08"):
            swap.with_user(self.rep_2).action_approval_reject()
        with self.assertRaises(AccessError):
            swap.with_user(self.rep).write({"state": "approved"})
        with self.assertRefused(UserError, "change only through"):
            swap.with_user(self.manager).write({"state": "approved"})
        self.assertEqual(swap.state, "requested")
        swap.with_user(self.manager).action_approval_approve()
        self.assertRecordValues(
            swap, [{"state": "approved", "decided_by_id": self.manager.id}]
        )
        self.assertEqual(swap.approval_request_ids.state, "approved")
        self.assertEqual(duty.user_id, self.rep_2)
        self.assertEqual(duty.activity_ids.user_id, self.rep_2)
        with self.assertRaisesRegex(UserError, "already been decided"):
            swap.with_user(self.manager).action_approval_reject()
        with self.assertRefused(UserError, "has been decided"):
            swap.with_user(self.manager).write({"new_user_id": self.manager.id})

    def test_refused_swap_keeps_the_duty(self):
        self._swap_rule()
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        swap = (
            self.env["sales.showroom.duty.swap"]
            .with_user(self.rep)
            .create({"duty_id": duty.id, "new_user_id": self.rep_2.id})
        )
        swap.with_user(self.manager).action_approval_reject()
        self.assertRecordValues(
            swap, [{"state": "refused", "decided_by_id": self.manager.id}]
        )
        self.assertEqual(swap.approval_request_ids.state, "rejected")
        self.assertEqual(duty.user_id, self.rep)
        self.assertEqual(duty.activity_ids.user_id, self.rep)

    def test_manager_may_not_approve_a_swap_they_asked_for(self):
        self._swap_rule()
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        swap = (
            self.env["sales.showroom.duty.swap"]
            .with_user(self.manager)
            .create({"duty_id": duty.id, "new_user_id": self.rep_2.id})
        )
        with self.assertRefused(AccessError, "SP-SHR-08"):
            swap.with_user(self.manager).action_approval_approve()
        self.assertEqual(duty.user_id, self.rep)
        swap.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            swap, [{"state": "approved", "decided_by_id": self.senior_manager.id}]
        )
        self.assertEqual(duty.user_id, self.rep_2)

    def test_swap_is_applied_at_once_when_no_rule_gates_it(self):
        # the company archived the swap rule (ShowroomCommon archives all rules)
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        swap = (
            self.env["sales.showroom.duty.swap"]
            .with_user(self.rep)
            .create({"duty_id": duty.id, "new_user_id": self.rep_2.id})
        )
        self.assertRecordValues(
            swap,
            [{"state": "approved", "decided_by_id": False, "approval_status": "none"}],
        )
        self.assertEqual(duty.user_id, self.rep_2)

    def test_rep_cannot_create_a_swap_already_approved_or_for_someone_else(self):
        self._swap_rule()
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        Swap = self.env["sales.showroom.duty.swap"].with_user(self.rep)
        for forged in (
            {"state": "approved"},
            {"decided_by_id": self.manager.id},
            {"requested_by_id": self.manager.id},
        ):
            with self.assertRefused(UserError, "change only through"):
                Swap.create(
                    {"duty_id": duty.id, "new_user_id": self.rep_2.id, **forged}
                )
        self.assertFalse(duty.swap_ids)
        self.assertEqual(duty.user_id, self.rep)

    def test_only_the_rep_on_duty_asks_for_a_swap_to_someone_else(self):
        duty = self._generate(self.manager, [self.rep], wednesday=False, friday=False)
        with self.assertRaisesRegex(ValidationError, "Only the rep on duty"):
            self.env["sales.showroom.duty.swap"].with_user(self.rep_2).create(
                {"duty_id": duty.id, "new_user_id": self.rep_2.id}
            )
        with self.assertRaisesRegex(ValidationError, "already has this duty"):
            self.env["sales.showroom.duty.swap"].with_user(self.rep).create(
                {"duty_id": duty.id, "new_user_id": self.rep.id}
            )
