# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionBonus(SalesCommissionCommon):
    def _bonus(self, shares, amount=1000.0):
        return (
            self.env["sales.commission.bonus"]
            .with_user(self.manager)
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

    def test_manager_approval_splits_bonus_between_beneficiaries(self):
        bonus = self._bonus([(self.rep, 60.0), (self.rep_2, 40.0)])
        bonus.with_user(self.manager).action_approve()
        # 1,000 * 60 % = 600; 1,000 * 40 % = 400
        self.assertRecordValues(
            bonus.line_ids.sorted("user_id"),
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
        bonus.with_user(self.manager).action_approve()
        # 100.01 * 33.33 % = 33.333... -> 33.33 (twice); the last share takes
        # the rest: 100.01 - 66.66 = 33.35
        self.assertEqual(
            bonus.line_ids.sorted("id").mapped("amount"), [33.33, 33.33, 33.35]
        )

    def test_rep_cannot_approve_a_bonus(self):
        bonus = self._bonus([(self.rep, 100.0)])
        with self.assertRaises(AccessError):
            bonus.with_user(self.rep).action_approve()
        self.assertEqual(bonus.state, "draft")
        self.assertFalse(bonus.line_ids)

    def test_beneficiaries_not_summing_to_100_refused(self):
        with self.assertRefused(ValidationError, "share 90"):
            self._bonus([(self.rep, 50.0), (self.rep_2, 40.0)])
        with self.assertRefused(ValidationError, "must be positive"):
            self._bonus([(self.rep, 100.0)], amount=0.0)

    def test_cancelled_bonus_removes_its_commission(self):
        bonus = self._bonus([(self.rep, 100.0)])
        bonus.with_user(self.manager).action_approve()
        bonus.with_user(self.manager).action_cancel()
        self.assertFalse(bonus.line_ids)
        self.assertEqual(bonus.state, "cancel")
