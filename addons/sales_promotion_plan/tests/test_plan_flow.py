# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionPlanFlow(PromotionCommon):
    def test_plan_total_is_the_sum_of_campaign_budgets(self):
        # 2,000 + 3,000 = 5,000
        self.assertRecordValues(
            self.plan, [{"amount_total": 5000.0, "campaign_count": 2}]
        )
        # every campaign is a UTM campaign of the same name
        self.assertEqual(self.fair.campaign_id.title, "Spring Fair")

    def test_submitted_plan_waits_for_senior_management(self):
        self.plan.with_user(self.manager).action_submit()
        request = self.plan.sudo().approval_request_ids
        self.assertRecordValues(
            request, [{"state": "pending", "rule_id": self.rule.id}]
        )
        self.assertIn(self.senior_manager, request.approver_ids)
        self.assertNotIn(self.manager, request.approver_ids)
        self.assertEqual(self.plan.state, "submitted")
        # a sales manager is not senior management
        self.assertFalse(self.plan.with_user(self.manager).approval_can_decide)
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager).action_approval_approve()
        self.plan.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            self.plan,
            [{"state": "approved", "approved_by_id": self.senior_manager.id}],
        )

    def test_rejected_plan_returns_to_draft(self):
        self.plan.with_user(self.manager).action_submit()
        self.plan.with_user(self.senior_manager).action_approval_reject()
        self.assertEqual(self.plan.state, "draft")
        # corrected, it is submitted again
        self.fair.with_user(self.manager).budget = 1500.0
        self.plan.with_user(self.manager).action_submit()
        self.assertEqual(self.plan.approval_status, "pending")

    def test_approved_budget_cannot_be_edited(self):
        self._approve()
        for vals in (
            {"budget": 9999.0},
            {"date_start": "2031-03-02"},
            {"medium_id": False},
            {"name": "Renamed"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRefused(UserError, "SP-PRO-02"),
            ):
                self.fair.with_user(self.manager).write(vals)
        with self.assertRefused(UserError, "SP-PRO-02"):
            self.env["sales.promotion.campaign"].with_user(self.manager).create(
                {
                    "plan_id": self.plan.id,
                    "name": "Extra",
                    "date_start": "2031-09-01",
                    "date_end": "2031-09-02",
                    "budget": 10.0,
                }
            )
        with self.assertRefused(UserError, "SP-PRO-02"):
            self.fair.with_user(self.manager).unlink()
        with self.assertRefused(UserError, "SP-PRO-02"):
            self.plan.with_user(self.manager).write({"year": 2032})
        with self.assertRefused(UserError, "Only draft"):
            self.plan.with_user(self.manager).unlink()
        self.assertRecordValues(
            self.plan, [{"amount_total": 5000.0, "campaign_count": 2, "year": 2031}]
        )
        # the actual cost is entered after approval
        self.fair.with_user(self.manager).actual_cost = 1800.0
        self.assertEqual(self.fair.actual_cost, 1800.0)

    def test_revision_goes_back_through_approval(self):
        self._approve()
        self.plan.with_user(self.manager).action_revise()
        self.assertRecordValues(
            self.plan, [{"state": "draft", "revision": 1, "approved_by_id": False}]
        )
        self.fair.with_user(self.manager).budget = 2500.0
        self.plan.with_user(self.manager).action_submit()
        self.assertRecordValues(
            self.plan, [{"state": "submitted", "amount_total": 5500.0}]
        )
        self.assertEqual(self.plan.approval_status, "pending")
        self.plan.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_unchanged_revision_still_needs_a_new_approval(self):
        self._approve()
        self.plan.with_user(self.manager).action_revise()
        self.plan.with_user(self.manager).action_submit()
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(self.plan.approval_status, "pending")

    def test_plan_without_budget_needs_no_approval(self):
        # the shipped rule tests the total budget (> 0)
        plan = self._plan(
            [("Free Webinar", "2032-05-01", "2032-05-01", 0.0)], year=2032
        )
        plan.with_user(self.manager).action_submit()
        self.assertEqual(plan.state, "approved")

    def test_only_managers_submit_and_revise(self):
        with self.assertRefused(UserError, "Only a sales manager"):
            self.plan.with_user(self.rep).action_submit()
        self._approve()
        with self.assertRefused(UserError, "Only a sales manager"):
            self.plan.with_user(self.rep).action_revise()
        self.assertEqual(self.plan.state, "approved")

    def test_empty_plan_cannot_be_submitted(self):
        plan = self._plan([], year=2033)
        with self.assertRefused(UserError, "no campaign"):
            plan.with_user(self.manager).action_submit()
        self.assertEqual(plan.state, "draft")

    def test_rep_reads_the_plan_but_does_not_edit_it(self):
        self.assertEqual(self.plan.with_user(self.rep).amount_total, 5000.0)
        with self.assertRaises(AccessError):
            self.fair.with_user(self.rep).budget = 1.0
        with self.assertRaises(AccessError):
            self._plan([], year=2034, user=self.rep)

    def test_other_company_does_not_see_the_plan(self):
        Plan = self.env["sales.promotion.plan"].with_user(self.rep_company_b)
        self.assertFalse(Plan.search([("id", "=", self.plan.id)]))
        Effect = self.env["sales.promotion.effectiveness"].with_user(self.rep_company_b)
        self.assertFalse(Effect.search([("plan_id", "=", self.plan.id)]))
