# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import SalesComplaintCommon

RAW_EMAIL = """Return-Path: <{email_from}>
To: complaints@example.com
Received: by mail1.example.com (Postfix, from userid 10002)
    id 5DF9ABFB2A; Fri, 10 Aug 2026 16:16:39 +0200 (CEST)
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit
Date: Fri, 10 Aug 2026 14:16:26 +0000
Message-ID: <{msg_id}@calcite-buyer.example>

The last delivery was short by 12 bags.
"""


@tagged("post_install", "-at_install")
class TestMailGateway(SalesComplaintCommon):
    def _process(self, email_from, subject, msg_id):
        raw = RAW_EMAIL.format(email_from=email_from, subject=subject, msg_id=msg_id)
        # fetched mail is processed with administrative rights
        res_id = self.env["mail.thread"].message_process("crm.claim", raw)
        return self.Claim.browse(res_id)

    def test_email_from_a_known_customer_becomes_a_routed_complaint(self):
        claim = self._process(
            "Mia Buyer <mia@calcite-buyer.example>", "Short delivery", "short-1"
        )
        self.assertRecordValues(
            claim,
            [
                {
                    "name": "Short delivery",
                    "partner_id": self.customer_contact.id,
                    "commercial_partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "team_id": self.team.id,
                    "intake_channel": "email",
                    "complaint_state": "new",
                }
            ],
        )
        self.assertIn("short by 12 bags", claim.description)
        self.assertTrue(claim.complaint_number)
        self.assertTrue(claim.response_deadline)
        # the complaint then follows the normal flow
        claim.with_user(self.rep).action_route()
        self.assertEqual(claim.complaint_state, "routed")

    def test_email_from_an_unknown_sender_is_registered_without_customer(self):
        claim = self._process("stranger@nowhere.example", "Dust", "dust-1")
        self.assertRecordValues(
            claim,
            [
                {
                    "name": "Dust",
                    "email_from": "stranger@nowhere.example",
                    "intake_channel": "email",
                    "complaint_state": "new",
                }
            ],
        )
