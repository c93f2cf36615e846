# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestConfirmedEditPrice(ShowroomCommon):
    """An edit of a confirmed showroom contract below the price agreed on its
    booking (SP-SHR-05) is refused, or (company setting of sales_policy_sale)
    reviewed and blocks invoicing until a manager approves it."""

    def _contract(self, unit=None):
        """Unit 101 (or ``unit``) sold at its agreed price, its list price."""
        unit = unit or self.unit_101
        booking = unit.with_user(self.rep).hold(self.customer)
        booking.with_user(self.rep).subscribe(10_000.0)
        booking.with_user(self.rep).action_create_sale_order()
        order = booking.sale_order_id
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(booking.agreed_price, unit.list_price)
        return order

    def _review_mode(self):
        self.company.sales_policy_confirmed_edit_mode = "review"
        self.rule_review = self.env.ref(
            "sales_policy_sale.approval_rule_confirmed_edit_manager"
        )
        self.rule_review.active = True
        if not self.company.chart_template:
            # invoices need accounts and a sales journal
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=self.company, install_demo=False
            )

    def test_refuse_mode_refuses_a_price_below_the_agreed_one(self):
        order = self._contract()
        line = order.order_line
        with self.assertRefused(UserError, r"below the price .*agreed.*SP-SHR-05"):
            line.with_user(self.rep).price_unit = 950_000.0
        with self.assertRefused(UserError, "SP-SHR-05"):
            line.with_user(self.rep).discount = 5.0
        self.env.invalidate_all()
        self.assertRecordValues(line, [{"price_unit": 1_000_000.0, "discount": 0.0}])
        self.assertEqual(order.amount_untaxed, 1_000_000.0)
        if "sales_policy_edit_breaches" in order._fields:
            self.assertFalse(order.sales_policy_edit_breaches)

    def test_review_mode_blocks_invoicing_until_approved(self):
        self._review_mode()
        order = self._contract()
        order.order_line.with_user(self.rep).price_unit = 950_000.0
        self.assertEqual(order.amount_untaxed, 950_000.0)
        self.assertTrue(order.sales_policy_edit_review)
        self.assertEqual(
            order.sales_policy_edit_breaches,
            [{"check": "showroom_price", "clause": "SP-SHR-05"}],
        )
        with self.assertRefused(UserError, "Invoicing refused.*SP-SHR-05"):
            order._create_invoices()
        self.assertFalse(order.invoice_ids)
        order.with_user(self.manager).action_approval_approve()
        self.assertFalse(order.sales_policy_edit_review)
        order._create_invoices()
        self.assertEqual(len(order.invoice_ids), 1)

    def test_review_lifts_when_back_at_the_agreed_price(self):
        self._review_mode()
        order = self._contract()
        line = order.order_line
        line.with_user(self.rep).price_unit = 950_000.0
        self.assertTrue(order.sales_policy_edit_review)
        line.with_user(self.rep).price_unit = 1_000_000.0
        self.assertFalse(order.sales_policy_edit_review)
        self.assertFalse(
            order._get_approval_values()[order.id]["confirmed_edit_breach"]
        )

    def test_edit_lowering_the_amount_above_the_agreed_price_is_accepted(self):
        for mode, unit in (("refuse", self.unit_101), ("review", self.unit_102)):
            with self.subTest(mode=mode):
                if mode == "review":
                    self._review_mode()
                order = self._contract(unit)
                line = order.order_line
                line.with_user(self.rep).price_unit = unit.list_price + 100_000.0
                # lower again, down to the agreed price (the list price)
                line.with_user(self.rep).price_unit = unit.list_price
                self.assertEqual(order.amount_untaxed, unit.list_price)
                if "sales_policy_edit_review" in order._fields:
                    self.assertFalse(order.sales_policy_edit_breaches)
                    self.assertFalse(order.sales_policy_edit_review)
