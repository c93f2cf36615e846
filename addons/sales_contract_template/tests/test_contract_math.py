# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools.contract_math import fill_placeholders, periods_overlap, review_due


@tagged("post_install", "-at_install")
class TestContractMath(BaseCase):
    def test_periods_overlap_on_a_shared_day_or_an_open_end(self):
        jan1, jun30, jul1 = date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1)
        self.assertFalse(periods_overlap(jan1, jun30, jul1, None))
        # 30 June is in both periods
        self.assertTrue(periods_overlap(jan1, jun30, jun30, None))
        # an open end runs on over any later start
        self.assertTrue(periods_overlap(jan1, None, jul1, date(2026, 12, 31)))
        self.assertTrue(periods_overlap(jul1, False, jan1, None))

    def test_review_due_after_the_months_have_passed(self):
        start = date(2026, 1, 15)
        # 15 Jan + 6 months = 15 Jul: due on that day, not the day before
        self.assertFalse(review_due(start, date(2026, 7, 14), 6))
        self.assertTrue(review_due(start, date(2026, 7, 15), 6))
        self.assertFalse(review_due(False, date(2027, 1, 1), 6))
        self.assertFalse(review_due(start, date(2027, 1, 1), 0))

    def test_placeholders_filled_and_escaped(self):
        body = "<p>{{ customer }} / {{order}} / {{ unknown }}</p>"
        filled = fill_placeholders(body, {"customer": "<b>Acme</b>", "order": "S1"})
        self.assertEqual(
            str(filled), "<p>&lt;b&gt;Acme&lt;/b&gt; / S1 / {{ unknown }}</p>"
        )
        self.assertEqual(str(fill_placeholders(False, {})), "")
