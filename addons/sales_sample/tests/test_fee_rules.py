# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleFeeRules(SalesSampleCommon):
    def test_new_request_fee_defaults_to_fee_product_price(self):
        self.assertEqual(self._request().fee_amount, 200.0)

    def test_grade_a_fee_waived_no_quotation(self):
        request = self._accepted(self._request(self.customer_a))
        self.assertRecordValues(
            request,
            [{"state": "accepted", "fee_rule": "waived", "fee_order_id": False}],
        )

    def test_grade_b_fee_charged_on_a_quotation(self):
        request = self._request(self.customer_b)
        request.with_user(self.manager).fee_amount = 350.0
        self._accepted(request)
        order = request.fee_order_id
        self.assertEqual(request.fee_rule, "charged")
        # one line: 1 x 350.00, no tax -> 350.00
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": self.customer_b.id,
                    "state": "draft",
                    "user_id": self.rep.id,
                    "amount_untaxed": 350.0,
                    "amount_total": 350.0,
                    "origin": request.name,
                }
            ],
        )
        self.assertEqual(order.order_line.product_id, self.fee_product)
        # a charged fee is never refunded
        self._confirm(order)
        later = self._confirm(self._order(self.customer_b))
        self.assertEqual(later.amount_untaxed, 1000.0)
        self.assertFalse(request.fee_refund_order_id)

    def test_grade_c_fee_charged_then_refunded_on_first_order(self):
        request = self._request(self.customer_c)
        request.with_user(self.manager).fee_amount = 350.0
        self._accepted(request)
        self.assertEqual(request.fee_rule, "refund_first_order")
        fee_order = request.fee_order_id
        self.assertEqual(fee_order.amount_untaxed, 350.0)
        # an order confirmed before the fee was charged does not refund it
        early = self._confirm(self._order(self.customer_c))
        self.assertEqual(early.amount_untaxed, 1000.0)
        self.assertFalse(request.fee_refund_order_id)
        self._confirm(fee_order)
        # the fee quotation itself got no credit line
        self.assertEqual(fee_order.amount_untaxed, 350.0)
        first = self._confirm(self._order(self.customer_c))
        # 10 x 100.00 = 1,000.00, minus the 350.00 refund = 650.00
        self.assertEqual(first.amount_untaxed, 650.0)
        refund_line = first.order_line.filtered(lambda line: line.price_unit < 0)
        self.assertRecordValues(
            refund_line,
            [{"product_id": self.fee_product.id, "price_subtotal": -350.0}],
        )
        self.assertEqual(request.fee_refund_order_id, first)
        # refunded once: the second order keeps its full amount
        second = self._confirm(self._order(self.customer_c))
        self.assertEqual(second.amount_untaxed, 1000.0)

    def test_customer_without_grade_is_charged(self):
        request = self._accepted(self._request(self.ungraded))
        self.assertEqual(request.fee_rule, "charged")
        # default fee: the fee product's price, 200.00
        self.assertEqual(request.fee_order_id.amount_untaxed, 200.0)

    def test_grade_b_waiver_approved_by_manager_waives_the_fee(self):
        request = self._request(self.customer_b, fee_waiver_requested=True)
        with self.assertRefused(Exception, "must approve it first"):
            request.with_user(self.rep).action_submit()
        request.with_user(self.rep).action_request_approval()
        self.assertEqual(request.approval_status, "pending")
        request.with_user(self.manager).action_approval_approve()
        self._accepted(request)
        self.assertRecordValues(
            request, [{"fee_rule": "waived", "fee_order_id": False}]
        )

    def test_grade_a_waiver_needs_no_approval(self):
        request = self._request(self.customer_a, fee_waiver_requested=True)
        request.with_user(self.rep).action_submit()
        self.assertEqual(request.state, "submitted")
