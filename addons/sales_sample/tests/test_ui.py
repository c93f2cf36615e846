# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleTour(SalesSampleCommon, HttpCase):
    def test_sample_request_to_feedback_tour(self):
        """A rep (also in R&D for the tour) submits a request, R&D accepts and
        makes it, the rep sends it and records the customer's feedback."""
        user = self._new_policy_user(
            "sp_sample_tour",
            "sales_policy_base.group_sales_policy_user,"
            "sales_policy_base.group_sales_policy_technical_reviewer",
        )
        self.team.member_ids = [(4, user.id)]
        # the rep's own customer: with sales_customer_dev installed (the whole
        # suite), customers are confidential to their salesperson and team
        self.customer_a.user_id = user
        request = self._request(self.customer_a, user=user, shape="Tour disc")
        self.start_tour(
            f"/odoo/action-sales_sample.sales_sample_request_action/{request.id}",
            "sales_sample_flow_tour",
            login=user.login,
        )
        self.assertRecordValues(
            request,
            [
                {
                    "state": "feedback",
                    "feedback": "Whiteness as agreed.",
                    "feedback_result": "positive",
                    "fee_rule": "waived",
                }
            ],
        )
