# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesAppraisalCommon


@tagged("post_install", "-at_install")
class TestRewardPenalty(SalesAppraisalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only this module's rules on the register take part
        cls.clause = cls.env.ref("sales_appraisal.clause_contract_error_fine")

    def _entry(self, user=None, amount=50.0, kind="penalty", by=None):
        return (
            self.env["sales.reward.penalty"]
            .with_user(by or self.manager)
            .create(
                {
                    "user_id": (user or self.rep).id,
                    "kind": kind,
                    "reason": "Contract error: wrong unit price",
                    "amount": amount,
                    "date": date(2025, 3, 5),
                    "clause_id": self.clause.id,
                }
            )
        )

    def test_fine_approved_through_the_approval_engine(self):
        entry = self._entry()
        self.assertEqual(entry.signed_amount, -50.0)
        with self.assertRaisesRegex(UserError, "must approve it first"):
            entry.action_register()
        entry.action_request_approval()
        self.assertEqual(entry.approval_status, "pending")
        # the manager who asked may not approve (no self-approval)
        with self.assertRaisesRegex(UserError, "waits for your decision"):
            entry.action_approval_approve()
        entry.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            entry, [{"state": "approved", "approved_by_id": self.senior_manager.id}]
        )
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            entry.amount = 10.0

    def test_rejected_entry_is_rejected(self):
        entry = self._entry()
        entry.action_request_approval()
        entry.with_user(self.senior_manager).action_approval_reject()
        self.assertEqual(entry.state, "rejected")

    def test_large_reward_waits_for_a_senior_manager(self):
        entry = self._entry(amount=5000.0, kind="reward", by=self.senior_manager)
        entry.action_request_approval()
        with self.assertRaisesRegex(UserError, "waits for your decision"):
            entry.with_user(self.manager).action_approval_approve()
        entry.with_user(self.policy_admin).action_approval_approve()
        self.assertEqual(entry.state, "approved")

    def test_no_one_decides_an_entry_about_themselves(self):
        entry = self._entry(user=self.manager, by=self.senior_manager)
        entry.action_request_approval()
        with self.assertRaisesRegex(UserError, "waits for your decision"):
            entry.with_user(self.manager).action_approval_approve()
        self.assertEqual(entry.state, "draft")

    def test_created_approved_or_approved_by_hand_refused(self):
        Entry = self.env["sales.reward.penalty"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "SP-APR-05"):
            Entry.create(
                {
                    "user_id": self.rep.id,
                    "reason": "Forged",
                    "amount": 50.0,
                    "state": "approved",
                }
            )
        entry = self._entry()
        with self.assertRaisesRegex(UserError, "SP-APR-05"):
            entry.write({"state": "approved"})
        with self.assertRaises(AccessError):
            entry.with_user(self.rep).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            entry.with_user(self.rep).action_register()

    def test_register_without_a_rule_and_export_for_payroll(self):
        self.env["sales.policy.approval.rule"].search(
            [("model_id.model", "=", "sales.reward.penalty")]
        ).active = False
        fine = self._entry()
        fine.action_register()
        reward = self._entry(amount=300.0, kind="reward")
        reward.action_register()
        self._entry(amount=70.0)  # a draft: not exported
        self.assertEqual(fine.state, "approved")
        wizard = (
            self.env["sales.reward.penalty.export"]
            .with_user(self.manager)
            .create({"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)})
        )
        rows = wizard._rows()
        self.assertEqual(sorted(row[-1] for row in rows), [-50.0, 300.0])
        wizard.action_export()
        self.assertTrue(base64.b64decode(wizard.file_data).startswith(b"PK"))
        with self.assertRaises(AccessError):
            wizard.with_user(self.rep).action_export()

    def test_rep_reads_own_entries_only(self):
        mine = self._entry()
        self._entry(user=self.rep_2, by=self.senior_manager)
        self.assertEqual(
            self.env["sales.reward.penalty"].with_user(self.rep).search([]), mine
        )
