# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import DAY, SalesExpenseBudgetCommon

BUDGETS = "/odoo/action-sales_expense_budget.sales_expense_budget_action"
REPORTS = "/odoo/action-hr_expense.action_hr_expense_sheet_all"


@tagged("post_install", "-at_install")
class TestExpenseBudgetUi(SalesExpenseBudgetCommon, HttpCase):
    """Issue 19's tour, clicked by the team's manager in the backend: the
    budget approved through the approval engine, an expense report within it
    approved in Expenses, one over the remaining budget held for the engine."""

    def _tour_sheet(self, name, amount):
        sheet = self._sheet(self.rep_employee, [("travel", amount, DAY, None)])
        sheet.name = name
        return sheet

    def test_budget_then_expense_within_then_over_budget_tour(self):
        # a draft budget of the team, submitted by another sales manager (who
        # submits a budget never approves it)
        budget = self._budget({"travel": 1000.0, "entertainment": 300.0})
        budget.with_user(self.manager_2).action_submit()
        self.assertRecordValues(
            budget, [{"state": "submitted", "approval_status": "pending"}]
        )
        # the rep's two reports, still drafts: 600 within, then 500 more over
        within = self._tour_sheet("Tour trip within budget", 600.0)
        over = self._tour_sheet("Tour trip over budget", 500.0)

        # 1. the manager approves the budget with the engine's Approve button
        self.start_tour(
            BUDGETS, "sales_expense_budget_approve_tour", login=self.manager.login
        )
        self.env.invalidate_all()
        self.assertRecordValues(
            budget,
            [
                {
                    "state": "approved",
                    "approved_by_id": self.manager.id,
                    "approval_status": "approved",
                }
            ],
        )

        # 2. within the remaining budget: approved in Expenses as usual
        within.with_user(self.rep).action_submit_sheet()
        self.assertEqual(within.approval_status, "none")
        self.start_tour(
            REPORTS, "sales_expense_budget_within_tour", login=self.manager.login
        )
        self.env.invalidate_all()
        self.assertRecordValues(
            within, [{"approval_state": "approve", "state": "approve"}]
        )

        # 3. 600 committed + 500 > 1000: the report waits for the engine
        over.with_user(self.rep).action_submit_sheet()
        self.assertEqual(over.approval_status, "pending")
        self.start_tour(
            REPORTS, "sales_expense_budget_over_tour", login=self.manager.login
        )
        self.env.invalidate_all()
        self.assertRecordValues(
            over,
            [
                {
                    "approval_state": "submit",
                    "state": "submit",
                    "approval_status": "pending",
                }
            ],
        )
        self.assertFalse(over.account_move_ids)
        self.assertEqual(
            over.sudo().approval_request_ids.rule_id,
            self.env.ref("sales_expense_budget.approval_rule_expense_over_budget"),
        )
