# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestConfirmedEditCredit(SalesReceivablesCommon):
    """An edit raising a confirmed order over the customer's credit limit
    (SP-REC-04) is refused, or (company setting) reviewed and blocks
    invoicing until a manager approves it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_review = cls.env.ref(
            "sales_policy_sale.approval_rule_confirmed_edit_manager"
        )
        cls.rule_review.active = True
        cls.customer.with_user(cls.manager)._sales_write_credit(
            {"sales_credit_limit": 1000.0}
        )

    def _confirmed(self):
        """1 x 500 for the customer: exposure 500, within the limit of 1000.

        (Quantities are written with their price: Odoo would reprice the line
        from the product's list price, 100.)"""
        order = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 500.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _review_requests(self, order, state=None):
        domain = [
            ("res_model", "=", "sale.order"),
            ("res_id", "=", order.id),
            ("rule_id", "=", self.rule_review.id),
        ]
        if state:
            domain.append(("state", "=", state))
        return self.env["sales.policy.approval.request"].sudo().search(domain)

    def test_refuse_mode_refuses_an_edit_over_the_credit_limit(self):
        self.assertEqual(self.company.sales_policy_confirmed_edit_mode, "refuse")
        order = self._confirmed()
        line = order.order_line
        # 3 x 500 = 1500: exposure 1500, over the limit of 1000 by 500
        with self.assertRefused(
            UserError, r"over its credit limit.*by .*500.*SP-REC-04"
        ):
            line.with_user(self.rep).write({"product_uom_qty": 3, "price_unit": 500.0})
        with self.assertRefused(UserError, "credit limit"):
            line.with_user(self.rep).price_unit = 1200.0
        with self.assertRefused(UserError, "credit limit"):
            order.with_user(self.rep).write(
                {
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 600.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ]
                }
            )
        self.env.invalidate_all()
        self.assertRecordValues(line, [{"product_uom_qty": 1, "price_unit": 500.0}])
        self.assertEqual(len(order.order_line), 1)
        self.assertEqual(order.amount_untaxed, 500.0)
        self.assertFalse(order.sales_policy_edit_breaches)
        self.assertFalse(self._review_requests(order))
        # within the limit: 2 x 500 = 1000, at the limit
        line.with_user(self.rep).write({"product_uom_qty": 2, "price_unit": 500.0})
        self.assertEqual(order.amount_untaxed, 1000.0)

    def test_review_mode_blocks_invoicing_until_approved(self):
        self.company.sales_policy_confirmed_edit_mode = "review"
        order = self._confirmed()
        order.order_line.with_user(self.rep).write(
            {"product_uom_qty": 3, "price_unit": 500.0}
        )
        self.assertEqual(order.amount_untaxed, 1500.0)
        self.assertTrue(order.sales_policy_edit_review)
        self.assertRecordValues(
            order,
            [
                {
                    "sales_policy_edit_breaches": [
                        {
                            "check": "credit_limit",
                            "amount": 500.0,
                            "clause": "SP-REC-04",
                        }
                    ]
                }
            ],
        )
        self.assertEqual(len(self._review_requests(order, "pending")), 1)
        with self.assertRefused(UserError, "Invoicing refused.*SP-REC-04"):
            order._create_invoices()
        self.assertFalse(order.invoice_ids)
        order.with_user(self.manager).action_approval_approve()
        self.assertFalse(order.sales_policy_edit_review)
        order._create_invoices()
        self.assertEqual(len(order.invoice_ids), 1)

    def test_review_lifts_when_back_within_the_credit_limit(self):
        self.company.sales_policy_confirmed_edit_mode = "review"
        order = self._confirmed()
        line = order.order_line
        line.with_user(self.rep).price_unit = 1200.0
        self.assertTrue(order.sales_policy_edit_review)
        self.assertTrue(order._get_approval_values()[order.id]["confirmed_edit_breach"])
        # back to the amount before the edit: the breach no longer holds
        line.with_user(self.rep).price_unit = 500.0
        self.assertFalse(order.sales_policy_edit_review)
        self.assertFalse(
            order._get_approval_values()[order.id]["confirmed_edit_breach"]
        )
        order._create_invoices()

    def test_edit_lowering_the_amount_is_accepted_in_both_modes(self):
        for mode in ("refuse", "review"):
            with self.subTest(mode=mode):
                self.company.sales_policy_confirmed_edit_mode = mode
                order = self._confirmed()
                # the limit drops under the exposure: 300 < 500 (+ the
                # orders of the earlier rounds)
                self.customer.with_user(self.manager)._sales_write_credit(
                    {"sales_credit_limit": 300.0}
                )
                order.order_line.with_user(self.rep).price_unit = 400.0
                self.assertEqual(order.amount_untaxed, 400.0)
                self.assertFalse(order.sales_policy_edit_breaches)
                self.assertFalse(order.sales_policy_edit_review)
                self.assertFalse(self._review_requests(order))
                self.customer.with_user(self.manager)._sales_write_credit(
                    {"sales_credit_limit": 100000.0}
                )
