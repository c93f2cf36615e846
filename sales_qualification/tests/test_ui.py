# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSalesQualificationUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tour_user = new_test_user(
            cls.env,
            login="sq_tour_manager",
            password="sq_tour_manager",
            name="Tour Manager",
            groups="base.group_user,"
            "sales_policy_base.group_sales_policy_senior_manager,"
            "sales_policy_base.group_sales_policy_legal_reviewer,"
            "sales_policy_base.group_sales_policy_finance_reviewer,"
            "sales_policy_base.group_sales_policy_technical_reviewer",
        )
        # One user plays every role of the tour: the company lets approvers
        # decide what they submitted themselves.
        cls.env.company.sales_policy_allow_self_approval = True
        today = fields.Date.today()
        cls.qualification = cls.env["sales.qualification"].create(
            {
                "name": "Tour Certificate",
                "number": "TOUR-001",
                "issuer_id": cls.env["res.partner"].create({"name": "Tour Bureau"}).id,
                "issue_date": today,
                "expiry_date": today + timedelta(days=1000),
                "custodian_id": cls.tour_user.id,
                "location": "Tour safe",
            }
        )
        cls.env["sales.qualification.evaluation"].create(
            {
                "qualification_id": cls.qualification.id,
                "legality": "Lawful",
                "market_demand": "High",
                "value_assessment": "Good",
            }
        )
        cls.env["sales.qualification.authenticity.check"].create(
            {
                "qualification_id": cls.qualification.id,
                "method": "online_registry",
                "result": "verified",
            }
        )

    def test_evaluation_review_activation_borrow_and_return_in_the_browser(self):
        self.start_tour(
            "/odoo/action-sales_qualification.sales_qualification_evaluation_action",
            "sales_qualification_lifecycle",
            login="sq_tour_manager",
            # the default 60 s is short on a loaded CI machine: the tour has 32 steps
            timeout=180,
        )
        loan = self.qualification.loan_ids
        self.assertRecordValues(
            self.qualification,
            [{"state": "active", "current_loan_id": False}],
        )
        self.assertRecordValues(
            loan, [{"state": "returned", "borrower_id": self.tour_user.id}]
        )

    def test_register_xlsx_download(self):
        self.authenticate("sq_tour_manager", "sq_tour_manager")
        response = self.url_open(
            f"/sales_qualification/register.xlsx?ids={self.qualification.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            self.assertIn("TOUR-001", archive.read("xl/sharedStrings.xml").decode())
