# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.tests import BaseCase, tagged

from ..tools.forecast_math import bias, deadline, mape, month_start, next_months


@tagged("post_install", "-at_install")
class TestForecastMath(BaseCase):
    def test_months_and_deadlines(self):
        self.assertEqual(
            month_start(datetime.date(2026, 5, 17)), datetime.date(2026, 5, 1)
        )
        self.assertEqual(
            next_months(datetime.date(2026, 11, 30), 3),
            [
                datetime.date(2026, 12, 1),
                datetime.date(2027, 1, 1),
                datetime.date(2027, 2, 1),
            ],
        )
        # the March forecast is due on the 25th of February ...
        self.assertEqual(
            deadline(datetime.date(2027, 3, 1), 25), datetime.date(2027, 2, 25)
        )
        # ... and on its last day when the deadline day is the 31st
        self.assertEqual(
            deadline(datetime.date(2027, 3, 1), 31), datetime.date(2027, 2, 28)
        )
        self.assertEqual(
            deadline(datetime.date(2027, 1, 1), 31), datetime.date(2026, 12, 31)
        )

    def test_mape_hand_computed(self):
        # |100 - 80| / 100 = 0.20; |50 - 60| / 50 = 0.20; |200 - 100| / 200 = 0.50
        # mean = 0.90 / 3 = 0.30 -> 30 %
        self.assertAlmostEqual(mape([(80, 100), (60, 50), (100, 200)]), 30.0)
        # a customer without sales has no percentage error: left out
        self.assertAlmostEqual(mape([(80, 100), (500, 0)]), 20.0)
        self.assertIsNone(mape([(500, 0)]))
        self.assertIsNone(mape([]))

    def test_bias_hand_computed(self):
        # forecast 1,200 against 1,000 sold: (1200 - 1000) / 1000 = +20 %
        self.assertAlmostEqual(bias(1200, 1000), 20.0)
        # forecast 750 against 1,000: -25 %
        self.assertAlmostEqual(bias(750, 1000), -25.0)
        self.assertIsNone(bias(100, 0))
