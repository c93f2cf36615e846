# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesAppraisalCommon


@tagged("post_install", "-at_install")
class TestTargets(SalesAppraisalCommon):
    def test_even_breakdown_into_months_and_quarters(self):
        target = self._target(self.rep, self.team, revenue=12000.0, visits=30)
        self.assertEqual(len(target.line_ids), 12)
        self.assertEqual(set(target.line_ids.mapped("revenue")), {1000.0})
        # 30 visits: round(2.5) = 2 a month for 11 months, December 30 - 22 = 8
        self.assertEqual(target.line_ids.sorted("month")[-1].visits, 8)
        self.assertEqual(sum(target.line_ids.mapped("visits")), 30)
        self.assertRecordValues(
            target,
            [
                {
                    "q1_revenue": 3000.0,
                    "q2_revenue": 3000.0,
                    "q3_revenue": 3000.0,
                    "q4_revenue": 3000.0,
                }
            ],
        )
        self.assertEqual(
            set(
                target.line_ids.filtered(lambda li: li.month.month == 5).mapped(
                    "quarter"
                )
            ),
            {"2"},
        )

    def test_seasonal_breakdown_follows_last_years_orders(self):
        # 2024: 1,000 in March, 3,000 in July -> 12,000 split 3,000 / 9,000
        self._order(self.rep, self.customer, 1000.0, date(2024, 3, 10))
        self._order(self.rep, self.customer, 3000.0, date(2024, 7, 10))
        self._order(self.rep_2, self.customer_2, 5000.0, date(2024, 1, 10))
        target = self._target(
            self.rep, self.team, revenue=12000.0, breakdown_method="seasonal"
        )
        by_month = {li.month.month: li.revenue for li in target.line_ids}
        self.assertEqual(by_month[3], 3000.0)
        self.assertEqual(by_month[7], 9000.0)
        self.assertEqual(by_month[1], 0.0)
        self.assertEqual(target.q1_revenue, 3000.0)
        self.assertEqual(target.q3_revenue, 9000.0)

    def test_manual_breakdown_keeps_the_months_and_warns_on_a_mismatch(self):
        target = self._target(self.rep, self.team, revenue=12000.0)
        target.breakdown_method = "manual"
        january = target.line_ids.sorted("month")[0]
        january.revenue = 2000.0
        target.revenue = 12000.0
        self.assertEqual(january.revenue, 2000.0)
        self.assertIn("13000", target.warning.replace(",", "").replace(".0", ""))

    def test_second_target_for_the_same_rep_and_year_refused(self):
        self._target(self.rep, self.team)
        with self.assertRaisesRegex(ValidationError, "SP-APR-01"):
            self._target(self.rep, self.team)
        # another year is fine
        self._target(self.rep, self.team, year=self.YEAR + 1)

    def test_moving_a_target_onto_a_taken_year_refused(self):
        self._target(self.rep, self.team)
        other = self._target(self.rep, self.team, year=self.YEAR + 1)
        with self.assertRaisesRegex(ValidationError, "SP-APR-01"):
            other.year = self.YEAR
            other.flush_recordset()

    def test_the_database_refuses_a_duplicate_target(self):
        target = self._target(self.rep, self.team)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO sales_target (company_id, year, scope, "
                    "user_id, active, breakdown_method) "
                    "VALUES (%s, %s, 'rep', %s, true, 'even')",
                    (target.company_id.id, self.YEAR, self.rep.id),
                )

    def test_team_targets_do_not_overlap_either(self):
        self.env["sales.target"].create(
            {"scope": "team", "team_id": self.team.id, "year": self.YEAR}
        )
        with self.assertRaisesRegex(ValidationError, "SP-APR-01"):
            self.env["sales.target"].create(
                {"scope": "team", "team_id": self.team.id, "year": self.YEAR}
            )

    def test_rep_target_for_a_rep_outside_the_team_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a member"):
            self._target(self.rep_2, self.team)

    def test_team_target_below_its_reps_is_a_warning_not_a_block(self):
        self._target(self.rep, self.team, revenue=12000.0)
        team_target = self.env["sales.target"].create(
            {
                "scope": "team",
                "team_id": self.team.id,
                "year": self.YEAR,
                "revenue": 10000.0,
            }
        )
        self.assertTrue(team_target.exists())
        self.assertIn("below the sum of its reps", team_target.warning)
        team_target.revenue = 15000.0
        team_target.invalidate_recordset(["warning"])
        self.assertFalse(team_target.warning)

    def test_rep_reads_own_target_only_and_cannot_write_it(self):
        mine = self._target(self.rep, self.team)
        other = self._target(self.rep_2, self.team_2)
        Target = self.env["sales.target"].with_user(self.rep)
        self.assertEqual(Target.search([]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["revenue"])
        with self.assertRaises(AccessError):
            mine.with_user(self.rep).write({"revenue": 1.0})
        with self.assertRaises(AccessError):
            mine.with_user(self.rep).action_breakdown()

    def test_manager_sees_the_team_and_senior_manager_all(self):
        mine = self._target(self.rep, self.team)
        other = self._target(self.rep_2, self.team_2)
        self.assertEqual(
            self.env["sales.target"].with_user(self.manager).search([]), mine
        )
        self.assertEqual(
            self.env["sales.target"].with_user(self.senior_manager).search([]),
            mine | other,
        )
