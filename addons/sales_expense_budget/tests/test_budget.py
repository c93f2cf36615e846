# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import MONTH, SalesExpenseBudgetCommon


@tagged("post_install", "-at_install")
class TestExpenseBudget(SalesExpenseBudgetCommon):
    def _rules(self, budget):
        return budget.sudo().approval_request_ids.rule_id

    def test_small_budget_is_approved_by_a_sales_manager(self):
        # 3000 + 2000 = 5000 < 10000 (company threshold): the manager rule only
        budget = self._budget({"travel": 3000.0, "entertainment": 2000.0})
        budget.with_user(self.manager).action_submit()
        self.assertEqual(
            self._rules(budget),
            self.env.ref("sales_expense_budget.approval_rule_budget_manager"),
        )
        # who submitted never approves
        with self.assertRaises(UserError):
            budget.with_user(self.manager).action_approval_approve()
        budget.with_user(self.manager_2).action_approval_approve()
        self.assertRecordValues(
            budget,
            [
                {
                    "state": "approved",
                    "approved_by_id": self.manager_2.id,
                    "amount_total": 5000.0,
                }
            ],
        )

    def test_large_budget_also_needs_senior_management(self):
        # 8000 + 4000 = 12000 >= 10000: the senior-management rule applies too
        budget = self._budget({"travel": 8000.0, "promotion": 4000.0})
        budget.with_user(self.manager).action_submit()
        self.assertEqual(len(self._rules(budget)), 2)
        budget.with_user(self.manager_2).action_approval_approve()
        self.assertEqual(budget.state, "submitted")
        budget.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(budget.state, "approved")

    def test_negative_budget_line_is_refused(self):
        with self.assertRefused(ValidationError, "negative"):
            self._budget({"travel": -1.0})
        budget = self._budget({"travel": 0.0})
        self.assertEqual(budget.amount_total, 0.0)

    def test_overlapping_budget_is_refused(self):
        self._budget({"travel": 100.0})
        with self.assertRefused(ValidationError, "cannot overlap"):
            self._budget({"travel": 200.0, "other": 50.0})
        # another category, team or month does not overlap
        self._budget({"entertainment": 100.0})
        self._budget({"travel": 100.0}, team=self.team_2)
        self._budget({"travel": 100.0}, month=MONTH.replace(month=7))

    def test_database_refuses_two_approved_lines_for_one_key(self):
        budget = self._approved_budget({"travel": 100.0})
        line = budget.line_ids
        other = self._budget({"travel": 100.0}, month=MONTH.replace(month=8))
        self.env.flush_all()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                SQL(
                    "UPDATE sales_expense_budget_line SET month = %s, "
                    "budget_state = 'approved' WHERE id = %s",
                    line.month,
                    other.line_ids.id,
                )
            )

    def test_revision_supersedes_and_keeps_the_old_version(self):
        budget = self._approved_budget({"travel": 1000.0})
        action = budget.with_user(self.manager).action_revise()
        revision = self.env["sales.expense.budget"].browse(action["res_id"])
        self.assertRecordValues(
            revision, [{"state": "draft", "revision": 2, "previous_id": budget.id}]
        )
        revision.line_ids.with_user(self.manager).amount = 1500.0
        # the approved version stays in force until the revision is approved
        revision.with_user(self.manager).action_submit()
        self.assertEqual(budget.state, "approved")
        revision.with_user(self.manager_2).action_approval_approve()
        self.assertRecordValues(
            budget + revision, [{"state": "superseded"}, {"state": "approved"}]
        )
        with self.assertRefused(UserError, "no longer a draft"):
            budget.line_ids.with_user(self.manager).amount = 1.0
        with self.assertRefused(UserError, "no longer a draft"):
            budget.with_user(self.manager).note = "rewritten"

    def test_approved_budget_with_actuals_cannot_be_deleted(self):
        budget = self._approved_budget({"travel": 1000.0})
        sheet = self._sheet(self.rep_employee, [("travel", 100.0, MONTH, None)])
        sheet.with_user(self.rep).action_submit_sheet()
        with self.assertRefused(UserError, "cannot be deleted"):
            budget.with_user(self.manager).unlink()
        # a draft budget is deleted freely
        self._budget({"travel": 1.0}, month=MONTH.replace(month=9)).unlink()

    def test_rep_reads_the_team_budget_but_cannot_write_it(self):
        budget = self._approved_budget({"travel": 1000.0})
        other = self._budget({"travel": 5.0}, team=self.team_2)
        Budget = self.env["sales.expense.budget"].with_user(self.rep)
        self.assertEqual(Budget.search([]), budget)
        with self.assertRaises(AccessError):
            budget.with_user(self.rep).note = "more"
        with self.assertRaises(AccessError):
            Budget.create({"team_id": self.team.id, "month": MONTH})
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["name"])

    def test_rep_cannot_submit_or_revise(self):
        budget = self._budget({"travel": 10.0})
        with self.assertRefused(UserError, "Only a sales manager"):
            budget.with_user(self.rep).action_submit()

    def test_submitted_budget_lines_cannot_be_added(self):
        budget = self._budget({"travel": 10.0})
        budget.with_user(self.manager).action_submit()
        with self.assertRefused(UserError, "no longer a draft"):
            budget.with_user(self.manager).write(
                {
                    "line_ids": [
                        Command.create(
                            {"category_id": self.categories["other"].id, "amount": 1.0}
                        )
                    ]
                }
            )
