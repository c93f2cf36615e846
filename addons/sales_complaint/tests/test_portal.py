# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintPortal(SalesComplaintCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            login="sp_portal_buyer",
            password="sp_portal_buyer-Secret1",
            groups="base.group_portal",
            partner_id=cls.customer_contact.id,
        )
        cls.own = (
            cls.env["crm.claim"]
            .with_user(cls.rep)
            .create({"name": "Own company complaint", "partner_id": cls.customer.id})
        )
        cls.foreign = (
            cls.env["crm.claim"]
            .with_user(cls.rep_2)
            .create({"name": "Foreign complaint", "partner_id": cls.other_customer.id})
        )

    def test_portal_user_reads_only_own_companys_complaints(self):
        Claim = self.env["crm.claim"].with_user(self.portal_user)
        self.assertEqual(
            Claim.search([("id", "in", (self.own | self.foreign).ids)]), self.own
        )
        with self.assertRaises(AccessError):
            self.foreign.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal_user).write({"name": "Changed"})

    def test_portal_pages(self):
        self.authenticate(self.portal_user.login, "sp_portal_buyer-Secret1")
        response = self.url_open("/my/complaints")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own.complaint_number, response.text)
        self.assertNotIn(self.foreign.complaint_number, response.text)
        response = self.url_open(f"/my/complaints/{self.own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Own company complaint", response.text)
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/complaints/{self.foreign.id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("Foreign complaint", response.text)
            response = self.url_open("/my/complaints/999999999")
            self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/home")
        self.assertIn("/my/complaints", response.text)

    def test_portal_user_files_a_complaint(self):
        self.authenticate(self.portal_user.login, "sp_portal_buyer-Secret1")
        page = self.url_open("/my/complaints/new")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/my/complaints/submit",
            data={
                "csrf_token": token,
                "subject": "Bags torn on arrival",
                "description": "Six bags torn.",
                "category": "delivery",
                "partner_id": self.other_customer.id,  # ignored
            },
        )
        self.assertEqual(response.status_code, 200)
        claim = self.env["crm.claim"].search([("name", "=", "Bags torn on arrival")])
        self.assertRecordValues(
            claim,
            [
                {
                    "partner_id": self.customer_contact.id,
                    "commercial_partner_id": self.customer.id,
                    "complaint_category": "delivery",
                    "intake_channel": "portal",
                    "user_id": self.rep.id,
                    "team_id": self.team.id,
                    "complaint_state": "new",
                }
            ],
        )
        self.assertTrue(claim.response_deadline)
