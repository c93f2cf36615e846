# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestPortalGate(SalesPolicySaleCommon):
    """An unapproved quotation reaches the customer by no side door: portal
    acceptance, pay-to-accept, online payment, a payment link, preview, share
    or a chatter message with the quotation's link."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        method = cls.env.ref("payment.payment_method_unknown")
        cls.provider = cls.env["payment.provider"].create(
            {
                "name": "Policy Test Provider",
                "code": "none",
                "state": "test",
                "payment_method_ids": [Command.set(method.ids)],
            }
        )
        method.active = True  # once a provider supports it
        cls.payment_method = method

    def _transaction(self, order, reference):
        return (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": self.provider.id,
                    "payment_method_id": self.payment_method.id,
                    "reference": reference,
                    "amount": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": order.partner_id.id,
                    "sale_order_ids": [Command.set(order.ids)],
                }
            )
        )

    def test_customer_cannot_sign_before_the_contract_review(self):
        order = self._order()
        order.require_signature = True
        self.assertFalse(order.sudo()._has_to_be_signed())
        self._submit_and_approve_all(order)
        self.assertTrue(order.sudo()._has_to_be_signed())

    def test_pay_to_accept_without_signature_waits_for_approval(self):
        order = self._order()
        order.write({"require_signature": False, "require_payment": True})
        # 2 x 100 = 200 untaxed, no tax: there is something to pay
        self.assertEqual(order.amount_total, 200.0)
        self.assertFalse(order.sudo()._has_to_be_paid())
        self._submit_and_approve_all(order)
        self.assertTrue(order.sudo()._has_to_be_paid())

    def test_online_payment_of_an_unapproved_quotation_refused(self):
        order = self._order()
        with self.assertRefused(UserError, "Online payment refused"):
            self._transaction(order, "POLICY-TX-1")
        self.assertFalse(order.transaction_ids)
        self._submit_and_approve_all(order)
        self.assertTrue(self._transaction(order, "POLICY-TX-2"))

    def test_payment_of_an_order_edited_meanwhile_does_not_confirm_it(self):
        order = self._order()
        self._submit_and_approve_all(order)
        transaction = self._transaction(order, "POLICY-TX-3")
        # the rep changes the payment terms while the customer pays
        order.with_user(self.rep).payment_term_id = self.env[
            "account.payment.term"
        ].create({"name": "Policy 45 days"})
        transaction.state = "done"
        transaction._check_amount_and_confirm_order()
        self.assertEqual(order.state, "draft")
        self.assertIn(
            "Payment received, but the order waits for approval",
            " ".join(order.message_ids.mapped("preview")),
        )

    def test_preview_refused_until_approved(self):
        order = self._order().with_user(self.rep)
        with self.assertRefused(UserError, "Customer preview refused"):
            order.action_preview_sale_order()
        self._submit_and_approve_all(order)
        self.assertIn("access_token", order.action_preview_sale_order()["url"])

    def test_share_wizard_refused_until_approved(self):
        order = self._order()
        Share = (
            self.env["portal.share"]
            .with_user(self.rep)
            .with_context(active_model="sale.order", active_id=order.id)
        )
        with self.assertRefused(UserError, "Sharing refused"):
            Share.default_get(["res_model", "res_id", "share_link"])
        # created over RPC (by a user allowed to share) without the wizard's
        # defaults: no link, no email
        wizard = self.env["portal.share"].create(
            {
                "res_model": "sale.order",
                "res_id": order.id,
                "partner_ids": [Command.set(self.customer.ids)],
            }
        )
        self.assertFalse(wizard.share_link)
        with self.assertRefused(UserError, "Sharing refused"):
            wizard.action_send_mail()
        self._submit_and_approve_all(order)
        self.assertTrue(Share.default_get(["share_link"]).get("share_link"))

    def test_payment_link_refused_until_approved(self):
        order = self._order()
        Wizard = (
            self.env["payment.link.wizard"]
            .with_user(self.rep)
            .with_context(active_model="sale.order", active_id=order.id)
        )
        with self.assertRefused(UserError, "Payment link refused"):
            Wizard.default_get(["res_model", "res_id", "amount"])
        # created over RPC without the wizard's defaults: no link, a warning
        wizard = (
            self.env["payment.link.wizard"]
            .with_user(self.rep)
            .create(
                {
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "amount": order.amount_total,
                    "amount_max": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": order.partner_id.id,
                }
            )
        )
        self.assertFalse(wizard.link)
        self.assertIn("waits for approval", wizard.warning_message)
        self._submit_and_approve_all(order)
        defaults = Wizard.default_get(["res_model", "res_id", "amount"])
        self.assertEqual(defaults["res_id"], order.id)
        # (the link itself is signed within an HTTP request: not computed here)
        wizard = Wizard.create(defaults)
        self.assertFalse(wizard._sales_policy_unapproved())
        self.assertFalse(wizard.warning_message)

    def test_chatter_message_carries_no_link_before_approval(self):
        order = self._order()

        def customer_button(order):
            groups = order._notify_get_recipients_groups(
                self.env["mail.message"], False
            )
            return dict((g[0], g[2]) for g in groups)["portal_customer"][
                "has_button_access"
            ]

        self.assertFalse(customer_button(order))
        self._submit_and_approve_all(order)
        self.assertTrue(customer_button(order))
