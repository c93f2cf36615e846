# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintBadInput(SalesComplaintCommon):
    def test_revisit_before_closing_is_refused(self):
        claim = self._resolved(self._claim())
        with self.assertRefused(UserError, "is not closed"):
            claim.action_revisit(5)
        self.assertRecordValues(
            claim,
            [
                {
                    "revisit_score": 0,
                    "revisit_date": False,
                    "complaint_state": "resolved",
                }
            ],
        )

    def test_score_outside_the_scale_is_refused(self):
        claim = self._resolved(self._claim())
        claim.action_customer_confirm()
        claim.action_close()
        for score in (0, 6, -2, "5"):
            with self.assertRefused(ValidationError, "whole number from 1 to 5"):
                claim.action_revisit(score)
        self.assertRecordValues(
            claim,
            [{"revisit_score": 0, "complaint_state": "closed", "reopen_count": 0}],
        )
        # and not through the wizard either
        wizard = self.env["sales.complaint.revisit.wizard"].create(
            {"claim_id": claim.id, "score": "4"}
        )
        wizard.action_confirm()
        self.assertEqual(claim.revisit_score, 4)

    def test_resolving_or_closing_without_resolution_is_refused(self):
        claim = self._claim()
        claim.action_route()
        claim.action_respond()
        with self.assertRefused(UserError, "Write the resolution"):
            claim.action_resolve()
        self.assertEqual(claim.complaint_state, "answered")
        with self.assertRefused(UserError, "not possible"):
            claim.action_close()
        self.assertEqual(claim.complaint_state, "answered")

    def test_closing_without_customer_confirmation_is_refused(self):
        claim = self._resolved(self._claim())
        with self.assertRefused(UserError, "has not confirmed"):
            claim.action_close()
        self.assertEqual(claim.complaint_state, "resolved")

    def test_deadline_in_the_past_at_creation_is_refused(self):
        count = self.Claim.search_count([])
        with self.assertRefused(ValidationError, "deadline already past"):
            self._claim(date=fields.Datetime.now() - timedelta(days=4))
        with self.assertRefused(ValidationError, "deadline already past"):
            self._claim(date_deadline=fields.Date.today() - timedelta(days=1))
        self.assertEqual(self.Claim.search_count([]), count)

    def test_steps_out_of_order_are_refused(self):
        claim = self._claim()
        with self.assertRefused(UserError, "not possible"):
            claim.action_respond()
        with self.assertRefused(UserError, "not possible"):
            claim.action_customer_confirm()
        claim.user_id = False
        with self.assertRefused(UserError, "responsible rep and the department"):
            claim.action_route()
        self.assertEqual(claim.complaint_state, "new")

    def test_negative_compensation_is_refused(self):
        claim = self._claim()
        with self.assertRefused(ValidationError, "cannot be negative"):
            claim.compensation_amount = -5

    def test_user_without_sales_group_cannot_act(self):
        outsider = self._new_policy_user("sp_outsider", "base.group_partner_manager")
        claim = self._claim()
        with self.assertRefused(UserError, "Only salespeople"):
            claim.with_user(outsider).action_route()
        self.assertEqual(claim.complaint_state, "new")
