# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sales_policy_sale.tests.common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestQualificationWithApprovals(SalesPolicySaleCommon):
    """An approved contract still may not sell a qualification about to expire."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_qualification_min_validity_days = 90
        today = fields.Date.context_today(cls.env.user)
        issuer = cls.env["res.partner"].create(
            {"name": "Cross Licensing Bureau", "is_company": True}
        )
        cls.qualification = cls.env["sales.qualification"].create(
            {
                "name": "Grade I Contractor",
                "number": "CROSS-1",
                "issuer_id": issuer.id,
                "issue_date": today - timedelta(days=300),
                "expiry_date": today + timedelta(days=400),
                "custodian_id": cls.manager.id,
                "location": "Safe B",
                "state": "active",
            }
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Grade I Building Service",
                "type": "service",
                "list_price": 1000.0,
                "taxes_id": [Command.clear()],
                "qualification_id": cls.qualification.id,
            }
        )

    def _approved_order(self):
        order = self._order(lines=[(self.service, 1, 1000.0)])
        self._submit_and_approve_all(order)
        self.assertEqual(order.approval_status, "approved")
        return order

    def test_approved_order_on_a_valid_qualification_is_confirmed(self):
        order = self._approved_order()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.sudo().qualification_followup_ids)

    def test_approvals_do_not_override_a_qualification_expiring_too_soon(self):
        order = self._approved_order()
        # 30 days of validity left, the company requires 90
        self.qualification.expiry_date = fields.Date.context_today(
            self.env.user
        ) + timedelta(days=30)
        with self.assertRaisesRegex(UserError, "CROSS-1|Grade I Contractor"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.sudo().qualification_followup_ids)
