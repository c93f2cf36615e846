# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import SalesAppraisalCommon


@tagged("post_install", "-at_install")
class TestAppraisalUi(SalesAppraisalCommon, HttpCase):
    """Monthly score (the cron) -> quarterly review (the team leader, in the
    browser) -> the rep acknowledges (in the browser)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # start_tour logs in with the login as the password
        for user in (cls.rep, cls.manager):
            user.password = user.login
        cls._target(cls.rep, cls.team, revenue=12000.0, new_customers=12, visits=24)
        cls._order(cls.rep, cls.customer, 1000.0, date(2025, 1, 10))
        cls._visit(cls.rep, cls.customer, date(2025, 1, 6))
        engine = cls.env["sales.appraisal.engine"].sudo()
        for m in (1, 2, 3):
            engine._compute_month(cls.company, cls.month(m))
        cls.quarter = engine._aggregate(cls.company, "quarter", cls.month(1)).filtered(
            lambda a: a.user_id == cls.rep
        )

    def test_monthly_score_quarterly_review_rep_acknowledges(self):
        self.assertEqual(self.quarter.state, "draft")
        self.start_tour(
            "/odoo/action-sales_appraisal.sales_appraisal_action",
            "sales_appraisal_review_tour",
            login=self.manager.login,
        )
        self.assertRecordValues(
            self.quarter,
            [
                {
                    "state": "reviewed",
                    "reviewed_by_id": self.manager.id,
                    "manager_comment": "Good quarter; visit more new prospects.",
                }
            ],
        )
        self.assertRecordValues(
            self._line(self.quarter, "teamwork") | self._line(self.quarter, "attitude"),
            [{"manager_score": 90.0}, {"manager_score": 80.0}],
        )
        self.start_tour(
            "/odoo/action-sales_appraisal.sales_appraisal_my_action",
            "sales_appraisal_acknowledge_tour",
            login=self.rep.login,
        )
        self.assertEqual(self.quarter.state, "acknowledged")
        self.assertTrue(self.quarter.acknowledged_date)
