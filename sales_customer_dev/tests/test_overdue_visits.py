# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestOverdueVisits(CustomerDevCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.company.sales_dev_visit_interval_days = 30
        cls.env["sales.visit.report"].with_user(cls.rep_2).create(
            {
                "partner_id": cls.customer_2.id,
                "date": cls.today - timedelta(days=10),
                "purpose": "Quarterly review",
                "outcome": "All fine",
                "satisfaction": "4",
            }
        ).action_done()

    def _activities(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(
                        "sales_customer_dev.mail_activity_type_overdue_visit"
                    ).id,
                ),
            ]
        )

    def test_customer_never_visited_is_flagged_with_one_activity(self):
        Partner_ = self.env["res.partner"]
        Partner_._cron_flag_overdue_visits()
        self.assertTrue(self.customer.visit_overdue)
        self.assertFalse(self.customer_2.visit_overdue)
        self.assertFalse(self.prospect.visit_overdue)  # not a customer
        activity = self._activities(self.customer)
        self.assertRecordValues(activity, [{"user_id": self.rep.id}])
        Partner_._cron_flag_overdue_visits()
        self.assertEqual(len(self._activities(self.customer)), 1)
        self.assertFalse(self._activities(self.customer_2))

    def test_customer_visited_long_ago_is_flagged_and_cleared_after_a_visit(self):
        self.customer_2.visit_report_ids.sudo().write(
            {"date": self.today - timedelta(days=31)}
        )
        self.env["res.partner"]._cron_flag_overdue_visits()
        self.assertTrue(self.customer_2.visit_overdue)
        self.env["sales.visit.report"].with_user(self.rep_2).create(
            {
                "partner_id": self.customer_2_contact.id,
                "date": self.today,
                "purpose": "Catch-up",
                "outcome": "Renewal agreed",
                "satisfaction": "5",
            }
        ).action_done()
        self.assertEqual(self.customer_2.last_visit_date, self.today)
        self.env["res.partner"]._cron_flag_overdue_visits()
        self.assertFalse(self.customer_2.visit_overdue)

    def _grading_policy(self, **vals):
        """The company's only active grading policy (explicit fixture)."""
        Policy = self.env["sales.grading.policy"]
        Policy.search([("company_id", "=", self.company.id)]).active = False
        return Policy.create(
            {
                "name": "Test grading",
                "company_id": self.company.id,
                "visit_interval_a": 7,
                "visit_interval_b": 0,
                "visit_interval_c": 60,
                **vals,
            }
        )

    def test_a_grade_customer_is_overdue_after_the_grade_interval(self):
        self._grading_policy()
        self.customer_2.sales_grade = "a"
        self.assertEqual(
            self.customer_2._get_visit_interval_days(), {self.customer_2.id: 7}
        )
        self.env["res.partner"]._cron_flag_overdue_visits()
        # visited 10 days ago: overdue under the A grade's 7-day interval
        self.assertTrue(self.customer_2.visit_overdue)

    def test_c_grade_customer_visited_10_days_ago_is_not_overdue(self):
        self._grading_policy()
        self.customer_2.sales_grade = "c"
        self.env["res.partner"]._cron_flag_overdue_visits()
        # C grade: every 60 days; 10 days since the last visit
        self.assertFalse(self.customer_2.visit_overdue)

    def test_grade_without_an_interval_uses_the_company_setting(self):
        self._grading_policy()
        self.customer_2.sales_grade = "b"  # the policy sets 0 days for B
        self.assertEqual(
            self.customer_2._get_visit_interval_days(), {self.customer_2.id: 30}
        )

    def test_a_grade_prospect_is_visited_on_a_fixed_rhythm(self):
        self._grading_policy()
        self.prospect.write({"user_id": self.rep.id, "sales_grade": "a"})
        self.env["res.partner"]._cron_flag_overdue_visits()
        self.assertTrue(self.prospect.visit_overdue)
        self.assertRecordValues(
            self._activities(self.prospect), [{"user_id": self.rep.id}]
        )

    def test_default_interval_comes_from_the_company_setting(self):
        self.company.sales_dev_visit_interval_days = 45
        self.assertEqual(
            self.customer._get_visit_interval_days(), {self.customer.id: 45}
        )

    def _cron_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.env["res.partner"]._cron_flag_overdue_visits()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_overdue_cron_queries_do_not_grow_with_the_customers(self):
        self.env["res.partner"]._cron_flag_overdue_visits()
        queries_few = self._cron_queries()
        customers = self.env["res.partner"].create(
            [
                {
                    "name": f"Visited Customer {index}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": self.rep.id,
                }
                for index in range(20)
            ]
        )
        self.env["sales.visit.report"].create(
            [
                {
                    "partner_id": customer.id,
                    "user_id": self.rep.id,
                    "date": self.today,
                    "purpose": "Visit",
                    "outcome": "Fine",
                    "satisfaction": "4",
                    "state": "done",
                }
                for customer in customers
            ]
        )
        self.assertEqual(self._cron_queries(), queries_few)
