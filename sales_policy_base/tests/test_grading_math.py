# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import BaseCase, tagged

from ..tools.grading_math import criterion_score, grade_for_score, grade_score

WEIGHTS = {"revenue": 40, "frequency": 20, "intent": 20, "ability": 20}
FULL_MARKS = {"revenue": 100000, "frequency": 12, "intent": 100, "ability": 100}


@tagged("post_install", "-at_install")
class TestGradingMath(BaseCase):
    def test_criterion_score_is_proportional_and_capped_at_100(self):
        self.assertEqual(criterion_score(25000, 100000), 25.0)  # 25,000 / 100,000
        self.assertEqual(criterion_score(250000, 100000), 100.0)  # capped
        self.assertEqual(criterion_score(0, 100000), 0.0)
        self.assertEqual(criterion_score(-5, 100000), 0.0)  # a refund-only window
        self.assertEqual(criterion_score(10, 0), 0.0)  # no full marks: no points

    def test_grade_thresholds_are_inclusive(self):
        self.assertEqual(grade_for_score(70.0, 70, 40), "a")
        self.assertEqual(grade_for_score(69.99, 70, 40), "b")
        self.assertEqual(grade_for_score(40.0, 70, 40), "b")
        self.assertEqual(grade_for_score(39.99, 70, 40), "c")

    def test_key_account_scores_a(self):
        grade, total, details = grade_score(
            {"revenue": 90000, "frequency": 12, "intent": 60, "ability": 80},
            WEIGHTS,
            FULL_MARKS,
            70,
            40,
        )
        # revenue 90,000 / 100,000 = 90 x 40% = 36; frequency 12/12 = 100 x 20% = 20
        # intent 60 x 20% = 12; ability 80 x 20% = 16; total 36 + 20 + 12 + 16 = 84
        self.assertEqual(total, 84.0)
        self.assertEqual(grade, "a")
        self.assertEqual(
            details["revenue"],
            {"value": 90000, "score": 90.0, "weight": 40, "points": 36.0},
        )
        self.assertEqual(details["frequency"]["points"], 20.0)

    def test_prospect_is_graded_on_intent_and_ability_only(self):
        grade, total, details = grade_score(
            {"intent": 100, "ability": 100}, WEIGHTS, FULL_MARKS, 70, 40
        )
        # no orders: 0 + 0 + 100 x 20% + 100 x 20% = 40: grade B
        self.assertEqual((grade, total), ("b", 40.0))
        self.assertEqual(details["revenue"]["points"], 0.0)

    def test_small_customer_scores_c(self):
        grade, total, __ = grade_score(
            {"revenue": 5000, "frequency": 3, "intent": 30, "ability": 20},
            WEIGHTS,
            FULL_MARKS,
            70,
            40,
        )
        # 5 x 40% = 2; 25 x 20% = 5; 30 x 20% = 6; 20 x 20% = 4; total 17
        self.assertEqual((grade, total), ("c", 17.0))
