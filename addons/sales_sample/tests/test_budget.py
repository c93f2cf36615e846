# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleBudget(SalesSampleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls.env["sales.sample.budget"].create(
            {"team_id": cls.team.id, "month": "2031-02-01", "amount": 500.0}
        )

    def _costed(self, cost, **values):
        return self._request(
            self.customer_a,
            request_date="2031-02-10",
            estimated_cost=cost,
            **values,
        )

    def test_request_within_budget_is_submitted(self):
        first = self._costed(300.0)
        first.with_user(self.rep).action_submit()
        self.assertEqual(first.state, "submitted")
        self.budget.invalidate_recordset()
        # 500 - 300 used = 200 left
        self.assertRecordValues(
            self.budget, [{"used_amount": 300.0, "remaining_amount": 200.0}]
        )
        # 200 left, a 200 request fits exactly
        exact = self._costed(200.0)
        exact.with_user(self.rep).action_submit()
        self.assertEqual(exact.state, "submitted")

    def test_request_past_remaining_budget_needs_a_manager(self):
        self._costed(300.0).with_user(self.rep).action_submit()
        over = self._costed(300.0)
        # 200 left, 300 asked: 100 over
        values = over._get_approval_values()[over.id]
        self.assertEqual(values["budget_overrun"], 100.0)
        with self.assertRefused(UserError, "monthly budget"):
            over.with_user(self.rep).action_submit()
        self.assertEqual(over.state, "draft")
        over.with_user(self.rep).action_request_approval()
        over.with_user(self.manager).action_approval_approve()
        over.with_user(self.rep).action_submit()
        self.assertEqual(over.state, "submitted")

    def test_other_month_and_drafts_do_not_use_the_budget(self):
        self._costed(400.0)  # a draft: not counted
        march = self._request(
            self.customer_a, request_date="2031-03-02", estimated_cost=900.0
        )
        march.with_user(self.rep).action_submit()  # March has no budget
        request = self._costed(450.0)
        request.with_user(self.rep).action_submit()
        self.assertEqual(request.state, "submitted")

    @mute_logger("odoo.sql_db")
    def test_budget_month_is_first_day_and_unique(self):
        Budget = self.env["sales.sample.budget"]
        with self.assertRefused(Exception, "first day"):
            Budget.create({"team_id": self.team.id, "month": "2031-04-15", "amount": 1})
        with self.assertRefused(Exception, "team_month_uniq"):
            Budget.create({"team_id": self.team.id, "month": "2031-02-01", "amount": 1})
        with self.assertRefused(Exception, "amount_positive"):
            Budget.create(
                {"team_id": self.team.id, "month": "2031-05-01", "amount": -1}
            )
        ok = Budget.create(
            {"team_id": self.team.id, "month": "2031-05-01", "amount": 0}
        )
        self.assertTrue(ok)

    def test_rep_reads_but_cannot_write_budgets(self):
        self.assertEqual(self.budget.with_user(self.rep).amount, 500.0)
        with self.assertRefused(Exception, "not allowed"):
            self.budget.with_user(self.rep).amount = 5000.0
