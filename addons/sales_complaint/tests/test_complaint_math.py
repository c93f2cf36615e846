# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools.complaint_math import (
    rate,
    response_deadline,
    score_in_scale,
    score_to_percent,
)


@tagged("post_install", "-at_install")
class TestComplaintMath(BaseCase):
    def test_response_deadline_adds_the_hours(self):
        start = datetime(2026, 3, 2, 9, 0)
        # 9:00 + 24 h = next day 9:00; + 4 h = 13:00
        self.assertEqual(response_deadline(start, 24), datetime(2026, 3, 3, 9, 0))
        self.assertEqual(response_deadline(start, 4), datetime(2026, 3, 2, 13, 0))
        self.assertIsNone(response_deadline(None, 4))

    def test_score_scale(self):
        self.assertTrue(score_in_scale(1))
        self.assertTrue(score_in_scale(5))
        for bad in (0, 6, -1, 2.5, "3", True, None):
            self.assertFalse(score_in_scale(bad), bad)

    def test_score_to_percent(self):
        # score x 20
        self.assertEqual(
            [score_to_percent(s) for s in range(1, 6)], [20, 40, 60, 80, 100]
        )

    def test_rate(self):
        self.assertEqual(rate(3, 5), 60.0)
        self.assertEqual(rate(0, 0), 0.0)
