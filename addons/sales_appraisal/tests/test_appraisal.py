# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SalesAppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisal(SalesAppraisalCommon):
    """rep's targets for 2025: revenue 12,000 (1,000 a month), 12 new
    customers (1 a month), 24 visits (2 a month).

    - January: Old Buyer's first order 1,000, 2 visits -> 100 % everywhere:
      (100 x 50 + 100 x 20 + 100 x 10) / 80 = 100;
    - February: Old Buyer again 1,200 (not new), 2 visits -> revenue 120 %
      scores 120, new customers 0 % scores 0, visits 100: (120 x 50 + 0 x 20
      + 100 x 10) / 80 = 7,000 / 80 = 87.5;
    - March: New Buyer 900, 1 visit -> revenue 90 % scores 80, new customers
      100 % scores 100, visits 50 % scores 0: (80 x 50 + 100 x 20 + 0) / 80
      = 6,000 / 80 = 75;
    - Q1: revenue 3,100 / 3,000 = 103.3 % -> 100; new customers 2 / 3 =
      66.7 % -> 60; visits 5 / 6 = 83.3 % -> 80; teamwork 90 and attitude 80
      by the manager: (100 x 50 + 60 x 20 + 80 x 10 + 90 x 10 + 80 x 10) /
      100 = 8,700 / 100 = 87.
    rep_2 has a target but sells nothing: every month scores 0 (failing).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.appraisal_reviewer_id = cls.senior_manager
        cls.target = cls._target(
            cls.rep, cls.team, revenue=12000.0, new_customers=12, visits=24
        )
        cls.target_2 = cls._target(
            cls.rep_2, cls.team_2, revenue=12000.0, new_customers=12, visits=24
        )
        cls._order(cls.rep, cls.customer, 1000.0, date(2025, 1, 10))
        cls._order(cls.rep, cls.customer, 1200.0, date(2025, 2, 10))
        cls._order(cls.rep, cls.new_customer, 900.0, date(2025, 3, 5))
        for when in (date(2025, 1, 6), date(2025, 1, 20), date(2025, 2, 3)):
            cls._visit(cls.rep, cls.customer, when)
        for when in (date(2025, 2, 17), date(2025, 3, 3)):
            cls._visit(cls.rep, cls.customer, when)

    def _months(self, *months):
        engine = self._engine()
        result = self.env["sales.appraisal"]
        for m in months:
            result |= engine._compute_month(self.company, self.month(m))
        return result

    def _mine(self, appraisals, user=None, period_type="month"):
        user = user or self.rep
        return appraisals.filtered(
            lambda a: a.user_id == user and a.period_type == period_type
        )

    def _quarter(self):
        self._months(1, 2, 3)
        quarter = self._engine()._aggregate(self.company, "quarter", self.month(1))
        return self._mine(quarter, period_type="quarter")

    def _score_quarter(self, quarter, teamwork=90.0, attitude=80.0):
        lines = quarter.with_user(self.manager).line_ids
        lines.filtered(lambda li: li.measure == "teamwork").manager_score = teamwork
        lines.filtered(lambda li: li.measure == "attitude").manager_score = attitude

    def test_weights_must_add_up_to_100(self):
        with self.assertRaisesRegex(ValidationError, "not 100"):
            self.env["sales.appraisal.template"].create(
                {
                    "name": "Bad",
                    "indicator_ids": [
                        Command.create({"measure": "revenue", "weight": 60}),
                        Command.create({"measure": "visits", "weight": 30}),
                    ],
                    "band_ids": [Command.create({"achievement_from": 0, "score": 0})],
                }
            )
        # the form saves the indicators through the template
        first = self.template.indicator_ids[0]
        with self.assertRaisesRegex(ValidationError, "not 100"):
            self.template.write(
                {"indicator_ids": [Command.update(first.id, {"weight": 45})]}
            )

    def test_monthly_scores_against_hand_computed_figures(self):
        appraisals = self._months(1, 2, 3)
        by_month = {a.date_from.month: a for a in self._mine(appraisals)}
        self.assertEqual(by_month[1].score_total, 100.0)
        self.assertEqual(by_month[2].score_total, 87.5)
        self.assertEqual(by_month[3].score_total, 75.0)
        self.assertRecordValues(
            self._line(by_month[3], "revenue"),
            [{"target": 1000.0, "actual": 900.0, "achievement": 90.0, "score": 80.0}],
        )
        self.assertRecordValues(
            self._line(by_month[2], "new_customers"),
            [{"target": 1.0, "actual": 0.0, "achievement": 0.0, "score": 0.0}],
        )
        # months have no qualitative line: the manager scores quarters and years
        self.assertFalse(by_month[3].line_ids.filtered("qualitative"))

    def test_quarter_aggregates_the_months_and_adds_the_managers_part(self):
        quarter = self._quarter()
        self.assertEqual(len(quarter), 1)
        self.assertRecordValues(
            self._line(quarter, "revenue"),
            [{"target": 3000.0, "actual": 3100.0, "score": 100.0}],
        )
        self.assertRecordValues(
            self._line(quarter, "new_customers"),
            [{"target": 3.0, "actual": 2.0, "score": 60.0}],
        )
        self._score_quarter(quarter)
        self.assertEqual(quarter.score_total, 87.0)
        # recomputing the draft quarter keeps the manager's scores
        self._engine()._aggregate(self.company, "quarter", self.month(1))
        self.assertEqual(quarter.score_total, 87.0)

    def test_review_acknowledge_close(self):
        quarter = self._quarter()
        self._score_quarter(quarter)
        quarter.with_user(self.manager).manager_comment = "Keep it up."
        quarter.with_user(self.manager).action_review()
        self.assertRecordValues(
            quarter, [{"state": "reviewed", "reviewed_by_id": self.manager.id}]
        )
        quarter.with_user(self.rep).action_acknowledge()
        self.assertEqual(quarter.state, "acknowledged")
        self.assertTrue(quarter.acknowledged_date)
        quarter.with_user(self.manager).action_close()
        self.assertEqual(quarter.state, "closed")

    def test_manager_scores_the_quarter_in_the_form(self):
        """The form saves the qualitative scores through the appraisal
        (``line_ids`` update commands); figures stay the engine's."""
        quarter = self._quarter()
        with Form(quarter.with_user(self.manager)) as form:
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    if line.measure == "teamwork":
                        line.manager_score = 90.0
                    elif line.measure == "attitude":
                        line.manager_score = 80.0
            form.manager_comment = "Good quarter."
        # hand-computed in the class docstring: 8,700 / 100
        self.assertEqual(quarter.score_total, 87.0)
        revenue = self._line(quarter, "revenue")
        with self.assertRaisesRegex(UserError, "teamwork and attitude of a draft"):
            quarter.with_user(self.manager).write(
                {"line_ids": [Command.update(revenue.id, {"actual": 9999.0})]}
            )
        with self.assertRaisesRegex(UserError, "Only the manager's comments"):
            quarter.with_user(self.manager).write(
                {"line_ids": [Command.create({"measure": "visits", "weight": 50.0})]}
            )
        self.assertEqual(revenue.actual, 3100.0)

    def test_acknowledging_someone_elses_appraisal_refused(self):
        quarter = self._quarter()
        quarter.with_user(self.manager).action_review()
        with self.assertRaisesRegex(AccessError, "their own appraisal"):
            quarter.with_user(self.manager).action_acknowledge()
        with self.assertRaises(AccessError):
            quarter.with_user(self.rep_2).action_acknowledge()
        self.assertEqual(quarter.state, "reviewed")

    def test_rep_cannot_review_and_manager_cannot_review_own(self):
        quarter = self._quarter()
        with self.assertRaises(AccessError):
            quarter.with_user(self.rep).action_review()
        with self.assertRaisesRegex(UserError, "needs it"):
            quarter.with_user(self.rep).action_acknowledge()
        self.assertEqual(quarter.state, "draft")

    def test_closed_appraisal_cannot_be_edited(self):
        quarter = self._quarter()
        quarter.with_user(self.manager).action_review()
        quarter.with_user(self.rep).action_acknowledge()
        quarter.with_user(self.manager).action_close()
        with self.assertRaisesRegex(UserError, "closed"):
            quarter.with_user(self.manager).manager_comment = "Changed"
        with self.assertRaisesRegex(UserError, "closed"):
            quarter.sudo().write({"manager_comment": "Changed"})
        with self.assertRaisesRegex(UserError, "teamwork and attitude of a draft"):
            self._line(quarter, "teamwork").with_user(self.manager).manager_score = 1
        before = quarter.score_total
        self._engine()._aggregate(self.company, "quarter", self.month(1))
        self.assertEqual(quarter.score_total, before)
        with self.assertRaises(UserError):
            quarter.with_user(self.manager).unlink()

    def test_figures_and_state_are_not_written_by_hand(self):
        appraisal = self._mine(self._months(3))
        with self.assertRaisesRegex(UserError, "teamwork and attitude"):
            self._line(appraisal, "revenue").with_user(self.manager).actual = 5000
        with self.assertRaisesRegex(UserError, "SP-APR-03"):
            appraisal.with_user(self.manager).write({"state": "closed"})
        with self.assertRaises(AccessError):
            appraisal.with_user(self.rep).write({"manager_comment": "Great"})
        with self.assertRaises(AccessError):
            self.env["sales.appraisal"].with_user(self.manager).create(
                {
                    "user_id": self.rep.id,
                    "template_id": self.template.id,
                    "date_from": date(2025, 5, 1),
                    "date_to": date(2025, 6, 1),
                }
            )

    def test_rep_reads_own_appraisals_manager_the_team(self):
        appraisals = self._months(3)
        mine = self._mine(appraisals)
        self.assertEqual(
            self.env["sales.appraisal"].with_user(self.rep).search([]), mine
        )
        self.assertEqual(
            self.env["sales.appraisal"].with_user(self.manager).search([]), mine
        )
        self.assertEqual(
            self.env["sales.appraisal"].with_user(self.senior_manager).search([]),
            appraisals,
        )

    def test_consecutive_failing_months_open_one_position_review(self):
        self.company.appraisal_failing_months = 2
        review_type = self.env.ref("sales_appraisal.mail_activity_type_position_review")
        first = self._mine(self._months(1), self.rep_2)
        self.assertTrue(first.failing)
        self.assertFalse(first.activity_ids)
        second = self._mine(self._months(2), self.rep_2)
        self.assertEqual(second.activity_ids.activity_type_id, review_type)
        self.assertEqual(second.activity_ids.user_id, self.senior_manager)
        self.assertTrue(second.position_review)
        # computing again does not open a second review
        self._months(2)
        self.assertEqual(len(second.activity_ids), 1)
        # the rep passing every month gets none
        mine = self._mine(self._months(1, 2, 3))
        self.assertFalse(
            mine.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )

    def test_setting_of_failing_months(self):
        self.company.appraisal_failing_months = 3
        self._months(1, 2)
        second = self._mine(self._months(2), self.rep_2)
        self.assertFalse(second.position_review)
        third = self._mine(self._months(3), self.rep_2)
        self.assertTrue(third.position_review)
        with self.assertRaises(ValidationError):
            self.company.appraisal_failing_months = 0

    def test_cron_computes_last_month_and_the_quarter(self):
        with freeze_time("2025-04-02"):
            self.env["sales.appraisal.engine"]._cron_compute_previous_month()
        appraisals = self.env["sales.appraisal"].search([("user_id", "=", self.rep.id)])
        self.assertEqual(sorted(appraisals.mapped("period_type")), ["month", "quarter"])
        self.assertEqual(self._mine(appraisals).date_from, date(2025, 3, 1))

    def test_compute_wizard_for_a_manager_only(self):
        wizard = (
            self.env["sales.appraisal.compute.wizard"]
            .with_user(self.manager)
            .create({"period_type": "quarter", "date": date(2025, 2, 14)})
        )
        action = wizard.action_compute()
        found = self.env["sales.appraisal"].search(action["domain"])
        self.assertEqual(set(found.mapped("period_type")), {"quarter"})
        with self.assertRaises(AccessError):
            self.env["sales.appraisal.compute.wizard"].with_user(self.rep).create(
                {"period_type": "month", "date": date(2025, 2, 14)}
            )
