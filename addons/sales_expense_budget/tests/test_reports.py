# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import DAY, MONTH, SalesExpenseBudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetReports(SalesExpenseBudgetCommon):
    def _bill(self, amount, analytic):
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.env.user.partner_id.id,
                "invoice_date": DAY,
                "date": DAY,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.products["samples"].id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": {str(analytic.id): 100},
                        }
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    def test_budget_vs_committed_vs_actual(self):
        self._approved_budget({"travel": 1000.0, "samples": 300.0})
        sheet = self._sheet(self.rep_employee, [("travel", 250.0, DAY, None)])
        sheet.with_user(self.rep).action_submit_sheet()
        # 400 of samples on a bill tagged with the team's analytic account
        self._bill(400.0, self.analytic)
        # a bill on another analytic account is not the team's spending
        other = self.env["account.analytic.account"].create(
            {"name": "Elsewhere", "plan_id": self.analytic_plan.id}
        )
        self._bill(77.0, other)
        self.env.flush_all()
        rows = self.env["sales.expense.budget.report"].search(
            [("team_id", "=", self.team.id), ("month", "=", MONTH)]
        )
        self.assertRecordValues(
            rows.sorted(lambda r: r.category_id.sequence),
            [
                # travel: 1000 budget, 250 committed, 1000 - 250 = 750 remain
                {
                    "category_id": self.categories["travel"].id,
                    "budget_amount": 1000.0,
                    "committed_amount": 250.0,
                    "actual_amount": 0.0,
                    "remaining_amount": 750.0,
                    "over_budget": False,
                },
                # samples: 300 budget, 400 actual: 300 - 400 = -100, over budget
                {
                    "category_id": self.categories["samples"].id,
                    "budget_amount": 300.0,
                    "committed_amount": 0.0,
                    "actual_amount": 400.0,
                    "remaining_amount": -100.0,
                    "over_budget": True,
                },
            ],
        )
        over = self.env["sales.expense.budget.report"].search(
            [("over_budget", "=", True)]
        )
        self.assertEqual(over.category_id, self.categories["samples"])

    def test_rep_reads_only_the_team_figures(self):
        self._approved_budget({"travel": 1000.0})
        self._approved_budget(
            {"travel": 700.0},
            team=self.team_2,
            submitter=self.senior_manager,
            approver=self.manager_2,
        )
        rows = self.env["sales.expense.budget.report"].with_user(self.rep).search([])
        self.assertEqual(rows.team_id, self.team)

    def test_xlsx_export(self):
        self._approved_budget({"travel": 1000.0})
        wizard = (
            self.env["sales.expense.budget.export.wizard"]
            .with_user(self.manager)
            .create({})
        )
        action = wizard.action_export()
        self.assertIn("/web/content/", action["url"])
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn("Budget Team East", strings)

    def test_monthly_digest_for_the_team_leader(self):
        budget = self._approved_budget({"travel": 1000.0})
        done = self.env["sales.expense.budget.digest"]._cron_digest(
            commit=False, today=date(2026, 7, 3)
        )
        self.assertEqual(done, budget)
        activity = budget.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("2026-06", activity.summary)
