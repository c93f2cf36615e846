# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import BaseCase, tagged

from ..tools.sample_math import budget_overrun, fee_plan


@tagged("post_install", "-at_install")
class TestSampleMath(BaseCase):
    def test_fee_plan_per_rule(self):
        self.assertEqual(fee_plan("charged", 350.0), (350.0, 0.0))
        self.assertEqual(fee_plan("waived", 350.0), (0.0, 0.0))
        self.assertEqual(fee_plan("refund_first_order", 350.0), (350.0, 350.0))
        # a missing or negative fee charges nothing
        self.assertEqual(fee_plan("charged", None), (0.0, 0.0))
        self.assertEqual(fee_plan("charged", -5), (0.0, 0.0))

    def test_budget_overrun(self):
        # 1,000 budget, 700 used: 300 left; a 450 request is 150 over
        self.assertEqual(budget_overrun(1000.0, 700.0, 450.0), 150.0)
        # 300 left, a 300 request fits exactly
        self.assertEqual(budget_overrun(1000.0, 700.0, 300.0), 0.0)
        # already past the budget: the whole cost is over
        self.assertEqual(budget_overrun(1000.0, 1200.0, 50.0), 250.0)
        # no budget: no limit
        self.assertIsNone(budget_overrun(None, 700.0, 450.0))
