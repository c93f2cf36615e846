# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DAY, SalesExpenseBudgetCommon


@tagged("post_install", "-at_install")
class TestExpenseControl(SalesExpenseBudgetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._approved_budget({"travel": 1000.0, "entertainment": 500.0})

    def _submit(self, lines, employee=None):
        employee = employee or self.rep_employee
        sheet = self._sheet(employee, lines)
        sheet.with_user(employee.user_id).action_submit_sheet()
        return sheet

    def test_expense_within_budget_is_approved_normally(self):
        # 600 of the 1000 travel budget
        sheet = self._submit([("travel", 600.0, DAY, None)])
        self.assertEqual(sheet.approval_status, "none")
        sheet.with_user(self.manager).action_approve_expense_sheets()
        self.assertEqual(sheet.approval_state, "approve")

    def test_expense_over_budget_waits_for_the_engine(self):
        # 600 committed first; then 500 more: 1100 > 1000
        self._submit([("travel", 600.0, DAY, None)])
        sheet = self._submit([("travel", 500.0, DAY, None)])
        self.assertEqual(sheet.approval_status, "pending")
        with self.assertRefused(UserError, "must approve it first"):
            sheet.with_user(self.manager).action_approve_expense_sheets()
        self.assertFalse(sheet.account_move_ids)
        self.assertEqual(sheet.approval_state, "submit")
        sheet.with_user(self.manager_2).action_approval_approve()
        sheet.with_user(self.manager).action_approve_expense_sheets()
        self.assertEqual(sheet.approval_state, "approve")

    def test_expense_over_standard_waits_for_the_engine(self):
        self.env["sales.expense.standard"].create(
            {"category_id": self.categories["entertainment"].id, "limit_per_day": 100.0}
        )
        # 150 on one day within the 500 budget, over the 100 a day standard
        sheet = self._submit([("entertainment", 150.0, DAY, None)])
        self.assertEqual(
            sheet.sudo().approval_request_ids.rule_id,
            self.env.ref("sales_expense_budget.approval_rule_expense_over_standard"),
        )
        with self.assertRefused(UserError, "must approve it first"):
            sheet.with_user(self.manager).action_approve_expense_sheets()

    def test_job_standard_wins_over_the_general_one(self):
        Standard = self.env["sales.expense.standard"]
        Standard.create(
            {"category_id": self.categories["entertainment"].id, "limit_per_day": 100.0}
        )
        Standard.create(
            {
                "category_id": self.categories["entertainment"].id,
                "job_id": self.job_junior.id,
                "limit_per_day": 200.0,
            }
        )
        sheet = self._submit([("entertainment", 150.0, DAY, None)])
        self.assertEqual(sheet.approval_status, "none")

    def test_foreign_currency_expense_converted_at_the_expense_date_rate(self):
        eur = self.env.ref("base.EUR")
        eur.active = True
        self.env["res.currency.rate"].create(
            [
                # on the expense day 1 company unit = 0.8 EUR
                {
                    "currency_id": eur.id,
                    "name": DAY,
                    "rate": 0.8,
                    "company_id": self.company.id,
                },
                # a later rate must not be used
                {
                    "currency_id": eur.id,
                    "name": DAY.replace(day=20),
                    "rate": 0.1,
                    "company_id": self.company.id,
                },
            ]
        )
        # 360 EUR / 0.8 = 450 in company currency: within the 500 budget
        sheet = self._submit([("entertainment", 360.0, DAY, eur)])
        self.assertAlmostEqual(sheet.expense_line_ids.total_amount, 450.0)
        self.assertEqual(sheet.approval_status, "none")
        # 48 EUR / 0.8 = 60 more: 450 + 60 = 510 > 500
        sheet_2 = self._submit([("entertainment", 48.0, DAY, eur)])
        control = sheet_2._sales_expense_control()[sheet_2.id]
        self.assertEqual(len(control["over_budget"]), 1)
        self.assertAlmostEqual(control["over_budget"][0][1], 10.0)
        self.assertEqual(sheet_2.approval_status, "pending")

    def test_nobody_approves_their_own_over_budget_expense(self):
        # the manager's own 2000 travel expense: over the 1000 budget
        sheet = self._submit([("travel", 2000.0, DAY, None)], self.manager_employee)
        with self.assertRefused(UserError, "waits for your decision"):
            sheet.with_user(self.manager).action_approval_approve()
        with self.assertRefused(UserError, "must approve it first|your own expense"):
            sheet.with_user(self.manager).action_approve_expense_sheets()

    def test_budget_check_adds_at_most_three_queries(self):
        sheet = self._sheet(
            self.rep_employee,
            [("travel", 100.0, DAY, None), ("entertainment", 50.0, DAY, None)],
        )
        self.env.flush_all()
        with self.assertQueryCount(3):
            sheet._sales_expense_control()

    def test_no_active_rule_gates_nothing(self):
        self.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "hr.expense.sheet")]
        ).active = False
        sheet = self._submit([("travel", 5000.0, DAY, None)])
        sheet.with_user(self.manager).action_approve_expense_sheets()
        self.assertEqual(sheet.approval_state, "approve")
