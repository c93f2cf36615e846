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
                "metric": "discount",
                "metric_operator": ">",
                "metric_value": 5.0,
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

    def test_order_gate_judges_a_line_in_another_unit_in_that_unit(self):
        # floor 90 per unit is 1,080 per dozen: the gate (SQL for the common
        # case) must convert, as the line does
        dozen = self.env.ref("uom.product_uom_dozen")
        below = self._order(lines=[(self.product, 1, 1000.0)])
        below.order_line.write({"product_uom": dozen.id, "price_unit": 1000.0})
        above = self._order(lines=[(self.product, 1, 1100.0)])
        above.order_line.write({"product_uom": dozen.id, "price_unit": 1100.0})
        self.assertRecordValues(
            (below | above).order_line,
            [
                {"sales_policy_floor_price": 1080.0, "sales_policy_below_floor": True},
                {"sales_policy_floor_price": 1080.0, "sales_policy_below_floor": False},
            ],
        )
        self.assertEqual(
            (below | above)._sales_policy_orders_below_floor(), set(below.ids)
        )
        below.with_user(self.rep).action_request_approval()
        above.with_user(self.rep).action_request_approval()
        self.assertIn(self.rule_floor, self._requests(below).rule_id)
        self.assertNotIn(self.rule_floor, self._requests(above).rule_id)

    def test_order_gate_judges_an_order_in_another_currency_in_that_currency(self):
        # 1 company currency unit = 2 units of the order currency: floor 180
        currency = self.env["res.currency"].create(
            {"name": "SPX", "symbol": "X", "rounding": 0.01}
        )
        self.env["res.currency.rate"].create(
            {
                "currency_id": currency.id,
                "rate": 2.0,
                "name": "2020-01-01",
                "company_id": self.company.id,
            }
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "SPX prices", "currency_id": currency.id}
        )
        orders = self.env["sale.order"]
        for price in (170.0, 185.0):
            order = self._order(lines=[(self.product, 1, price)])
            order.pricelist_id = pricelist
            order.order_line.price_unit = price
            orders |= order
        self.assertEqual(orders.currency_id, currency)
        self.assertRecordValues(
            orders.order_line,
            [
                {"sales_policy_floor_price": 180.0, "sales_policy_below_floor": True},
                {"sales_policy_floor_price": 180.0, "sales_policy_below_floor": False},
            ],
        )
        self.assertEqual(orders._sales_policy_orders_below_floor(), set(orders[0].ids))

    def test_floor_snapshot_fingerprint_is_the_approval_fingerprint(self):
        # the gate takes the fingerprint from the floor query: it must be the
        # one stored on requests, or an approved order would read as edited
        empty = self._order()
        empty.order_line.unlink()
        orders = self._order(lines=[(self.product, 3, 85.0)]) | empty
        values, fingerprints = orders._approval_snapshot({"amount", "below_floor"})
        self.assertEqual(fingerprints, orders._approval_fingerprints())
        self.assertEqual(
            {oid: v["below_floor"] for oid, v in values.items()},
            {orders[0].id: True, empty.id: False},
        )
