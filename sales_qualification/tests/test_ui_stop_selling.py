# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestStopSellingUi(HttpCase):
    """In the browser: a policy-change risk suspends its certificate, the
    quotation of its service warns and cannot be confirmed, the resumption is
    requested and approved by a senior manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tour_user = new_test_user(
            cls.env,
            login="sq_stop_tour",
            password="sq_stop_tour",
            name="Stop Selling Tour Manager",
            groups="base.group_user,sales_policy_base.group_sales_policy_senior_manager",
        )
        # one user plays the manager and the senior manager
        cls.env.company.sales_policy_allow_self_approval = True
        today = fields.Date.today()
        cls.qualification = cls.env["sales.qualification"].create(
            {
                "name": "Tour Certificate",
                "number": "TOUR-STOP-1",
                "issuer_id": cls.env["res.partner"].create({"name": "Tour Bureau"}).id,
                "issue_date": today,
                "expiry_date": today + timedelta(days=1000),
                "state": "active",
            }
        )
        cls.risk = cls.env["sales.qualification.risk"].create(
            {
                "name": "Tour policy risk",
                "category": "policy_change",
                "qualification_id": cls.qualification.id,
                "owner_id": cls.tour_user.id,
            }
        )
        service = cls.env["product.product"].create(
            {
                "name": "Tour Building Service",
                "type": "service",
                "qualification_id": cls.qualification.id,
            }
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.env["res.partner"]
                .create({"name": "Tour Customer"})
                .id,
                "user_id": cls.tour_user.id,
                "order_line": [(0, 0, {"product_id": service.id})],
            }
        )

    def test_risk_suspension_refused_order_and_resumption_in_the_browser(self):
        self.start_tour(
            "/odoo/action-sales_qualification.sales_qualification_risk_action",
            "sales_qualification_stop_selling_suspend",
            login="sq_stop_tour",
            timeout=120,
        )
        suspension = self.qualification.suspension_id
        self.assertRecordValues(
            suspension, [{"origin": "policy_change", "state": "suspended"}]
        )
        self.assertEqual(self.qualification.state, "suspended")
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "sales_qualification_stop_selling_order",
            login="sq_stop_tour",
            timeout=120,
        )
        self.assertEqual(self.order.state, "draft")
        self.start_tour(
            "/odoo/action-sales_qualification.sales_qualification_suspension_action",
            "sales_qualification_stop_selling_resume",
            login="sq_stop_tour",
            timeout=120,
        )
        self.assertEqual(suspension.state, "resumed")
        self.assertEqual(self.qualification.state, "active")
