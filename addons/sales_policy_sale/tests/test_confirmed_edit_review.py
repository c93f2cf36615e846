# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import ConfirmedEditCommon, RepOverRpcMixin


@tagged("post_install", "-at_install")
class TestConfirmedEditReview(ConfirmedEditCommon):
    """An edit of a confirmed order beyond the policy is refused, or (company
    setting) saved and reviewed, blocking invoicing until decided."""

    def test_refuse_mode_is_the_default_and_refuses_as_before(self):
        self.assertEqual(self.company.sales_policy_confirmed_edit_mode, "refuse")
        order = self._confirmed()
        with self.assertRefused(UserError, "is confirmed"):
            order.order_line.with_user(self.rep).price_unit = 85.0
        with self.assertRefused(ValidationError, "above your limit of 10"):
            order.order_line.with_user(self.rep).discount = 15.0
        self.assertEqual(order.order_line.price_unit, 100.0)
        self.assertFalse(order.sales_policy_edit_breaches)
        self.assertFalse(order.sales_policy_edit_review)
        self.assertFalse(self._review_requests(order))

    def test_rep_price_below_floor_is_reviewed_and_blocks_invoicing(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 85.0
        self.assertEqual(order.order_line.price_unit, 85.0)
        self.assertTrue(order.sales_policy_edit_review)
        self.assertEqual(len(self._review_requests(order, "pending")), 1)
        self.assertIn("SP-PRC-01", order.message_ids[:2].mapped("body")[-1])
        with self.assertRefused(UserError, r"Invoicing refused .*SP-APP-07"):
            order._create_invoices()
        with self.assertRefused(UserError, "Invoicing refused"):
            self._invoice_wizard(order).create_invoices()
        self.assertFalse(order.invoice_ids)
        # a sales manager approves: invoicing goes on
        order.with_user(self.manager).action_approval_approve()
        self.assertEqual(len(self._review_requests(order, "approved")), 1)
        self.assertFalse(order.sales_policy_edit_review)
        self._invoice_wizard(order).create_invoices()
        self.assertEqual(len(order.invoice_ids), 1)

    def test_down_payment_waits_for_the_review_whatever_the_caller_passes(self):
        # Odoo's down-payment path invoices the wizard's own orders and ignores
        # the argument of _create_invoices, which Odoo's own tests pass as a
        # dict: the review check reads the wizard's orders (it failed with an
        # AttributeError on the dict before).
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 85.0
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 50.0})
        )
        with self.assertRefused(UserError, "Invoicing refused"):
            wizard._create_invoices({"sale_orders": {"active_ids": order.ids}})
        self.assertFalse(order.invoice_ids)
        order.with_user(self.manager).action_approval_approve()
        invoice = wizard._create_invoices({"sale_orders": {"active_ids": order.ids}})
        self.assertEqual(invoice.line_ids.sale_line_ids.order_id, order)

    def test_rep_discount_over_the_limit_is_reviewed(self):
        self._review_mode()
        order = self._confirmed(lines=[(self.product_free, 10, 10.0)])
        # a 15 % line discount, above the rep's 10 % (no floor on the product)
        order.order_line.with_user(self.rep).discount = 15.0
        self.assertEqual(order.order_line.discount, 15.0)
        self.assertTrue(order.sales_policy_edit_review)
        # the line's discount, and the order's (the line is all of it)
        self.assertEqual(
            {breach["check"] for breach in order.sales_policy_edit_breaches},
            {"line_discount", "discount"},
        )
        self.assertTrue(self._review_requests(order, "pending"))
        # back to the limit: nothing is left to review
        order.order_line.with_user(self.rep).discount = 10.0
        self.assertFalse(order.sales_policy_edit_review)

    def test_rep_discount_line_over_the_limit_is_reviewed(self):
        self._review_mode()
        order = self._confirmed(lines=[(self.product_free, 10, 10.0)])
        # 100 - 15 = 85: 15 % off the order, above the rep's 10 %
        order.with_user(self.rep).write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product_free.id, "price_unit": -15.0}
                    )
                ]
            }
        )
        self.assertEqual(order.amount_untaxed, 85.0)
        self.assertEqual(order.sales_policy_edit_breaches[0]["check"], "discount")
        self.assertTrue(order.sales_policy_edit_review)
        with self.assertRefused(UserError, "Invoicing refused"):
            order._create_invoices()

    def test_quotations_are_not_reviewed_in_review_mode(self):
        self._review_mode()
        order = self._order()
        with self.assertRefused(ValidationError, "above your limit of 10"):
            order.order_line.with_user(self.rep).discount = 15.0
        order.order_line.with_user(self.rep).price_unit = 85.0
        self.assertFalse(self._review_requests(order))
        self.assertFalse(order.sales_policy_edit_review)

    def test_edit_within_the_policy_is_not_reviewed(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).write(
            {"price_unit": 95.0, "product_uom_qty": 3}
        )
        self.assertFalse(order.sales_policy_edit_breaches)
        self.assertFalse(self._review_requests(order))
        self.assertEqual(order.approval_status, "none")
        order._create_invoices()

    def test_further_edit_after_approval_reopens_the_review(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 85.0
        order.with_user(self.manager).action_approval_approve()
        self.assertFalse(order.sales_policy_edit_review)
        # any further edit outdates the approval of the order as it was
        order.order_line.with_user(self.rep).product_uom_qty = 3
        self.assertTrue(order.sales_policy_edit_review)
        self.assertEqual(len(self._review_requests(order, "outdated")), 1)
        self.assertEqual(len(self._review_requests(order, "pending")), 1)
        self.assertEqual(order.with_user(self.rep).approval_status, "pending")
        with self.assertRefused(UserError, "Invoicing refused"):
            order._create_invoices()

    def test_rejected_edit_blocks_until_back_within_the_policy(self):
        self._review_mode()
        order = self._confirmed()
        line = order.order_line
        line.with_user(self.rep).price_unit = 85.0
        order.with_user(self.manager).action_approval_reject()
        self.assertEqual(order.with_user(self.rep).approval_status, "rejected")
        self.assertTrue(order.sales_policy_edit_review)
        # still below the floor: still blocked, reviewed again
        line.with_user(self.rep).price_unit = 88.0
        self.assertTrue(order.sales_policy_edit_review)
        # at the floor: no breach remains, the block lifts
        line.with_user(self.rep).price_unit = 90.0
        self.assertFalse(order.sales_policy_edit_review)
        order._create_invoices()
        self.assertEqual(len(order.invoice_ids), 1)

    def test_price_approved_below_floor_before_confirmation_is_the_reference(self):
        self._review_mode()
        order = self._confirmed(lines=[(self.product, 2, 85.0)])
        line = order.order_line
        self.assertFalse(order.sales_policy_edit_review)
        line.with_user(self.rep).price_unit = 80.0
        self.assertTrue(order.sales_policy_edit_review)
        self.assertEqual(order.sales_policy_edit_breaches[0]["net"], 85.0)
        # back to the price approved before confirmation (still below floor)
        line.with_user(self.rep).price_unit = 85.0
        self.assertFalse(order.sales_policy_edit_review)

    def test_rep_cannot_approve_their_own_edit(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 85.0
        with self.assertRefused(UserError, "waits for your decision"):
            order.with_user(self.rep).action_approval_approve()
        request = self._review_requests(order, "pending")
        with self.assertRefused(UserError, "not an approver"):
            request.with_user(self.rep).action_approve()
        with self.assertRefused(UserError, "change only through"):
            order.with_user(self.rep).sales_policy_edit_breaches = []
        self.assertTrue(order.sales_policy_edit_review)

    def test_without_an_active_review_rule_the_edit_is_refused(self):
        self._review_mode()
        self.rule_review.active = False
        order = self._confirmed()
        with self.assertRefused(UserError, "is confirmed"):
            order.order_line.with_user(self.rep).price_unit = 85.0
        self.assertEqual(order.order_line.price_unit, 100.0)
        self.assertFalse(order.sales_policy_edit_breaches)

    def test_a_copy_of_an_order_under_review_starts_clean(self):
        self._review_mode()
        order = self._confirmed()
        order.order_line.with_user(self.rep).price_unit = 85.0
        copy = order.with_user(self.rep).copy()
        self.assertFalse(copy.sales_policy_edit_breaches)

    def test_the_setting_is_in_the_sales_policy_settings(self):
        settings = self.env["res.config.settings"].create(
            {"sales_policy_confirmed_edit_mode": "review"}
        )
        settings.execute()
        self.assertEqual(self.env.company.sales_policy_confirmed_edit_mode, "review")


@tagged("post_install", "-at_install")
class TestConfirmedEditReviewRpc(RepOverRpcMixin, ConfirmedEditCommon, HttpCase):
    def test_rep_cannot_clear_the_review_over_rpc(self):
        self._review_mode()
        order = self._confirmed()
        line = order.order_line
        self._rpc("sale.order.line", "write", line.ids, {"price_unit": 85.0})
        self.env.invalidate_all()
        self.assertTrue(order.sales_policy_edit_review)
        request = self._review_requests(order, "pending")
        self.assertTrue(request)
        with self.assertFault("change only through"):
            self._rpc(
                "sale.order", "write", order.ids, {"sales_policy_edit_breaches": []}
            )
        with self.assertFault("waits for your decision"):
            self._rpc("sale.order", "action_approval_approve", order.ids)
        with self.assertFault("not an approver"):
            self._rpc("sales.policy.approval.request", "action_approve", request.ids)
        with self.assertFault("change only through Approve"):
            self._rpc(
                "sales.policy.approval.request",
                "write",
                request.ids,
                {"state": "approved"},
            )
        # an approved request of the order as it is now, made by hand
        with self.assertFault("not allowed|cannot be created by hand"):
            self._rpc(
                "sales.policy.approval.request",
                "create",
                {
                    "rule_id": self.rule_review.id,
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "state": "approved",
                    "fingerprint": order._approval_fingerprints()[order.id],
                },
            )
        with self.assertFault("Private methods"):
            self._rpc("sale.order", "_sales_policy_refresh_edit_review", order.ids)
        self.env.invalidate_all()
        self.assertTrue(
            self._rpc("sale.order", "read", order.ids, ["sales_policy_edit_review"])[0][
                "sales_policy_edit_review"
            ]
        )
        self.assertEqual(request.state, "pending")
        self.assertTrue(order.sales_policy_edit_review)
        with self.assertRaisesRegex(UserError, "Invoicing refused"):
            order._create_invoices()
