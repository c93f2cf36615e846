# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tests.common import create_grading_policy

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestGradeExplanation(SalesComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        create_grading_policy(cls.env, cls.company)
        cls.customer.write({"sales_purchase_intent": 50, "sales_purchase_ability": 50})

    def test_complaints_of_the_last_12_months_feed_the_grade_explanation(self):
        self.env["res.partner"]._sales_regrade()
        self.assertIn(
            "Complaints over the last 12 months: none.",
            self.customer.sales_grade_explanation,
        )
        # customer (hand-counted): 4 complaints in the last 12 months
        #   one still registered (open), one from a contact answered (open),
        #   one closed, one closed then re-opened by a revisit (open, re-opened)
        #   -> 4, 3 open, 1 re-opened
        # not counted: one of 400 days ago, one of another customer
        self._past_claim(10)
        self._past_claim(20, partner_id=self.customer_contact.id)._transition(
            {"complaint_state": "answered"}
        )
        self._past_claim(30)._transition({"complaint_state": "closed"})
        self._past_claim(40)._transition(
            {"complaint_state": "answered", "reopen_count": 1}
        )
        self._past_claim(400 * 24)._transition({"complaint_state": "closed"})
        self._past_claim(10, partner_id=self.other_customer.id)
        self.customer.invalidate_recordset(["sales_grade_explanation"])
        explanation = self.customer.sales_grade_explanation
        self.assertIn("Total", explanation)  # the grade's own lines stay
        self.assertIn(
            "Complaints over the last 12 months: 4 (3 open, 1 re-opened after a "
            "revisit).",
            explanation,
        )
        # a rep reads the same figures (whatever complaints the rep may read)
        self.assertEqual(
            self.customer.with_user(self.rep).sales_grade_explanation, explanation
        )
