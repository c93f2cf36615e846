# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sales_qualification.tests.common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestContractFinance(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for xmlid in (
            "sales_policy_sale.approval_rule_contract_legal",
            "sales_qualification_sale.approval_rule_qualification_contract_finance",
        ):
            cls.env.ref(xmlid).active = True
        customer = cls.env["res.partner"].create(
            {"name": "Customer Ltd", "user_id": cls.rep.id}
        )
        qualified = cls.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "qualification_id": cls.active_qualification.id,
            }
        )
        plain = cls.env["product.product"].create({"name": "Plain", "type": "service"})
        cls.orders = {
            name: cls.env["sale.order"]
            .with_user(cls.rep)
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": cls.rep.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
            )
            for name, product in (("qualified", qualified), ("plain", plain))
        }

    def test_qualification_service_contract_needs_finance_and_legal(self):
        order = self.orders["qualified"].with_user(self.rep)
        order.action_request_approval()
        with self.assertRefused(UserError, "finance"):
            order.action_confirm()
        order.with_user(self.legal_reviewer).action_approval_approve()
        with self.assertRefused(UserError, "finance"):
            order.action_confirm()
        order.with_user(self.finance_reviewer).action_approval_approve()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_other_contracts_need_legal_only(self):
        order = self.orders["plain"].with_user(self.rep)
        order.action_request_approval()
        order.with_user(self.legal_reviewer).action_approval_approve()
        order.action_confirm()
        self.assertEqual(order.state, "sale")
