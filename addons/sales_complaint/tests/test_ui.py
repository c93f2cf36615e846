# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common import SalesComplaintCommon
from .test_mail_gateway import RAW_EMAIL


@tagged("post_install", "-at_install")
class TestComplaintTour(SalesComplaintCommon, HttpCase):
    def test_email_to_revisit_tour(self):
        """A complaint arrives by email, is routed, answered, closed and revisited."""
        tour_rep = self._new_policy_user(
            "sp_complaint_tour", "sales_policy_base.group_sales_policy_user"
        )
        self.customer.user_id = tour_rep
        raw = RAW_EMAIL.format(
            email_from="Mia Buyer <mia@calcite-buyer.example>",
            subject="Tour short delivery",
            msg_id="tour-1",
        )
        claim = self.Claim.browse(
            self.env["mail.thread"].message_process("crm.claim", raw)
        )
        self.assertEqual(claim.user_id, tour_rep)
        self.start_tour(
            "/odoo/action-sales_complaint.crm_claim_action",
            "sales_complaint_flow_tour",
            login=tour_rep.login,
        )
        self.assertRecordValues(
            claim,
            [
                {
                    "complaint_state": "closed",
                    "revisit_score": 5,
                    "revisit_done": True,
                    "first_response_user_id": tour_rep.id,
                }
            ],
        )
