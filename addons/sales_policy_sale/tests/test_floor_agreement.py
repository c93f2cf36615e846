# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from odoo import Command
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tools.floor_math import pick_floor

from ..tools.floor_math import effective_discount, judge_lines
from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestFloorAgreement(SalesPolicySaleCommon):
    """The price floor has one definition (``tools/floor_math.py``): the
    line's badge and the order's gate (one SQL query) say the same."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.currency = cls.env["res.currency"].create(
            {"name": "SPY", "symbol": "Y", "rounding": 0.01}
        )
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.currency.id,
                "rate": 2.0,
                "name": "2020-01-01",
                "company_id": cls.company.id,
            }
        )
        cls.pricelists = cls.env["product.pricelist"].create(
            [
                {"name": "Agreement prices"},
                {"name": "Agreement SPY prices", "currency_id": cls.currency.id},
                {"name": "Agreement distributors", "sales_policy_distributor": True},
            ]
        )
        size = cls.env["product.attribute"].create(
            {
                "name": "Agreement Size",
                "value_ids": [
                    Command.create({"name": "S"}),
                    Command.create({"name": "M"}),
                ],
            }
        )
        valve = cls.env["product.template"].create(
            {
                "name": "Valve",
                "list_price": 70.0,
                "sales_policy_market_price": 100.0,
                "sales_policy_min_price": 50.0,
                "sales_policy_distributor_min_price": 40.0,
                "taxes_id": [Command.clear()],
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": size.id,
                            "value_ids": [Command.set(size.value_ids.ids)],
                        }
                    )
                ],
            }
        )
        cls.valve_s, cls.valve_m = valve.product_variant_ids
        cls.valve_m.write(
            {
                "sales_policy_variant_min_price": 60.0,
                "sales_policy_variant_distributor_min_price": 45.0,
            }
        )
        cls.units = cls.env.ref("uom.product_uom_unit")
        cls.dozen = cls.env.ref("uom.product_uom_dozen")

    def _random_orders(self, rng, count):
        partners = [self.customer, self.distributor]
        products = [self.product, self.valve_s, self.valve_m, self.product_free]
        vals_list = []
        for _i in range(count):
            lines = []
            for _j in range(rng.randint(1, 4)):
                product = rng.choice(products)
                uom = rng.choice([self.units, self.units, self.dozen])
                # around the floor: 60 .. 130 a unit (x 12 a dozen)
                price = round(rng.uniform(60.0, 130.0), 2) * uom.factor_inv
                lines.append(
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom": uom.id,
                            "product_uom_qty": rng.randint(0, 5),
                            "price_unit": price,
                            "discount": rng.choice([0.0, 0.0, 5.0, 12.5, 20.0, 35.0]),
                            "tax_id": [Command.clear()],
                        }
                    )
                )
            if rng.random() < 0.4:  # an order-level discount line
                lines.append(
                    Command.create(
                        {
                            "product_id": self.product_free.id,
                            "price_unit": -round(rng.uniform(5.0, 120.0), 2),
                            "tax_id": [Command.clear()],
                        }
                    )
                )
            if rng.random() < 0.2:
                lines.append(
                    Command.create({"display_type": "line_note", "name": "Note"})
                )
            vals_list.append(
                {
                    "partner_id": rng.choice(partners).id,
                    "pricelist_id": rng.choice(self.pricelists).id,
                    "order_line": lines,
                }
            )
        # as the administrator: discounts beyond any role's limit are part of
        # the sample
        return self.env["sale.order"].create(vals_list)

    def test_line_badges_and_order_gate_agree_on_random_orders(self):
        rng = random.Random(20261203)
        orders = self._random_orders(rng, 30)
        self.env.invalidate_all()
        priced = orders.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )
        by_compute = {line.id: line.sales_policy_below_floor for line in priced}
        _fingerprints, verdicts = orders._sales_policy_floor_snapshot()
        by_gate = {
            line_id: below
            for judged in verdicts.values()
            for line_id, (_net, below) in judged.items()
        }
        self.assertEqual(by_gate, by_compute)
        self.assertEqual(
            orders._sales_policy_orders_below_floor(),
            set(priced.filtered("sales_policy_below_floor").order_id.ids),
        )
        # the sample holds both verdicts, other currencies, units,
        # distributors, variants and discount lines
        self.assertEqual(set(by_compute.values()), {True, False})
        self.assertEqual(len(orders.currency_id), 2)
        self.assertIn(self.dozen, priced.product_uom)
        self.assertIn(self.valve_m, priced.product_id)
        self.assertTrue(priced.filtered(lambda line: line.price_unit < 0))
        self.assertTrue(orders.filtered(lambda o: o.partner_id == self.distributor))

    def test_floor_tiers_agree_with_the_product_floor(self):
        for product in (self.product, self.valve_s, self.valve_m, self.product_free):
            for distributor in (False, True):
                with self.subTest(product=product.name, distributor=distributor):
                    tmpl = product.product_tmpl_id
                    self.assertEqual(
                        pick_floor(
                            product.sales_policy_variant_min_price,
                            product.sales_policy_variant_distributor_min_price,
                            tmpl.sales_policy_min_price,
                            tmpl.sales_policy_distributor_min_price,
                            distributor,
                        ),
                        product._get_sales_policy_floor(distributor=distributor),
                    )

    def test_discount_line_spread_over_the_priced_lines(self):
        # 2 x 100 (floor 90) and 1 x 50 (floor 0), a -25 line: 250 - 25 = 225,
        # 90 % of each line's price: 90 and 45 a unit; discount 10 %
        lines = [
            ("pump", 100.0, 0.0, 2, 90.0),
            ("part", 50.0, 0.0, 1, 0.0),
            ("discount", -25.0, 0.0, 1, 0.0),
        ]
        judged = judge_lines(lines, 0.01)
        self.assertAlmostEqual(judged["pump"][0], 90.0)
        self.assertFalse(judged["pump"][1])
        self.assertAlmostEqual(judged["part"][0], 45.0)
        self.assertAlmostEqual(effective_discount(lines), 10.0)
        # -26: 224 / 250 = 89.6 % of 100 = 89.60 < 90
        lines[2] = ("discount", -26.0, 0.0, 1, 0.0)
        self.assertTrue(judge_lines(lines, 0.01)["pump"][1])
        # a 10 % line discount and a -18 line on 200: 162 of 200, 19 % off
        self.assertAlmostEqual(
            effective_discount([("a", 100.0, 10.0, 2, 0.0), ("b", -18.0, 0.0, 1, 0.0)]),
            19.0,
        )
