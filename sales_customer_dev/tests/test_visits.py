# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestVisits(CustomerDevCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["sales.visit.report"])
        cls.monday = cls.today - timedelta(days=cls.today.weekday())

    def _plan(self, user=None, **vals):
        user = user or self.rep
        values = {
            "week_start": self.monday,
            "line_ids": [
                Command.create(
                    {
                        "partner_id": self.customer.id,
                        "planned_date": self.monday,
                        "purpose": "Present the new range",
                    }
                )
            ],
        }
        values.update(vals)
        return self.env["sales.visit.plan"].with_user(user).create(values)

    def test_rep_plans_a_week_and_reports_a_planned_visit(self):
        plan = self._plan()
        self.assertRecordValues(
            plan, [{"user_id": self.rep.id, "planned_count": 1, "done_count": 0}]
        )
        plan.action_submit()
        line = plan.line_ids
        action = line.action_report_visit()
        report = (
            self.env["sales.visit.report"].with_user(self.rep).browse(action["res_id"])
        )
        self.assertRecordValues(
            report,
            [
                {
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "date": self.monday,
                    "state": "draft",
                    "plan_line_id": line.id,
                }
            ],
        )
        report.write({"outcome": "Ordered samples", "satisfaction": "4"})
        report.action_done()
        self.assertTrue(line.is_done)
        self.assertEqual(plan.done_count, 1)
        self.assertEqual(self.customer.last_visit_date, self.monday)
        # Reporting again opens the same report.
        self.assertEqual(line.action_report_visit()["res_id"], report.id)

    def test_week_must_start_on_monday(self):
        with self.assertRefused(ValidationError, "not a Monday"):
            self._plan(week_start=self.monday + timedelta(days=1), line_ids=[])

    def test_one_plan_per_rep_and_week(self):
        self._plan()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self._plan(line_ids=[])

    def test_planned_visit_must_fall_in_the_week(self):
        with self.assertRefused(ValidationError, "outside the week"):
            self._plan(
                line_ids=[
                    Command.create(
                        {
                            "partner_id": self.customer.id,
                            "planned_date": self.monday + timedelta(days=7),
                        }
                    )
                ]
            )

    def test_rep_cannot_plan_a_visit_to_another_reps_customer(self):
        with self.assertRefused(ValidationError, "another salesperson"):
            self._plan(
                line_ids=[
                    Command.create(
                        {"partner_id": self.customer_2.id, "planned_date": self.monday}
                    )
                ]
            )

    def test_empty_plan_cannot_be_submitted(self):
        plan = self._plan(line_ids=[])
        with self.assertRefused(UserError, "no planned visit"):
            plan.action_submit()

    def test_only_a_manager_reviews_a_plan(self):
        plan = self._plan()
        plan.action_submit()
        with self.assertRaises(AccessError):
            plan.action_review()
        plan.with_user(self.manager).action_review()
        self.assertEqual(plan.state, "reviewed")
        with self.assertRaises(UserError):
            plan.with_user(self.manager).action_review()

    def _report(self, user=None, **vals):
        user = user or self.rep
        values = {
            "partner_id": self.customer.id,
            "date": self.today,
            "purpose": "Follow-up",
            "outcome": "Discussed the next order",
            "satisfaction": "5",
        }
        values.update(vals)
        return self.env["sales.visit.report"].with_user(user).create(values)

    def test_done_visit_cannot_be_dated_in_the_future(self):
        report = self._report(date=self.today + timedelta(days=1))
        with self.assertRefused(ValidationError, "in the future"):
            report.action_done()
        report.write({"date": self.today})
        report.action_done()
        self.assertEqual(report.state, "done")
        with self.assertRefused(ValidationError, "in the future"):
            report.write({"date": self.today + timedelta(days=3)})

    def test_done_visit_needs_outcome_and_satisfaction(self):
        report = self._report(outcome=False)
        with self.assertRefused(UserError, "outcome"):
            report.action_done()
        report.write({"outcome": "Agreed on a trial", "satisfaction": False})
        with self.assertRefused(UserError, "satisfaction"):
            report.action_done()
        report.write({"satisfaction": "3"})
        report.action_done()
        self.assertRecordValues(report, [{"state": "done", "satisfaction_score": 3}])

    def test_rep_cannot_report_a_visit_to_another_reps_customer(self):
        with self.assertRefused(ValidationError, "another salesperson"):
            self._report(partner_id=self.customer_2_contact.id)
        with self.assertRefused(ValidationError, "another salesperson"):
            self._report().write({"partner_id": self.customer_2.id})

    def test_partner_satisfaction_is_the_average_of_done_visits(self):
        self._report(satisfaction="4").action_done()
        self._report(satisfaction="2").action_done()
        self._report(satisfaction="1")  # draft: not counted
        # (4 + 2) / 2 = 3.0
        self.assertEqual(self.customer.satisfaction_avg, 3.0)

    def test_weekly_review_counts_planned_and_done_visits_per_rep(self):
        plan = self._plan(
            line_ids=[
                Command.create(
                    {"partner_id": self.customer.id, "planned_date": self.monday}
                ),
                Command.create(
                    {"partner_id": self.prospect.id, "planned_date": self.monday}
                ),
            ]
        )
        report = self.env["sales.visit.report"].browse(
            plan.line_ids[0].action_report_visit()["res_id"]
        )
        report.with_user(self.rep).write({"outcome": "OK", "satisfaction": "4"})
        report.with_user(self.rep).action_done()
        self._report().action_done()  # an unplanned visit
        self._report(user=self.rep_2, partner_id=self.customer_2.id).action_done()
        self.env.flush_all()
        Review = self.env["sales.visit.review.report"]
        groups = Review.with_user(self.manager)._read_group(
            [("week_start", "=", self.monday)],
            ["user_id"],
            ["planned_count:sum", "planned_done_count:sum", "done_count:sum"],
        )
        # rep: 2 planned, 1 of them done, 1 unplanned -> 2 done;
        # rep_2 is not in the manager's team.
        self.assertEqual(groups, [(self.rep, 2, 1, 2)])
        own = Review.with_user(self.rep_2)._read_group(
            [("week_start", "=", self.monday)], ["user_id"], ["done_count:sum"]
        )
        self.assertEqual(own, [(self.rep_2, 1)])
