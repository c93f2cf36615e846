# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import CheckViolation, UniqueViolation

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import YEAR, PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionPlanInput(PromotionCommon):
    def test_negative_budget_refused(self):
        with self.assertRefused(ValidationError, "negative"):
            self.fair.with_user(self.manager).budget = -1.0
        with self.assertRefused(ValidationError, "negative"):
            self.fair.with_user(self.manager).actual_cost = -5.0
        with self.assertRefused(ValidationError, "negative"):
            self.plan.with_user(self.manager).write(
                {
                    "campaign_ids": [
                        Command.create(
                            {
                                "name": "Bad",
                                "date_start": "2031-01-01",
                                "date_end": "2031-01-02",
                                "budget": -100.0,
                            }
                        )
                    ]
                }
            )
        # nothing half-written: neither the budget nor a new campaign
        self.assertRecordValues(
            self.plan, [{"amount_total": 5000.0, "campaign_count": 2}]
        )
        self.assertEqual(self.fair.budget, 2000.0)

    def test_negative_budget_refused_by_the_database(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(CheckViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                SQL(
                    "UPDATE sales_promotion_campaign SET budget = -1 WHERE id = %s",
                    self.fair.id,
                )
            )

    def test_zero_budget_accepted(self):
        self.fair.with_user(self.manager).budget = 0.0
        self.assertEqual(self.plan.amount_total, 3000.0)

    def test_campaign_dates_outside_the_plan_year_refused(self):
        for start, end in (
            ("2030-12-20", "2031-01-10"),
            ("2031-12-20", "2032-01-10"),
            ("2032-02-01", "2032-02-02"),
        ):
            with (
                self.subTest(start=start, end=end),
                self.assertRefused(ValidationError, "outside the plan year 2031"),
            ):
                self.fair.with_user(self.manager).write(
                    {"date_start": start, "date_end": end}
                )
        with self.assertRefused(ValidationError, "before it starts"):
            self.fair.with_user(self.manager).write(
                {"date_start": "2031-05-02", "date_end": "2031-05-01"}
            )
        self.assertRecordValues(
            self.fair,
            [{"date_start": self.fair.date_start, "date_end": self.fair.date_end}],
        )
        self.env.invalidate_all()
        self.assertEqual(str(self.fair.date_start), "2031-03-01")

    def test_moving_the_plan_year_checks_its_campaigns(self):
        with self.assertRefused(ValidationError, "outside the plan year"):
            self.plan.with_user(self.manager).year = 2032
        self.assertEqual(self.plan.year, YEAR)

    def test_one_active_plan_per_company_and_year(self):
        with self.assertRefused(ValidationError, "already has an active promotion"):
            self._plan([], year=YEAR)
        other = self._plan([], year=YEAR + 1)
        with self.assertRefused(ValidationError, "already has an active promotion"):
            other.with_user(self.manager).year = YEAR
        with self.assertRefused(ValidationError, "already has an active promotion"):
            self.env["sales.promotion.plan"].with_user(self.manager).create(
                [
                    {"name": "A", "year": 2040},
                    {"name": "B", "year": 2040},
                ]
            )
        # an archived plan does not count; another company has its own plan
        self.plan.with_user(self.manager).active = False
        self._plan([], year=YEAR)
        self._plan([], year=YEAR, user=self.admin_company_b, company=self.company_b)

    def test_two_active_plans_refused_by_the_database(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                SQL(
                    "INSERT INTO sales_promotion_plan "
                    "(name, year, company_id, user_id, state, active, revision) "
                    "VALUES ('Race', %s, %s, %s, 'draft', true, 0)",
                    YEAR,
                    self.company.id,
                    self.manager.id,
                )
            )

    def test_utm_campaign_belongs_to_one_plan_line(self):
        other = self._plan([], year=YEAR + 2)
        with self.assertRefused(ValidationError, "one promotion plan line"):
            self.env["sales.promotion.campaign"].with_user(self.manager).create(
                {
                    "plan_id": other.id,
                    "name": "Copy",
                    "campaign_id": self.fair.campaign_id.id,
                    "date_start": "2033-01-01",
                    "date_end": "2033-01-02",
                }
            )
