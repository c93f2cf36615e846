# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import TransactionCase, tagged

from ..tools.cycle_math import days_between, durations


@tagged("post_install", "-at_install")
class TestCycleMath(TransactionCase):
    def test_days_between_counts_fractions_and_dates_at_midnight(self):
        # 1 Mar 12:00 -> 3 Mar 18:00: 2 days 6 hours = 2.25 days
        self.assertEqual(
            days_between(datetime(2026, 3, 1, 12), datetime(2026, 3, 3, 18)), 2.25
        )
        # a date is its midnight: 1 Mar 12:00 -> 2 Mar = 0.5 day
        self.assertEqual(days_between(datetime(2026, 3, 1, 12), date(2026, 3, 2)), 0.5)
        self.assertIsNone(days_between(None, date(2026, 3, 2)))

    def test_durations_of_a_partial_cycle(self):
        stages = {
            "order_date": datetime(2026, 3, 1),
            "confirmation_date": datetime(2026, 3, 4),
            "first_delivery_date": datetime(2026, 3, 10),
        }
        result = durations(stages)
        self.assertEqual(result["days_to_confirm"], 3.0)
        self.assertEqual(result["days_to_first_delivery"], 6.0)
        self.assertIsNone(result["days_to_last_delivery"])
        self.assertIsNone(result["cycle_days"])
