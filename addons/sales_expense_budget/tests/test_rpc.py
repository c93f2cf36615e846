# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import DAY, SalesExpenseBudgetCommon

FORGED_CONTEXT = {
    "sales_policy_approval_transition": True,
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "skip_approval": True,
    "default_approval_state": "approve",
    "default_state": "approved",
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestExpenseBudgetRpc(RepRpcAttackerMixin, SalesExpenseBudgetCommon, HttpCase):
    """A salesperson calling XML-RPC with forged context keys cannot skip the
    budget and standard checks: refused, and nothing changed."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-expense-Rpc1"
        cls.rep.password = cls.password
        cls.budget = cls._approved_budget({"travel": 1000.0})
        # 1500 > 1000: over budget, waiting for the engine
        cls.sheet = cls._sheet_cls(cls.rep_employee, 1500.0)
        cls.sheet.with_user(cls.rep).action_submit_sheet()

    @classmethod
    def _sheet_cls(cls, employee, amount):
        expense = (
            cls.env["hr.expense"]
            .with_user(employee.user_id)
            .create(
                {
                    "name": "Flight",
                    "employee_id": employee.id,
                    "product_id": cls.products["travel"].id,
                    "total_amount_currency": amount,
                    "date": DAY,
                    "tax_ids": [(5, 0, 0)],
                }
            )
        )
        sheet = (
            cls.env["hr.expense.sheet"]
            .with_user(employee.user_id)
            .create(
                {
                    "name": "Trip",
                    "employee_id": employee.id,
                    "expense_line_ids": [(6, 0, expense.ids)],
                }
            )
        )
        return sheet.with_env(cls.env)

    def _assert_unchanged(self):
        self.assertRecordValues(
            self.sheet,
            [{"approval_state": "submit", "state": "submit", "approval_date": False}],
        )
        self.assertFalse(self.sheet.account_move_ids)
        self.assertEqual(self.budget.state, "approved")

    def test_rep_cannot_write_the_sheet_state(self):
        for vals in (
            {"approval_state": "approve"},
            {"state": "approve"},
            {"state": "done"},
            {"approval_date": "2026-06-11 00:00:00"},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "own buttons|must approve it first|not allowed|access",
                    "hr.expense.sheet",
                    "write",
                    [[self.sheet.id], vals],
                )
        self._assert_unchanged()

    def test_rep_cannot_create_an_approved_sheet(self):
        expense = (
            self.env["hr.expense"]
            .with_user(self.rep)
            .create(
                {
                    "name": "Dinner",
                    "employee_id": self.rep_employee.id,
                    "product_id": self.products["travel"].id,
                    "total_amount_currency": 10.0,
                    "date": DAY,
                }
            )
        )
        self._refused(
            "own buttons",
            "hr.expense.sheet",
            "create",
            [
                {
                    "name": "Forged",
                    "employee_id": self.rep_employee.id,
                    "expense_line_ids": [(6, 0, expense.ids)],
                    "approval_state": "approve",
                }
            ],
        )
        self.assertFalse(expense.sheet_id)

    def test_rep_cannot_approve_their_own_over_budget_expense(self):
        self._refused(
            "must approve it first|your own expense|not a Manager",
            "hr.expense.sheet",
            "action_approve_expense_sheets",
            [[self.sheet.id]],
        )
        self._refused(
            "waits for your decision|not allowed|access",
            "hr.expense.sheet",
            "action_approval_approve",
            [[self.sheet.id]],
        )
        self._assert_unchanged()

    def test_rep_cannot_approve_or_edit_the_budget(self):
        for vals in (
            {"state": "draft"},
            {"approved_by_id": self.rep.id},
            {"revision": 9},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "own buttons|not allowed|access",
                    "sales.expense.budget",
                    "write",
                    [[self.budget.id], vals],
                )
        self._refused(
            "not allowed|access",
            "sales.expense.budget.line",
            "write",
            [self.budget.line_ids.ids, {"amount": 99999.0}],
        )
        self.assertEqual(self.budget.line_ids.amount, 1000.0)
        self._assert_unchanged()
