# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import RepOverRpcMixin, SalesPolicySaleCommon


class OrderDiscountCommon(SalesPolicySaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.discount_product = cls.env["product.product"].create(
            {"name": "Discount", "type": "service", "list_price": 0.0}
        )
        cls.company.sale_discount_product_id = cls.discount_product

    def _discount_wizard(self, order, user, discount_type, value):
        field = (
            "discount_amount" if discount_type == "amount" else "discount_percentage"
        )
        return (
            self.env["sale.order.discount"]
            .with_user(user)
            .with_context(active_id=order.id)
            .create({"discount_type": discount_type, field: value})
        )

    def _confirmed(self, lines=None):
        order = self._order(lines=lines)
        self._submit_and_approve_all(order)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        return order


@tagged("post_install", "-at_install")
class TestOrderDiscounts(OrderDiscountCommon):
    """Discount lines and negative prices count against the price floor and
    the discount limits; a confirmed order is not priced below the policy."""

    # --- the floor after order-level discounts ---
    def test_global_discount_line_puts_the_order_below_floor(self):
        order = self._order()  # 2 x 100, floor 90
        # 15 % of 200 = 30 off: 170 / 2 = 85 a unit < 90
        self._discount_wizard(order, self.manager, "so_discount", 0.15).with_user(
            self.manager
        ).action_apply_discount()
        self.assertEqual(order.amount_untaxed, 170.0)
        pump = order.order_line.filtered(lambda line: line.product_id == self.product)
        self.assertRecordValues(
            pump, [{"sales_policy_below_floor": True, "sales_policy_floor_price": 90.0}]
        )
        self.assertEqual(order._sales_policy_orders_below_floor(), set(order.ids))
        order.with_user(self.rep).action_request_approval()
        self.assertIn(self.rule_floor, self._requests(order).rule_id)

    def test_fixed_amount_discount_puts_the_order_below_floor(self):
        order = self._order()
        # 200 - 25 = 175: 87.5 a unit < 90
        self._discount_wizard(order, self.manager, "amount", 25.0).with_user(
            self.manager
        ).action_apply_discount()
        self.assertEqual(order._sales_policy_orders_below_floor(), set(order.ids))
        # 200 - 20 = 180: 90 a unit, at the floor
        discount_line = order.order_line.filtered(lambda line: line.price_unit < 0)
        discount_line.with_user(self.manager).price_unit = -20.0
        self.assertEqual(order._sales_policy_orders_below_floor(), set())

    def test_product_without_floor_at_a_negative_price_counts_as_a_discount(self):
        # 2 x 95 = 190, a spare part at -15: (190 - 15) / 2 = 87.5 < 90;
        # the whole order's discount is 15 / 190 = 7.9 %, within the rep's 10 %
        order = self._order(
            lines=[(self.product, 2, 95.0), (self.product_free, 1, -15.0)]
        )
        self.assertEqual(order._sales_policy_orders_below_floor(), set(order.ids))
        self.assertTrue(order.order_line[0].sales_policy_below_floor)
        order.with_user(self.rep).action_request_approval()
        self.assertIn(self.rule_floor, self._requests(order).rule_id)

    def test_discount_rule_reads_the_whole_order_discount(self):
        rule = self.env["sales.policy.approval.rule"].create(
            {
                "name": "Discount above 5 %",
                "model_id": self.env["ir.model"]._get("sale.order").id,
                "metric": "discount",
                "metric_operator": ">",
                "metric_value": 5.0,
                "approver_type": "user",
                "approver_user_ids": [(6, 0, self.senior_manager.ids)],
            }
        )
        # 2 x 100 = 200 and -16: 8 % off the order, no line discount
        order = self._order(
            lines=[(self.product, 2, 100.0), (self.product_free, 1, -16.0)]
        )
        self.assertIn(rule.name, order.approval_pending_rules)

    # --- the discount limit on the whole order ---
    def test_rep_global_discount_above_the_limit_refused(self):
        order = self._order()
        lines = order.order_line
        for discount_type, value in (("so_discount", 0.15), ("amount", 30.0)):
            with self.subTest(discount_type=discount_type):
                wizard = self._discount_wizard(order, self.rep, discount_type, value)
                with self.assertRefused(ValidationError, "above your limit of 10"):
                    wizard.with_user(self.rep).action_apply_discount()
                self.assertEqual(order.order_line, lines)
        # 10 % is within the limit
        self._discount_wizard(order, self.rep, "so_discount", 0.10).with_user(
            self.rep
        ).action_apply_discount()
        self.assertEqual(order.amount_untaxed, 180.0)

    def test_rep_cannot_stack_a_line_discount_and_a_discount_line(self):
        order = self._order()
        order.order_line.with_user(self.rep).discount = 10.0
        # 200 - 10 % = 180, then -18: 162 of 200 = 19 % off
        with self.assertRefused(ValidationError, "above your limit of 10"):
            order.with_user(self.rep).write(
                {
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product_free.id,
                                "price_unit": -18.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ]
                }
            )
        self.assertEqual(len(order.order_line), 1)
        # a manager (limit 20 %) may
        order.with_user(self.manager).write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product_free.id, "price_unit": -18.0}
                    )
                ]
            }
        )
        self.assertEqual(len(order.order_line), 2)
        # the rep still edits what does not raise the discount: 3 pumps
        # instead of 2 (300 - 10 % - 18 = 252 of 300 = 16 % off)
        order.order_line[0].with_user(self.rep).product_uom_qty = 3

    # --- confirmed orders stay within the policy ---
    def test_rep_cannot_lower_a_confirmed_price_below_floor(self):
        order = self._confirmed()
        line = order.order_line
        with self.assertRefused(UserError, "is confirmed"):
            line.with_user(self.rep).price_unit = 85.0
        self.assertEqual(line.price_unit, 100.0)
        # at the floor or above is fine
        line.with_user(self.rep).price_unit = 90.0
        self.assertEqual(line.price_unit, 90.0)

    def test_discount_line_on_a_confirmed_order_below_floor_refused(self):
        order = self._confirmed()
        with self.assertRefused(UserError, "is confirmed"):
            order.with_user(self.manager).write(
                {
                    "order_line": [
                        Command.create(
                            {"product_id": self.product_free.id, "price_unit": -30.0}
                        )
                    ]
                }
            )
        self.assertEqual(len(order.order_line), 1)

    def test_line_approved_below_floor_stays_editable_once_confirmed(self):
        order = self._confirmed(lines=[(self.product, 2, 85.0)])
        self.assertIn(self.rule_floor, self._requests(order, "approved").rule_id)
        line = order.order_line
        order.with_user(self.rep).write(
            {"order_line": [Command.create({"product_id": self.product_free.id})]}
        )
        with self.assertRefused(UserError, "is confirmed"):
            line.with_user(self.rep).price_unit = 80.0
        self.assertEqual(line.price_unit, 85.0)


@tagged("post_install", "-at_install")
class TestOrderDiscountsRpc(RepOverRpcMixin, OrderDiscountCommon, HttpCase):
    def test_rep_negative_line_above_the_limit_refused_over_rpc(self):
        order = self._order()
        with self.assertRaisesRegex(xmlrpc.client.Fault, "above your limit of 10"):
            self._rpc(
                "sale.order.line",
                "create",
                {
                    "order_id": order.id,
                    "product_id": self.product_free.id,
                    "price_unit": -30.0,
                },
            )
        self.env.invalidate_all()
        self.assertEqual(len(order.order_line), 1)
        self.assertEqual(order.amount_untaxed, 200.0)

    def test_rep_cannot_lower_a_confirmed_price_over_rpc(self):
        # 2 x 95 = 190, floor 90; a -15 line is 7.9 % off (within the rep's
        # 10 %) but 87.5 a unit
        order = self._confirmed(lines=[(self.product, 2, 95.0)])
        line = order.order_line
        with self.assertRaisesRegex(xmlrpc.client.Fault, "is confirmed"):
            self._rpc("sale.order.line", "write", line.ids, {"price_unit": 85.0})
        with self.assertRaisesRegex(xmlrpc.client.Fault, "is confirmed"):
            self._rpc(
                "sale.order",
                "write",
                order.ids,
                {
                    "order_line": [
                        [
                            0,
                            0,
                            {"product_id": self.product_free.id, "price_unit": -15.0},
                        ]
                    ]
                },
            )
        self.env.invalidate_all()
        self.assertEqual(line.price_unit, 95.0)
        self.assertEqual(len(order.order_line), 1)
        self.assertEqual(order.amount_untaxed, 190.0)
