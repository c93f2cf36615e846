# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionPlan(SalesCommissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["sales.commission.plan"]
        cls.team = cls.env["crm.team"].create(
            {"name": "Key Accounts", "company_id": cls.company.id}
        )

    def _plan(self, **vals):
        return self.Plan.with_user(self.manager).create(
            {"name": "Plan", "company_id": self.company.id, **vals}
        )

    def test_overlapping_plan_of_same_scope_refused(self):
        # the standard plan runs from 2026-01-01 with no end
        with self.assertRefused(ValidationError, "overlapping dates"):
            self._plan(date_from=date(2026, 6, 1), date_to=date(2026, 12, 31))

    def test_plan_after_the_previous_one_ends_accepted(self):
        self.plan.date_to = date(2026, 5, 31)
        plan = self._plan(date_from=date(2026, 6, 1))
        self.assertEqual(plan.date_from, date(2026, 6, 1))

    def test_team_plan_may_overlap_company_plan(self):
        plan = self._plan(date_from=date(2026, 1, 1), team_id=self.team.id)
        self.assertEqual(plan.team_id, self.team)
        with self.assertRefused(ValidationError, "overlapping dates"):
            self._plan(date_from=date(2026, 3, 1), team_id=self.team.id)

    def test_archived_plan_does_not_block_and_reactivating_is_checked(self):
        self.plan.active = False
        plan = self._plan(date_from=date(2026, 2, 1))
        self.assertTrue(plan.active)
        with self.assertRefused(ValidationError, "overlapping dates"):
            self.plan.active = True

    def test_plan_ending_before_it_starts_refused(self):
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._plan(date_from=date(2025, 6, 1), date_to=date(2025, 5, 1))

    def test_rate_outside_0_100_refused(self):
        Rule = self.env["sales.commission.rule"].with_user(self.manager)
        rule = Rule.create({"plan_id": self.plan.id, "sales_grade": "b", "rate": 100.0})
        self.assertEqual(rule.rate, 100.0)
        with self.assertRefused(ValidationError, "outside 0-100"):
            Rule.create({"plan_id": self.plan.id, "sales_grade": "c", "rate": 100.5})
        with self.assertRefused(ValidationError, "outside 0-100"):
            rule.rate = -1.0

    @mute_logger("odoo.sql_db")
    def test_same_criteria_twice_refused(self):
        Rule = self.env["sales.commission.rule"]
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            Rule.create({"plan_id": self.plan.id, "sales_grade": "a", "rate": 9.0})
            self.env.flush_all()

    def test_tiers_must_start_at_zero_and_rate_within_range(self):
        Tier = self.env["sales.commission.tier"].with_user(self.manager)
        with self.assertRefused(ValidationError, "must start at 0"):
            Tier.create({"plan_id": self.plan.id, "threshold": 100.0, "rate": 2.0})
        first = Tier.create({"plan_id": self.plan.id, "threshold": 0.0, "rate": 0.0})
        second = Tier.create({"plan_id": self.plan.id, "threshold": 100.0, "rate": 2.0})
        self.assertEqual(self.plan.tier_ids, first | second)
        with self.assertRefused(ValidationError, "extra rate"):
            second.rate = 101.0

    def test_rep_cannot_change_plans(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.rep).write({"name": "Mine"})
        self.assertEqual(self.plan.with_user(self.rep).name, "Standard Plan")
