# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools.expense_control import budget_breaches, standard_breaches


@tagged("post_install", "-at_install")
class TestControlMath(BaseCase):
    def test_budget_breach_is_the_overrun_of_the_remaining_budget(self):
        rows = [
            # 1000 budget, 700 used: 300 remain; 250 fits, 400 overruns by 100
            (1, "k", 250.0, 1000.0, 700.0),
            (2, "k", 400.0, 1000.0, 700.0),
            # no budget at all: the whole amount overruns
            (3, "k", 50.0, 0.0, 0.0),
            # nothing spent in the key: never a breach
            (4, "k", 0.0, 0.0, 0.0),
        ]
        self.assertEqual(budget_breaches(rows), {2: [("k", 100.0)], 3: [("k", 50.0)]})

    def test_standard_breach_per_day_and_per_trip(self):
        day = date(2026, 6, 10)
        rows = [
            # 350 on the day over 300 a day; the trip's 350 within 1000
            (1, 7, day, 350.0, 350.0, 300.0, 1000.0),
            # 200 a day within 300; the trip's 1200 over 1000 (counted once)
            (2, 7, day, 200.0, 1200.0, 300.0, 1000.0),
            (2, 7, date(2026, 6, 11), 200.0, 1200.0, 300.0, 1000.0),
            # no limits
            (3, 7, day, 9999.0, 9999.0, 0.0, None),
        ]
        self.assertEqual(
            standard_breaches(rows),
            {1: [(7, day, 350.0, 300.0)], 2: [(7, None, 1200.0, 1000.0)]},
        )
