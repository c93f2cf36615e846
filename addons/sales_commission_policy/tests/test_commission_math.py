# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from odoo.addons.sales_commission_policy.tools.commission_math import (
    collection_share,
    marginal_increment,
    marginal_increment_sorted,
    marginal_tiered_commission,
    prepare_tiers,
    received_share,
    split_amounts,
)

# 0-10,000 at 2 %, 10,000-20,000 at 4 %, above 20,000 at 6 %
TIERS = [(0, 2.0), (10000, 4.0), (20000, 6.0)]


@tagged("post_install", "-at_install")
class TestCommissionMath(BaseCase):
    def test_tier_within_first_bracket(self):
        # 5,000 * 2 % = 100
        self.assertAlmostEqual(marginal_tiered_commission(5000, TIERS), 100.0)

    def test_tier_applied_marginally_not_on_whole_amount(self):
        # 10,000 * 2 % + 10,000 * 4 % + 5,000 * 6 % = 200 + 400 + 300 = 900
        # (not 25,000 * 6 % = 1,500)
        self.assertAlmostEqual(marginal_tiered_commission(25000, TIERS), 900.0)

    def test_tier_exactly_on_threshold(self):
        # 10,000 * 2 % = 200, nothing in the 4 % bracket yet
        self.assertAlmostEqual(marginal_tiered_commission(10000, TIERS), 200.0)

    def test_tier_order_of_input_does_not_matter(self):
        # same as above: 200 + 400 + 300 = 900
        self.assertAlmostEqual(
            marginal_tiered_commission(25000, list(reversed(TIERS))), 900.0
        )

    def test_refund_gives_negative_commission(self):
        # -5,000 * 2 % = -100
        self.assertAlmostEqual(marginal_tiered_commission(-5000, TIERS), -100.0)

    def test_marginal_increment_crossing_a_threshold(self):
        # achieved 8,000, new line 4,000: 2,000 * 2 % + 2,000 * 4 % = 40 + 80 = 120
        self.assertAlmostEqual(marginal_increment(8000, 4000, TIERS), 120.0)

    def test_tier_rate_outside_range_refused(self):
        with self.assertRaises(ValueError):
            marginal_tiered_commission(1000, [(0, 120.0)])
        with self.assertRaises(ValueError):
            marginal_tiered_commission(1000, [(0, -1.0)])

    def test_tier_must_start_at_zero(self):
        with self.assertRaises(ValueError):
            marginal_tiered_commission(1000, [(500, 2.0)])

    def test_duplicate_threshold_refused(self):
        with self.assertRaises(ValueError):
            marginal_tiered_commission(1000, [(0, 2.0), (0, 3.0)])

    def test_collection_share_partial_payment(self):
        # 300 paid of 1,200 = 0.25
        self.assertAlmostEqual(collection_share(300, 1200), 0.25)
        # overpayment is clamped to the whole invoice
        self.assertAlmostEqual(collection_share(1500, 1200), 1.0)
        self.assertAlmostEqual(collection_share(100, 0), 0.0)

    def test_split_amounts_remainder_on_last_share(self):
        # 100.00 split 33.33 / 33.33 / 33.34 %:
        # 33.33, 33.33, 33.34 -> sum 100.00
        self.assertEqual(
            split_amounts(100.0, [33.33, 33.33, 33.34]), [33.33, 33.33, 33.34]
        )
        # 10.00 split 3 x 33.333...: 3.33 + 3.33 + 3.34 = 10.00
        third = 100.0 / 3
        self.assertEqual(
            split_amounts(10.0, [third, third, 100.0 - 2 * third]),
            [3.33, 3.33, 3.34],
        )

    def test_split_not_summing_to_100_refused(self):
        with self.assertRaises(ValueError):
            split_amounts(100.0, [60.0, 30.0])

    def test_prepared_tiers_give_the_same_increment(self):
        # achieved 8,000, new line 4,000: 2,000 * 2 % + 2,000 * 4 % = 120
        tiers = prepare_tiers(reversed(TIERS))
        self.assertEqual(tiers[0], (0.0, 2.0))
        self.assertAlmostEqual(marginal_increment_sorted(8000, 4000, tiers), 120.0)
        # a credit note of 3,000 after 21,000: 1,000 * 6 % + 2,000 * 4 % = 140
        self.assertAlmostEqual(marginal_increment_sorted(21000, -3000, tiers), -140.0)
        with self.assertRaises(ValueError):
            prepare_tiers([(100, 2.0)])

    def test_received_share_leaves_out_the_written_off_part(self):
        # a payment of 900 settling 1,000 (100 written off): 900 / 1,000
        self.assertAlmostEqual(received_share(900.0, -1000.0), 0.9)
        # money paid back on a credit note: -400 out for +400 matched
        self.assertAlmostEqual(received_share(-400.0, 400.0), 1.0)
        # nothing received (a netting entry) or nothing matched
        self.assertEqual(received_share(0.0, -1000.0), 0.0)
        self.assertEqual(received_share(100.0, 0.0), 0.0)
