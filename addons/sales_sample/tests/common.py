# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    create_grading_policy,
)

SPEC = {
    "shape": "Disc, 50 mm",
    "physical_properties": "Whiteness 95 %",
    "function": "Filler trial",
    "quantity": 25.0,
    "lead_time_days": 10,
    "requested_date": "2031-03-01",
}


class SalesSampleCommon(SalesPolicyCommon):
    """Grades: A waived, B charged, C charged and refunded on the first order.

    ``rep`` works in ``team`` (led by ``manager``); the fee product costs
    200.00 without tax; one customer per grade, all of ``rep``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_policy_allow_self_approval = False
        create_grading_policy(
            cls.env,
            cls.company,
            sample_fee_a="waived",
            sample_fee_b="charged",
            sample_fee_c="refund_first_order",
        )
        cls.fee_product = cls.env["product.product"].create(
            {
                "name": "Test Sample Fee",
                "type": "service",
                "list_price": 200.0,
                "taxes_id": [(5, 0, 0)],
                "invoice_policy": "order",
            }
        )
        cls.company.sales_sample_fee_product_id = cls.fee_product
        cls.goods = cls.env["product.product"].create(
            {
                "name": "Calcium Carbonate 25 kg",
                "list_price": 100.0,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Sample Team",
                "user_id": cls.manager.id,
                "member_ids": [(6, 0, cls.rep.ids)],
            }
        )
        Partner = cls.env["res.partner"]
        cls.customer_a, cls.customer_b, cls.customer_c = Partner.create(
            [
                {
                    "name": f"Grade {grade.upper()} Buyer",
                    "is_company": True,
                    "user_id": cls.rep.id,
                    "sales_grade": grade,
                }
                for grade in ("a", "b", "c")
            ]
        )
        cls.ungraded = Partner.create(
            {"name": "New Buyer", "is_company": True, "user_id": cls.rep.id}
        )
        # only this module's rules on sample requests; nothing gates orders
        mine = cls.env.ref(
            "sales_sample.approval_rule_sample_fee_waiver"
        ) | cls.env.ref("sales_sample.approval_rule_sample_budget")
        cls.env["sales.policy.approval.rule"].search(
            [("id", "not in", mine.ids)]
        ).active = False
        cls.Request = cls.env["sales.sample.request"]

    def _request(self, customer=None, user=None, **values):
        vals = dict(SPEC, partner_id=(customer or self.customer_b).id)
        vals.update(values)
        return self.Request.with_user(user or self.rep).create(vals)

    def _accepted(self, request):
        request.with_user(self.rep).action_submit()
        request.with_user(self.technical_reviewer).action_accept()
        return request

    def _confirm(self, order):
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _order(self, customer, qty=10.0):
        return self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.goods.id,
                            "product_uom_qty": qty,
                            "price_unit": 100.0,
                            "tax_id": [(5, 0, 0)],
                        },
                    )
                ],
            }
        )
