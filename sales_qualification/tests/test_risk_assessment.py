# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..tools.training_math import training_days, valid_rating
from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestRiskAssessment(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.risk = (
            cls.env["sales.qualification.risk"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Regional rules tightened",
                    "qualification_id": cls.active_qualification.id,
                    "owner_id": cls.manager.id,
                }
            )
        )
        cls.Assessment = cls.env["sales.qualification.risk.assessment"]
        cls.reminder_type = cls.env.ref(
            "sales_qualification.mail_activity_type_risk_assessment"
        )

    def _assess(self, likelihood, impact, days_ago=0, user=None):
        return self.Assessment.with_user(user or self.manager).create(
            {
                "risk_id": self.risk.id,
                "likelihood": likelihood,
                "impact": impact,
                "assessment_date": self.today - timedelta(days=days_ago),
            }
        )

    def test_ratings_are_whole_numbers_from_one_to_five(self):
        self.assertTrue(valid_rating(1))
        self.assertTrue(valid_rating(5))
        self.assertFalse(valid_rating(0))
        self.assertFalse(valid_rating(6))
        self.assertFalse(valid_rating(True))
        self.assertFalse(valid_rating("3"))
        # 12 hours are a day and a half of training
        self.assertEqual(training_days(12), 1.5)

    def test_assessments_keep_the_history_and_set_the_current_rating(self):
        old = self._assess(2, 2, days_ago=100)
        new = self._assess(4, 5)
        # 2 x 2 = 4 (low); 4 x 5 = 20 (high)
        self.assertRecordValues(
            old | new,
            [{"score": 4, "level": "low"}, {"score": 20, "level": "high"}],
        )
        self.assertRecordValues(
            self.risk,
            [
                {
                    "likelihood": "4",
                    "impact": "5",
                    "score": 20,
                    "last_assessment_date": self.today,
                    # quarterly by default
                    "next_assessment_date": self.today + relativedelta(months=3),
                }
            ],
        )
        self.assertEqual(self.risk.assessment_ids, new | old)

    def test_likelihood_or_impact_outside_one_to_five_is_refused(self):
        for likelihood, impact in ((6, 3), (3, 0), (-1, 2)):
            with self.assertRefused(ValidationError, "rated from 1"):
                self._assess(likelihood, impact)
        with self.assertRefused(ValidationError, "rated from 1"):
            self.risk.with_user(self.manager).likelihood = "6"
        with self.assertRefused(ValidationError, "every 1 to 12 months"):
            self.risk.with_user(self.manager).assessment_interval_months = 0
        self.assertFalse(self.risk.assessment_ids)

    def test_reps_read_the_history_but_do_not_assess(self):
        assessment = self._assess(3, 3)
        with self.assertRefused(AccessError, ""):
            self._assess(1, 1, user=self.rep)
        with self.assertRefused(AccessError, ""):
            assessment.with_user(self.manager).likelihood = 1
        self.assertEqual(self.Assessment.with_user(self.rep).search([]), assessment)
        self.assertFalse(self.Assessment.with_user(self.rep_company_b).search([]))

    def test_overdue_assessment_reminds_the_owner_once(self):
        self._assess(3, 3, days_ago=120)
        # assessed 120 days ago, quarterly: overdue since about 30 days
        self.assertLess(self.risk.next_assessment_date, self.today)
        done, failed = self.risk._cron_remind_assessments()
        self.assertEqual((done, failed), (1, 0))
        reminders = self.risk.activity_ids.filtered(
            lambda a: a.activity_type_id == self.reminder_type
        )
        self.assertEqual(reminders.user_id, self.manager)
        # the next run does not remind again for the same due date
        self.assertEqual(self.risk._cron_remind_assessments(), (0, 0))
        # a fresh assessment moves the due date into the future
        self._assess(2, 3)
        self.assertGreater(self.risk.next_assessment_date, self.today)

    def test_monthly_schedule_per_risk(self):
        self.risk.with_user(self.manager).assessment_interval_months = 1
        self._assess(3, 3, days_ago=40)
        self.assertEqual(
            self.risk.next_assessment_date,
            self.today - timedelta(days=40) + relativedelta(months=1),
        )
