# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon

PLAN_LOGGER = "odoo.addons.sales_receivables.models.sales_collection_plan"


@tagged("post_install", "-at_install")
class TestCollectionPlan(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        d = cls._date
        # March 2026: rep's customer 1000 + 500, rep_2's customer 400;
        # one invoice due in April stays out of the plan
        cls.inv_1 = cls._invoice(
            1000.0, due=d(2026, 3, 10), invoice_date=d(2026, 2, 10)
        )
        cls.inv_2 = cls._invoice(500.0, due=d(2026, 3, 31), invoice_date=d(2026, 3, 1))
        cls.inv_3 = cls._invoice(
            400.0,
            due=d(2026, 3, 15),
            invoice_date=d(2026, 2, 15),
            partner=cls.customer_2,
            user=cls.rep_2,
        )
        cls.inv_april = cls._invoice(
            700.0, due=d(2026, 4, 1), invoice_date=d(2026, 3, 1)
        )
        # paid before March: 200 of inv_1 (not collected in March)
        cls._pay(cls.inv_1, 200.0, d(2026, 2, 20))

    def _plan(self, user=None, **vals):
        return (
            self.env["sales.collection.plan"]
            .with_user(user or self.finance_reviewer)
            .create({"year": 2026, "month": "3", **vals})
        )

    def test_generate_plans_open_invoices_due_in_the_month(self):
        plan = self._plan()
        plan.action_generate()
        self.assertRecordValues(
            plan.line_ids.sorted(lambda line: line.move_id.id),
            [
                # 1000 - 200 paid in February = 800 expected
                {
                    "move_id": self.inv_1.id,
                    "user_id": self.rep.id,
                    "amount_expected": 800.0,
                },
                {
                    "move_id": self.inv_2.id,
                    "user_id": self.rep.id,
                    "amount_expected": 500.0,
                },
                {
                    "move_id": self.inv_3.id,
                    "user_id": self.rep_2.id,
                    "amount_expected": 400.0,
                },
            ],
        )
        self.assertRecordValues(
            plan, [{"state": "open", "amount_expected": 1700.0, "target_percent": 98.0}]
        )
        # generating again adds nothing twice
        plan.action_generate()
        self.assertEqual(len(plan.line_ids), 3)

    def test_actual_collected_from_payments_in_the_month(self):
        plan = self._plan()
        plan.action_generate()
        d = self._date
        self._pay(self.inv_1, 800.0, d(2026, 3, 12))
        self._pay(self.inv_2, 300.0, d(2026, 3, 31))
        self._pay(self.inv_3, 400.0, d(2026, 4, 2))  # April: not this plan
        plan.action_refresh_actuals()
        # collected 800 + 300 = 1100 of 1700 planned = 64.71 %
        self.assertRecordValues(
            plan,
            [
                {
                    "amount_collected": 1100.0,
                    "achieved_percent": 1100.0 / 1700.0 * 100,
                    "target_achieved": False,
                }
            ],
        )
        # per rep: rep planned 1300, collected 1100; rep_2 planned 400, nothing
        by_rep = {
            user: (expected, collected)
            for user, expected, collected in self.env[
                "sales.collection.plan.line"
            ]._read_group(
                [("plan_id", "=", plan.id)],
                ["user_id"],
                ["amount_expected:sum", "amount_collected:sum"],
            )
        }
        self.assertEqual(by_rep[self.rep], (1300.0, 1100.0))
        self.assertEqual(by_rep[self.rep_2], (400.0, 0.0))
        # finance lowers the plan of rep_2 (customer announced delay): 1300 planned
        plan.line_ids.filtered(lambda line: line.user_id == self.rep_2).with_user(
            self.finance_reviewer
        ).amount_expected = 0.0
        # 1100 / 1300 = 84.6 %: still below 98 %
        self.assertFalse(plan.target_achieved)
        plan.with_user(self.finance_reviewer).target_percent = 80.0
        self.assertTrue(plan.target_achieved)

    def test_duplicate_month_refused(self):
        self._plan()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._plan()
        self._plan(company_id=self.company_b.id, user=self.env.user)

    def test_plan_for_closed_period_refused(self):
        self.company.sudo().fiscalyear_lock_date = self._date(2026, 3, 31)
        with self.assertRefused(ValidationError, "closed period"):
            self._plan()
        self._plan(month="4")

    def test_target_outside_range_refused(self):
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self._plan(target_percent=0.0)

    def test_negative_planned_amount_refused(self):
        plan = self._plan()
        plan.action_generate()
        with self.assertRefused(ValidationError, "cannot be negative"):
            plan.line_ids[0].amount_expected = -5.0

    def test_rep_reads_own_lines_only_and_cannot_plan(self):
        plan = self._plan()
        plan.action_generate()
        lines = (
            self.env["sales.collection.plan.line"]
            .with_user(self.rep)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertEqual(lines.move_id, self.inv_1 | self.inv_2)
        manager_lines = (
            self.env["sales.collection.plan.line"]
            .with_user(self.manager)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertEqual(len(manager_lines), 3)
        with self.assertRefused(AccessError, ""):
            self._plan(user=self.rep, month="5")
        with self.assertRefused(AccessError, ""):
            lines[0].with_user(self.rep).amount_expected = 1.0
        # another company's user sees nothing of it
        self.assertFalse(
            self.env["sales.collection.plan"]
            .with_user(self.rep_company_b)
            .search([("id", "=", plan.id)])
        )

    def test_closed_plan_lines_cannot_be_changed_added_or_deleted(self):
        plan = self._plan()
        plan.action_generate()
        plan.with_user(self.finance_reviewer).action_close()
        line = plan.line_ids[0].with_user(self.finance_reviewer)
        Line = self.env["sales.collection.plan.line"].with_user(self.finance_reviewer)
        with self.assertRefused(UserError, "is closed"):
            line.amount_expected = 1.0
        with self.assertRefused(UserError, "is closed"):
            Line.create(
                {
                    "plan_id": plan.id,
                    "partner_id": self.customer.id,
                    "amount_expected": 10.0,
                }
            )
        with self.assertRefused(UserError, "is closed"):
            line.unlink()
        with self.assertRefused(UserError, "is closed"):
            plan.with_user(self.finance_reviewer).action_refresh_actuals()
        with self.assertRefused(UserError, "is closed"):
            plan.with_user(self.finance_reviewer).unlink()
        self.assertEqual(len(plan.line_ids), 3)
        # reopened, finance adjusts it again
        plan.with_user(self.finance_reviewer).action_reopen()
        line.amount_expected = 1.0
        self.assertEqual(line.amount_expected, 1.0)

    def test_plan_vs_actual_per_salesperson_against_target(self):
        plan = self._plan()
        plan.action_generate()
        d = self._date
        self._pay(self.inv_1, 800.0, d(2026, 3, 12))
        self._pay(self.inv_2, 500.0, d(2026, 3, 20))
        self._pay(self.inv_3, 100.0, d(2026, 3, 20))
        plan.action_refresh_actuals()
        # rep: 800 + 500 planned, all collected = 100 %, above 98 %
        # rep_2: 100 of 400 = 25 %, below 98 %
        self.assertRecordValues(
            plan.rep_ids.sorted(lambda row: row.user_id.id),
            [
                {
                    "user_id": self.rep.id,
                    "line_count": 2,
                    "amount_expected": 1300.0,
                    "amount_collected": 1300.0,
                    "achieved_percent": 100.0,
                    "target_percent": 98.0,
                    "target_achieved": True,
                },
                {
                    "user_id": self.rep_2.id,
                    "line_count": 1,
                    "amount_expected": 400.0,
                    "amount_collected": 100.0,
                    "achieved_percent": 25.0,
                    "target_percent": 98.0,
                    "target_achieved": False,
                },
            ],
        )
        # each rep reads only their own figures
        self.assertEqual(
            self.env["sales.collection.plan.rep"]
            .with_user(self.rep_2)
            .search([("plan_id", "=", plan.id)])
            .mapped("achieved_percent"),
            [25.0],
        )

    def test_actuals_cron_skips_a_failing_plan_and_refreshes_the_others(self):
        march = self._plan()
        march.action_generate()
        april = self._plan(month="4")
        april.action_generate()
        d = self._date
        self._pay(self.inv_1, 800.0, d(2026, 3, 12))
        self._pay(self.inv_april, 700.0, d(2026, 4, 2))
        Plan = type(self.env["sales.collection.plan"])
        refresh = Plan.action_refresh_actuals

        def refresh_or_fail(plans):
            if march in plans:
                raise ValueError("bank feed of March unreadable")
            return refresh(plans)

        with (
            patch.object(Plan, "action_refresh_actuals", refresh_or_fail),
            self.assertLogs(PLAN_LOGGER, "ERROR") as logs,
        ):
            self.env["sales.collection.plan"]._cron_refresh_actuals()
        self.assertIn(
            f"Collection plan {march.id}: actuals not refreshed", logs.output[0]
        )
        # April is refreshed (700 collected on 2 April), March left as it was
        self.assertEqual(april.amount_collected, 700.0)
        self.assertEqual(march.amount_collected, 0.0)
