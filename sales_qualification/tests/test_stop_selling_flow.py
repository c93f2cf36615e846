# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestStopSellingFlow(SalesQualificationCommon):
    """The forms, by role: a policy-change risk, the regional policy change
    that suspends the certificate, the refused order, the resumption."""

    def test_risk_to_suspension_to_refused_order_to_resumption(self):
        service = self.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "qualification_id": self.active_qualification.id,
            }
        )
        customer = self.env["res.partner"].create({"name": "Customer Ltd"})
        # the manager registers the risk and assesses it
        with Form(self.env["sales.qualification.risk"].with_user(self.manager)) as f:
            f.name = "Provincial rules for Grade II"
            f.category = "policy_change"
            f.qualification_id = self.active_qualification
        risk = f.record
        with Form(risk.with_user(self.manager)) as f, f.assessment_ids.new() as line:
            line.likelihood = 4
            line.impact = 5
        self.assertEqual(risk.score, 20)
        # the policy change happens: recorded, affected certificates suspended
        Watch = self.env["sales.qualification.policy.watch"].with_user(self.manager)
        with Form(Watch) as f:
            f.name = "Two more engineers per Grade II licence"
            f.region = "Anhui"
            f.risk_id = risk
            f.qualification_ids.add(self.active_qualification)
        f.record.action_suspend_affected()
        self.assertEqual(self.active_qualification.state, "suspended")
        # the rep's quotation warns, and confirming it is refused
        with Form(self.env["sale.order"].with_user(self.rep)) as f:
            f.partner_id = customer
            with f.order_line.new() as line:
                line.product_id = service
        order = f.record
        self.assertIn("suspended", order.qualification_warning)
        with self.assertRefused(UserError, "SP-QUA-11"):
            order.action_confirm()
        # the manager asks to resume, the senior manager approves
        suspension = self.active_qualification.suspension_id
        with Form(suspension.with_user(self.manager)) as f:
            f.resume_note = "Engineers hired and registered"
        suspension.with_user(self.manager).action_request_resume()
        suspension.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(self.active_qualification.state, "active")
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
