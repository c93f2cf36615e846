# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintFlow(SalesComplaintCommon):
    def test_new_complaint_is_routed_to_the_customers_salesperson(self):
        claim = self._claim(severity="high")
        self.assertRecordValues(
            claim,
            [
                {
                    "user_id": self.rep.id,
                    "team_id": self.team.id,
                    "complaint_state": "new",
                    "commercial_partner_id": self.customer.id,
                }
            ],
        )
        self.assertTrue(claim.complaint_number.startswith("CPL/"))
        # high severity: claim date + 24 h
        self.assertEqual(claim.response_deadline, claim.date + timedelta(hours=24))
        claim.severity = "critical"  # + 4 h
        self.assertEqual(claim.response_deadline, claim.date + timedelta(hours=4))

    def test_contact_complaint_goes_to_the_companys_salesperson(self):
        claim = self._claim(partner_id=self.customer_contact.id)
        self.assertEqual(claim.user_id, self.rep)
        self.assertEqual(claim.commercial_partner_id, self.customer)

    def test_full_flow_compensation_revisit_and_rehandling(self):
        claim = self._claim(severity="high")
        claim.action_route()
        self.assertEqual(claim.complaint_state, "routed")
        self.assertEqual(claim.stage_id, self.env.ref("crm_claim.stage_claim1"))
        claim.action_respond()
        self.assertRecordValues(
            claim,
            [
                {
                    "complaint_state": "answered",
                    "first_response_user_id": self.rep.id,
                    "response_timely": True,
                }
            ],
        )
        claim.write(
            {
                "resolution": "Credit of 150 for 12 lost bags.",
                "compensation_amount": 150.0,
            }
        )
        claim.action_resolve()
        claim.action_customer_confirm()
        # a compensation is approved by a sales manager before closing
        with self.assertRefused(UserError, "must approve it first"):
            claim.action_close()
        claim.action_request_approval()
        self.assertEqual(claim.approval_status, "pending")
        with self.assertRaises(UserError):
            claim.with_user(self.rep_2).action_approval_approve()
        claim.with_user(self.manager).action_approval_approve()
        claim.action_close()
        self.assertRecordValues(
            claim, [{"complaint_state": "closed", "approval_status": "approved"}]
        )
        self.assertTrue(claim.date_closed)
        self.assertEqual(claim.stage_id, self.env.ref("crm_claim.stage_claim2"))
        # the customer is not satisfied: the complaint is handled again
        claim.action_revisit(2, "The credit note never arrived.")
        self.assertRecordValues(
            claim,
            [
                {
                    "complaint_state": "answered",
                    "reopen_count": 1,
                    "revisit_score": 2,
                    "revisit_satisfied": False,
                    "customer_confirmed": False,
                    "date_closed": False,
                    "revisit_done": False,
                }
            ],
        )
        # the unsatisfied revisit is a satisfaction answer: 2 x 20 = 40 / 100
        response = self.env["sales.satisfaction.response"].search(
            [("origin_ref", "=", f"crm.claim,{claim.id}")]
        )
        self.assertRecordValues(
            response,
            [
                {
                    "score": 40.0,
                    "trigger": "revisit",
                    "user_id": self.rep.id,
                    "partner_id": self.customer.id,
                    "satisfied": False,
                }
            ],
        )
        claim.action_resolve()
        claim.action_customer_confirm()
        claim.action_close()  # same compensation and resolution: still approved
        claim.action_revisit(5)
        self.assertEqual(
            self.env["sales.satisfaction.response"]
            .search([("origin_ref", "=", f"crm.claim,{claim.id}")])
            .mapped("score"),
            [100.0, 40.0],
        )
        self.assertRecordValues(
            claim,
            [
                {
                    "complaint_state": "closed",
                    "reopen_count": 1,
                    "revisit_score": 5,
                    "revisit_satisfied": True,
                    "revisit_done": True,
                }
            ],
        )
        with self.assertRefused(UserError, "already revisited"):
            claim.action_revisit(4)

    def test_changed_compensation_reopens_the_approval(self):
        claim = self._claim()
        self._resolved(claim)
        claim.compensation_amount = 100.0
        claim.action_customer_confirm()
        claim.action_request_approval()
        claim.with_user(self.manager).action_approval_approve()
        claim.compensation_amount = 300.0
        with self.assertRefused(UserError, "must approve it first"):
            claim.action_close()

    def test_close_without_compensation_needs_no_approval(self):
        claim = self._resolved(self._claim())
        claim.action_customer_confirm()
        claim.action_close()
        self.assertEqual(claim.complaint_state, "closed")

    def test_closed_complaint_keeps_its_resolution(self):
        claim = self._resolved(self._claim())
        claim.action_customer_confirm()
        claim.action_close()
        with self.assertRefused(UserError, "is closed"):
            claim.resolution = "Something else"
        with self.assertRefused(UserError, "is closed"):
            claim.compensation_amount = 10.0
        self.assertEqual(claim.resolution, "Replacement delivered.")

    def test_rep_reads_only_own_customers_complaints(self):
        mine = self._claim()
        other = self._claim(user=self.rep_2, partner_id=self.other_customer.id)
        Claim = self.Claim.with_user(self.rep)
        self.assertEqual(Claim.search([("id", "in", (mine | other).ids)]), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["name"])
        # the team leader and managers see both
        self.assertEqual(
            self.Claim.with_user(self.manager).search(
                [("id", "in", (mine | other).ids)]
            ),
            mine | other,
        )

    def test_copy_starts_over(self):
        claim = self._resolved(self._claim())
        copy = claim.copy()
        self.assertRecordValues(
            copy,
            [
                {
                    "complaint_state": "new",
                    "first_response_date": False,
                    "resolved_date": False,
                    "stage_id": self.env.ref("crm_claim.stage_claim1").id,
                }
            ],
        )
        self.assertNotEqual(copy.complaint_number, claim.complaint_number)
        self.assertIn("(copy)", copy.name)

    def test_registration_form_pdf_renders(self):
        claim = self._claim()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "sales_complaint.report_complaint_registration_form", claim.ids
        )[0]
        self.assertIn(claim.complaint_number, html.decode())
