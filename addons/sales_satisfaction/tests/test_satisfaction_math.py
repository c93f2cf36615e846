# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.satisfaction_math import is_satisfied, satisfaction_rate


@tagged("post_install", "-at_install")
class TestSatisfactionMath(BaseCase):
    def test_rate_is_satisfied_over_all_in_percent(self):
        # 49 / 50 = 0.98 -> 98 %
        self.assertEqual(satisfaction_rate(49, 50), 98.0)
        # 2 / 3 = 66.666... -> 66.67
        self.assertEqual(satisfaction_rate(2, 3), 66.67)
        self.assertEqual(satisfaction_rate(0, 4), 0.0)

    def test_rate_without_answers_is_zero(self):
        self.assertEqual(satisfaction_rate(0, 0), 0.0)

    def test_threshold_is_inclusive(self):
        self.assertTrue(is_satisfied(80.0, 80.0))
        self.assertFalse(is_satisfied(79.99, 80.0))
