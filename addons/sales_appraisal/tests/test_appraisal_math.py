# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.appraisal_math import (
    achievement,
    band_score,
    breakdown_even,
    breakdown_seasonal,
    consecutive_failures,
    growth_rate,
    quarter_totals,
    weighted_total,
)

BANDS = [(0, 0), (60, 60), (80, 80), (100, 100), (120, 120)]


@tagged("post_install", "-at_install")
class TestAppraisalMath(BaseCase):
    def test_even_breakdown_puts_the_rounding_rest_in_december(self):
        # 1000 / 12 = 83.33; December: 1000 - 11 x 83.33 = 83.37
        months = breakdown_even(1000.0)
        self.assertEqual(months[:11], [83.33] * 11)
        self.assertAlmostEqual(months[11], 83.37)
        self.assertAlmostEqual(sum(months), 1000.0)

    def test_even_breakdown_of_a_count(self):
        # 24 customers: 2 a month
        months = breakdown_even(24, digits=0)
        self.assertEqual(months, [2.0] * 12)

    def test_seasonal_breakdown_follows_last_year(self):
        # last year: 100 in January, 300 in February, nothing else -> 1:3
        last_year = [100.0, 300.0] + [0.0] * 10
        months = breakdown_seasonal(1000.0, last_year)
        self.assertEqual(months[:2], [250.0, 750.0])
        self.assertEqual(sum(months[2:]), 0.0)

    def test_seasonal_breakdown_without_history_is_even(self):
        self.assertEqual(breakdown_seasonal(1200.0, [0.0] * 12), [100.0] * 12)
        with self.assertRaises(ValueError):
            breakdown_seasonal(1200.0, [1.0] * 11)

    def test_quarter_totals(self):
        self.assertEqual(quarter_totals(list(range(1, 13))), [6, 15, 24, 33])

    def test_achievement_and_bands(self):
        self.assertEqual(achievement(900.0, 1000.0), 90.0)
        self.assertEqual(achievement(5.0, 0.0), 100.0)
        self.assertEqual(achievement(-5.0, 10.0), 0.0)
        self.assertEqual(band_score(90.0, BANDS), 80.0)
        self.assertEqual(band_score(59.99, BANDS), 0.0)
        self.assertEqual(band_score(150.0, BANDS), 120.0)
        self.assertEqual(band_score(50.0, [(60, 60)]), 0.0)

    def test_weighted_total_over_the_measured_weights(self):
        # (100 x 50 + 60 x 20 + 0 x 10) / 80 = 6200 / 80 = 77.5
        self.assertEqual(weighted_total([(100, 50), (60, 20), (0, 10)]), 77.5)
        self.assertEqual(weighted_total([]), 0.0)

    def test_growth_rate(self):
        self.assertEqual(growth_rate(1200.0, 1000.0), 20.0)
        self.assertEqual(growth_rate(800.0, 1000.0), -20.0)
        self.assertIsNone(growth_rate(800.0, 0.0))

    def test_consecutive_failures_count_from_the_end(self):
        self.assertEqual(consecutive_failures([True, False, True, True]), 2)
        self.assertEqual(consecutive_failures([True, True, False]), 0)
        self.assertEqual(consecutive_failures([]), 0)
