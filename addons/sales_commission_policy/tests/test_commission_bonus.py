# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionBonus(SalesCommissionCommon):
    """Bonuses are proposed by a senior manager and decided through the
    approval engine (shipped rules: below 10,000 any sales manager, from
    10,000 any senior manager)."""

    def _bonus(self, shares, amount=1000.0, proposer=None):
        return (
            self.env["sales.commission.bonus"]
            .with_user(proposer or self.senior_manager)
            .create(
                {
                    "name": "Harbour Project",
                    "company_id": self.company.id,
                    "date": date(2026, 3, 15),
                    "partner_id": self.customer_a.id,
                    "amount": amount,
                    "beneficiary_ids": [
                        Command.create({"user_id": user.id, "percent": pct})
                        for user, pct in shares
                    ],
                }
            )
        )

    def _approve(self, bonus, approver=None, proposer=None):
        bonus.with_user(proposer or self.senior_manager).action_request_approval()
        bonus.with_user(approver or self.manager).action_approval_approve()

    def _request(self, bonus):
        return self.env["sales.policy.approval.request"].search(
            [("res_model", "=", bonus._name), ("res_id", "=", bonus.id)]
        )

    def test_manager_approval_splits_bonus_between_beneficiaries(self):
        bonus = self._bonus([(self.rep, 60.0), (self.rep_2, 40.0)])
        self._approve(bonus)
        # 1,000 * 60 % = 600; 1,000 * 40 % = 400
        self.assertRecordValues(
            bonus.line_ids.sorted(lambda line: line.user_id.id),
            [
                {"user_id": self.rep.id, "amount": 600.0, "basis": "bonus"},
                {"user_id": self.rep_2.id, "amount": 400.0, "basis": "bonus"},
            ],
        )
        self.assertRecordValues(
            bonus, [{"state": "approved", "approved_by_id": self.manager.id}]
        )

    def test_bonus_rounding_remainder_goes_to_last_beneficiary(self):
        bonus = self._bonus(
            [(self.rep, 33.33), (self.rep_2, 33.33), (self.manager, 33.34)],
            amount=100.01,
        )
        # the manager earns a share: another manager approves
        self._approve(bonus, approver=self.policy_admin)
        # 100.01 * 33.33 % = 33.333... -> 33.33 (twice); the last share takes
        # the rest: 100.01 - 66.66 = 33.35
        self.assertEqual(
            bonus.line_ids.sorted("id").mapped("amount"), [33.33, 33.33, 33.35]
        )

    def test_rep_cannot_approve_a_bonus(self):
        bonus = self._bonus([(self.rep, 100.0)])
        bonus.with_user(self.senior_manager).action_request_approval()
        with self.assertRaises(AccessError):
            bonus.with_user(self.rep).action_approval_approve()
        with self.assertRaises(AccessError):
            bonus.with_user(self.rep).action_grant()
        self.assertEqual(bonus.state, "draft")
        self.assertFalse(bonus.line_ids)

    def test_beneficiaries_not_summing_to_100_refused(self):
        with self.assertRefused(ValidationError, "share 90"):
            self._bonus([(self.rep, 50.0), (self.rep_2, 40.0)])
        with self.assertRefused(ValidationError, "must be positive"):
            self._bonus([(self.rep, 100.0)], amount=0.0)

    def test_cancelled_bonus_removes_its_commission(self):
        bonus = self._bonus([(self.rep, 100.0)])
        self._approve(bonus)
        bonus.with_user(self.manager).action_cancel()
        self.assertFalse(bonus.line_ids)
        self.assertEqual(bonus.state, "cancel")
        # reset to draft, it is reviewed again
        bonus.with_user(self.manager).action_draft()
        self.assertRecordValues(
            bonus,
            [
                {
                    "state": "draft",
                    "approved_by_id": False,
                    "approval_status": "to_submit",
                }
            ],
        )

    def test_manager_cannot_approve_a_bonus_paying_themselves(self):
        # issue 14, item 10: a manager approves a bonus paying themselves
        bonus = self._bonus([(self.manager, 50.0), (self.rep, 50.0)])
        bonus.with_user(self.senior_manager).action_request_approval()
        request = self._request(bonus)
        as_manager = bonus.with_user(self.manager)
        # the form does not offer it...
        self.assertFalse(as_manager.approval_can_decide)
        # ...the form's button refuses it...
        with self.assertRefused(UserError, "benefit.*SP-COM-05"):
            as_manager.action_approval_approve()
        # ...and so does My Approvals (the decision is rolled back)
        with self.assertRefused(UserError, "benefit.*SP-COM-05"):
            request.with_user(self.manager).action_approve()
        with self.assertRefused(UserError, "benefit.*SP-COM-05"):
            request.with_user(self.manager).action_reject()
        # nor may they grant it by hand
        with self.assertRefused(UserError, "benefit.*SP-COM-05"):
            as_manager.action_grant()
        self.assertEqual(request.state, "pending")
        self.assertRecordValues(bonus, [{"state": "draft", "approved_by_id": False}])
        self.assertFalse(bonus.line_ids)
        # a manager who does not benefit from it approves it
        self.assertTrue(bonus.with_user(self.policy_admin).approval_can_decide)
        self._approve(bonus, approver=self.policy_admin)
        self.assertRecordValues(
            bonus, [{"state": "approved", "approved_by_id": self.policy_admin.id}]
        )

    def test_bonus_request_refused_when_only_beneficiaries_could_approve(self):
        self.bonus_rule.write(
            {
                "approver_type": "user",
                "approver_user_ids": [Command.set(self.manager.ids)],
            }
        )
        bonus = self._bonus([(self.manager, 100.0)])
        with self.assertRefused(UserError, "paying themselves"):
            bonus.with_user(self.senior_manager).action_request_approval()
        self.assertFalse(self._request(bonus))

    def test_large_bonus_needs_a_senior_manager(self):
        # 20,000 is over the 10,000 threshold of the large-bonus rule
        bonus = self._bonus(
            [(self.rep, 100.0)], amount=20000.0, proposer=self.policy_admin
        )
        bonus.with_user(self.policy_admin).action_request_approval()
        self.assertEqual(self._request(bonus).rule_id, self.large_bonus_rule)
        with self.assertRefused(AccessError, "senior manager"):
            bonus.with_user(self.manager).action_approval_approve()
        bonus.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            bonus, [{"state": "approved", "approved_by_id": self.senior_manager.id}]
        )
        self.assertEqual(sum(bonus.line_ids.mapped("amount")), 20000.0)

    def test_bonus_granted_only_after_approval(self):
        bonus = self._bonus([(self.rep, 100.0)])
        with self.assertRefused(UserError, "must approve it first"):
            bonus.with_user(self.manager).action_grant()
        # without an applicable rule a sales manager grants it at once
        (self.bonus_rule | self.large_bonus_rule).active = False
        bonus.with_user(self.manager).action_grant()
        self.assertRecordValues(
            bonus, [{"state": "approved", "approved_by_id": self.manager.id}]
        )

    def test_changed_shares_reopen_the_bonus_review(self):
        bonus = self._bonus([(self.rep, 60.0), (self.rep_2, 40.0)])
        bonus.with_user(self.senior_manager).action_request_approval()
        bonus.with_user(self.senior_manager).write(
            {
                "beneficiary_ids": [
                    Command.update(bonus.beneficiary_ids[0].id, {"percent": 90.0}),
                    Command.update(bonus.beneficiary_ids[1].id, {"percent": 10.0}),
                ]
            }
        )
        # the pending request was for 60/40: the edit re-opened review
        self.assertEqual(
            sorted(self._request(bonus).mapped("state")), ["outdated", "pending"]
        )
        self._approve(bonus)
        self.assertEqual(
            bonus.line_ids.sorted(lambda line: line.user_id.id).mapped("amount"),
            [900.0, 100.0],
        )
        # decided: who earns it no longer changes
        with self.assertRefused(UserError, "no longer change"):
            bonus.beneficiary_ids[0].with_user(self.manager).percent = 100.0
        with self.assertRefused(UserError, "no longer change"):
            bonus.with_user(self.manager).amount = 5000.0

    def test_form_offers_engine_buttons_not_hand_written_ones(self):
        arch = etree.fromstring(
            self.env["sales.commission.bonus"].get_view(view_type="form")["arch"]
        )
        self.assertTrue(arch.xpath("//button[@name='action_approval_approve']"))
        self.assertTrue(arch.xpath("//button[@name='action_request_approval']"))
        self.assertFalse(arch.xpath("//button[@name='action_approve']"))
        settlement = etree.fromstring(
            self.env["sales.commission.settlement"].get_view(view_type="form")["arch"]
        )
        self.assertTrue(settlement.xpath("//button[@name='action_approval_approve']"))
        self.assertFalse(settlement.xpath("//button[@name='action_approve']"))
