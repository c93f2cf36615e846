# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditHold(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the credit-hold rule takes part (the others are archived in common)
        cls.credit_rule = cls.env.ref(
            "sales_receivables.approval_rule_credit_hold_manager"
        )
        cls.credit_rule.active = True
        cls.company.sales_policy_allow_self_approval = False

    def _order(self, amount, partner=None, user=None):
        user = user or self.rep
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _set_credit(self, **vals):
        self.customer.with_user(self.manager)._sales_write_credit(vals)

    def test_exposure_is_open_receivables_plus_confirmed_not_invoiced(self):
        invoice = self._invoice(1000.0)
        self._invoice(200.0, move_type="out_refund")
        self._pay(invoice, 400.0)
        self._order(300.0).action_confirm()
        self._order(999.0)  # a quotation is no exposure
        # receivables 1000 - 400 paid - 200 credit note = 400; orders 300
        self.assertRecordValues(
            self.customer.with_user(self.rep),
            [
                {
                    "sales_credit_receivable": 400.0,
                    "sales_credit_to_invoice": 300.0,
                    "sales_credit_exposure": 700.0,
                }
            ],
        )
        self.assertEqual(self.customer_2.sales_credit_exposure, 0.0)

    def test_rep_confirm_over_limit_refused_until_manager_approves(self):
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        order = self._order(300.0)
        self.assertTrue(order.sales_credit_hold)
        # 800 open + 300 order - 1000 limit = 100 over
        with self.assertRefused(UserError, r"over its credit limit .* by .*100\.00"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
        order.with_user(self.rep).action_request_approval()
        request = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", order.id)])
        )
        self.assertEqual(request.rule_id, self.credit_rule)
        with self.assertRefused(UserError, "credit"):
            order.with_user(self.rep).action_confirm()
        request.with_user(self.manager).action_approve()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_order_within_limit_confirms(self):
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        # 800 + 200 = 1000: at the limit, not over it
        order = self._order(200.0)
        self.assertFalse(order.sales_credit_hold)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_escalated_customer_refused_whatever_the_amount(self):
        self.customer.sudo().sales_collection_status = "escalated"
        order = self._order(10.0)
        with self.assertRefused(UserError, "escalated for overdue invoices"):
            order.with_user(self.rep).action_confirm()

    def test_bad_credit_rating_refused(self):
        self._set_credit(sales_credit_rating="bad")
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        order = self._order(10.0, partner=contact)
        with self.assertRefused(UserError, "bad credit rating"):
            order.with_user(self.rep).action_confirm()

    def test_credit_hold_is_searchable_for_rule_domains(self):
        self._set_credit(sales_credit_limit=100.0)
        held = self._order(300.0)
        free = self._order(50.0, partner=self.customer_2, user=self.rep_2)
        SaleOrder = self.env["sale.order"]
        found = SaleOrder.search([("sales_credit_hold", "=", True)])
        self.assertIn(held, found)
        self.assertNotIn(free, found)
        self.assertIn(free, SaleOrder.search([("sales_credit_hold", "!=", True)]))

    def test_rep_cannot_change_credit_terms(self):
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).sales_credit_limit = 5000.0
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).sales_credit_rating = "good"

    def test_negative_credit_limit_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._set_credit(sales_credit_limit=-1.0)

    def test_manager_change_is_kept_in_history_with_reason(self):
        self._set_credit(sales_credit_limit=1000.0)
        action = self.customer.with_user(self.manager).action_sales_credit_change()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Two late payments", "credit_rating": "watch"})
        )
        wizard.credit_limit = 500.0
        wizard.action_apply()
        history = self.customer.sales_credit_history_ids.sorted("id")
        self.assertRecordValues(
            history,
            [
                {
                    "field_name": "sales_credit_limit",
                    "old_value": "0.0",
                    "new_value": "1000.0",
                    "user_id": self.manager.id,
                    "reason": False,
                },
                {
                    "field_name": "sales_credit_limit",
                    "old_value": "1000.0",
                    "new_value": "500.0",
                    "user_id": self.manager.id,
                    "reason": "Two late payments",
                },
                {
                    "field_name": "sales_credit_rating",
                    "old_value": "",
                    "new_value": "Watch",
                    "user_id": self.manager.id,
                    "reason": "Two late payments",
                },
            ],
        )
        # the owning rep reads its customer's history, another rep does not
        self.assertEqual(
            len(
                self.env["sales.credit.history"]
                .with_user(self.rep)
                .search([("partner_id", "=", self.customer.id)])
            ),
            3,
        )
        self.assertFalse(
            self.env["sales.credit.history"]
            .with_user(self.rep_2)
            .search([("partner_id", "=", self.customer.id)])
        )

    def test_over_limit_refused_when_no_credit_hold_rule_is_active(self):
        # the policy administrator archived the credit-hold rule: the hold
        # must not fail open, nobody could grant the approval
        self.credit_rule.active = False
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        order = self._order(300.0)
        # 800 open + 300 order - 1000 limit = 100 over
        with self.assertRefused(UserError, "no active credit-hold approval rule"):
            order.with_user(self.rep).action_confirm()
        with self.assertRefused(UserError, r"over its credit limit .* by .*100\.00"):
            order.with_user(self.manager).action_confirm()
        self.assertEqual(order.state, "draft")
        # an order within the limit still confirms without any rule
        free = self._order(200.0)  # 800 + 200 = 1000: at the limit
        free.with_user(self.rep).action_confirm()
        self.assertEqual(free.state, "sale")

    def test_escalated_customer_refused_when_no_credit_hold_rule_is_active(self):
        self.credit_rule.active = False
        self.customer.sudo().sales_collection_status = "legal"
        order = self._order(10.0)
        with self.assertRefused(UserError, "in legal recovery"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
