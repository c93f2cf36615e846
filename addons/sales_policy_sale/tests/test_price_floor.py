# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestPriceFloor(SalesPolicySaleCommon):
    def test_line_below_minimum_ex_factory_price_needs_floor_approval(self):
        # 85 < minimum ex-factory 90
        order = self._order(lines=[(self.product, 1, 85.0)])
        self.assertRecordValues(
            order.order_line,
            [
                {
                    "sales_policy_floor_price": 90.0,
                    "sales_policy_below_floor": True,
                    "sales_policy_floor_state": "below",
                }
            ],
        )
        order.with_user(self.rep).action_request_approval()
        self.assertIn(self.rule_floor, self._requests(order).rule_id)

    def test_discount_counts_against_the_floor(self):
        # 100 - 15 % = 85 < 90
        order = self._order(user=self.manager)
        order.order_line.with_user(self.manager).discount = 15.0
        self.assertTrue(order.order_line.sales_policy_below_floor)

    def test_distributor_has_the_distributor_floor(self):
        # distributor floor 80: 85 is above it
        order = self._order(partner=self.distributor, lines=[(self.product, 1, 85.0)])
        self.assertRecordValues(
            order.order_line,
            [{"sales_policy_floor_price": 80.0, "sales_policy_below_floor": False}],
        )
        order.with_user(self.rep).action_request_approval()
        self.assertNotIn(self.rule_floor, self._requests(order).rule_id)

    def test_distributor_pricelist_has_the_distributor_floor(self):
        pricelist = self.env["product.pricelist"].create(
            {"name": "Distributors", "sales_policy_distributor": True}
        )
        order = self._order(lines=[(self.product, 1, 85.0)])
        order.pricelist_id = pricelist
        order.order_line.price_unit = 85.0
        self.assertEqual(order.order_line.sales_policy_floor_price, 80.0)

    def test_variant_floor_overrides_the_product_floor(self):
        self.product.sales_policy_variant_min_price = 95.0
        order = self._order(lines=[(self.product, 1, 92.0)])
        self.assertRecordValues(
            order.order_line,
            [{"sales_policy_floor_price": 95.0, "sales_policy_below_floor": True}],
        )

    def test_product_without_floor_is_never_below(self):
        order = self._order(lines=[(self.product_free, 1, 0.01)])
        self.assertEqual(order.order_line.sales_policy_floor_state, "none")

    def test_reversed_price_tiers_refused(self):
        with self.assertRefused(ValidationError, "ordered"):
            self.product.product_tmpl_id.sales_policy_distributor_min_price = 95.0
        with self.assertRefused(ValidationError, "ordered"):
            self.product.sales_policy_variant_min_price = 130.0
        with self.assertRefused(ValidationError, "ordered"):
            self.product.product_tmpl_id.sales_policy_min_price = -1.0
        self.env.invalidate_all()  # read what the database kept
        self.assertEqual(self.product.sales_policy_min_price, 90.0)

    def test_rep_discount_above_the_limit_refused(self):
        # salesperson limit 10 %, manager 20 %
        order = self._order()
        with self.assertRefused(ValidationError, "above your limit of 10"):
            order.order_line.with_user(self.rep).discount = 15.0
        order.order_line.with_user(self.rep).discount = 10.0
        order.order_line.with_user(self.manager).discount = 15.0
        self.assertEqual(order.order_line.discount, 15.0)
        with self.assertRefused(ValidationError, "above your limit of 20"):
            order.order_line.with_user(self.manager).discount = 25.0

    def test_discount_rule_threshold(self):
        rule = self.env["sales.policy.approval.rule"].create(
            {
                "name": "Discount above 5 %",
                "model_id": self.env["ir.model"]._get("sale.order").id,
                "discount_above": 5.0,
                "approver_type": "user",
                "approver_user_ids": [(6, 0, self.senior_manager.ids)],
            }
        )
        order = self._order()
        order.order_line.with_user(self.rep).discount = 8.0
        order.with_user(self.rep).action_request_approval()
        self.assertIn(rule, self._requests(order).rule_id)
        order_2 = self._order()
        order_2.with_user(self.rep).action_request_approval()
        self.assertNotIn(rule, self._requests(order_2).rule_id)
