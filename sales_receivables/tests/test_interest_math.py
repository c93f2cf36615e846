# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The interest arithmetic alone (no database): every expected amount is
computed by hand in the comment next to it."""

from datetime import date

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools.interest_math import (
    Instalment,
    compute_instalments_interest,
    compute_interest,
    daily_rate,
    round_to,
)

DUE = date(2026, 1, 31)
AS_OF = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestInterestMath(BaseCase):
    def assertPeriods(self, result, expected):
        self.assertEqual(
            [
                (p.date_from, p.date_to, p.days, p.residual, p.interest)
                for p in result.periods
            ],
            expected,
        )

    def test_full_unpaid_invoice_pays_every_day_after_due(self):
        result = compute_interest(10000.0, DUE, AS_OF, 12.0)
        # 1 Feb .. 2 Mar = 28 + 2 = 30 days
        # 10000 * 12 % * 30 / 365 = 36000 / 365 = 98.6301... -> 98.63
        self.assertEqual(result.amount, 98.63)
        self.assertPeriods(
            result, [(date(2026, 2, 1), date(2026, 3, 2), 30, 10000.0, 98.63)]
        )
        self.assertEqual(result.charged_through, AS_OF)

    def test_partial_payment_lowers_residual_on_its_own_day(self):
        result = compute_interest(
            10000.0, DUE, AS_OF, 12.0, reductions=[(date(2026, 2, 15), 4000.0)]
        )
        # 1..14 Feb: 14 days on 10000: 10000 * 0.12 * 14 / 365 = 46.0274
        # 15 Feb..2 Mar: 14 + 2 = 16 days on 6000: 6000 * 0.12 * 16 / 365 = 31.5616
        # total 28320 / 365 = 77.5890 -> 77.59; periods 46.03 + 31.56 = 77.59
        self.assertEqual(result.amount, 77.59)
        self.assertPeriods(
            result,
            [
                (date(2026, 2, 1), date(2026, 2, 14), 14, 10000.0, 46.03),
                (date(2026, 2, 15), date(2026, 3, 2), 16, 6000.0, 31.56),
            ],
        )

    def test_payments_and_credit_notes_before_due_only_lower_the_base(self):
        result = compute_interest(
            10000.0,
            DUE,
            AS_OF,
            12.0,
            reductions=[(date(2026, 1, 10), 2500.0), (date(2026, 1, 31), 2500.0)],
        )
        # residual 5000 for all 30 days: 5000 * 0.12 * 30 / 365 = 49.3150 -> 49.32
        self.assertEqual(result.amount, 49.32)
        self.assertPeriods(
            result, [(date(2026, 2, 1), date(2026, 3, 2), 30, 5000.0, 49.32)]
        )

    def test_grace_days_postpone_the_first_charged_day(self):
        result = compute_interest(10000.0, DUE, AS_OF, 12.0, grace_days=10)
        # first day 11 Feb; 11..28 Feb = 18 days + 2 = 20 days
        # 10000 * 0.12 * 20 / 365 = 65.7534 -> 65.75
        self.assertEqual(result.amount, 65.75)
        self.assertPeriods(
            result, [(date(2026, 2, 11), date(2026, 3, 2), 20, 10000.0, 65.75)]
        )

    def test_paid_before_grace_ends_is_charged_nothing(self):
        result = compute_interest(
            10000.0,
            DUE,
            AS_OF,
            12.0,
            grace_days=10,
            reductions=[(date(2026, 2, 8), 10000.0)],
        )
        self.assertEqual(result.amount, 0.0)
        self.assertEqual(result.periods, [])
        # paid on the first charged day (11 Feb): the residual of that day is 0
        result = compute_interest(
            10000.0,
            DUE,
            AS_OF,
            12.0,
            grace_days=10,
            reductions=[(date(2026, 2, 11), 10000.0)],
        )
        self.assertEqual(result.amount, 0.0)

    def test_part_paid_within_grace_charges_the_rest_after_grace(self):
        result = compute_interest(
            10000.0,
            DUE,
            AS_OF,
            12.0,
            grace_days=10,
            reductions=[(date(2026, 2, 5), 4000.0)],
        )
        # 20 days on 6000: 6000 * 0.12 * 20 / 365 = 39.4520 -> 39.45
        self.assertEqual(result.amount, 39.45)

    def test_second_run_only_charges_the_new_days(self):
        first = compute_interest(10000.0, DUE, date(2026, 2, 15), 12.0)
        # 1..15 Feb = 15 days: 10000 * 0.12 * 15 / 365 = 49.3150 -> 49.32
        self.assertEqual(first.amount, 49.32)
        self.assertEqual(first.charged_through, date(2026, 2, 15))
        second = compute_interest(
            10000.0, DUE, AS_OF, 12.0, charged_through=first.charged_through
        )
        # 16 Feb..2 Mar = 13 + 2 = 15 days: 49.32 again
        self.assertEqual(second.amount, 49.32)
        self.assertPeriods(
            second, [(date(2026, 2, 16), date(2026, 3, 2), 15, 10000.0, 49.32)]
        )
        # a third run on the same day charges nothing
        third = compute_interest(
            10000.0, DUE, AS_OF, 12.0, charged_through=second.charged_through
        )
        self.assertEqual(third.amount, 0.0)
        self.assertEqual(third.periods, [])

    def test_not_yet_overdue_is_charged_nothing(self):
        result = compute_interest(10000.0, DUE, DUE, 12.0)
        self.assertEqual((result.amount, result.periods), (0.0, []))

    def test_daily_rates_per_mille_and_percent(self):
        due, as_of = date(2026, 3, 10), date(2026, 3, 20)
        # 11..20 Mar = 10 days; 0.5 per mille a day: 1000 * 0.0005 * 10 = 5.00
        self.assertEqual(
            compute_interest(1000.0, due, as_of, 0.5, basis="daily_permille").amount,
            5.0,
        )
        # 0.05 % a day is the same rate: 1000 * 0.0005 * 10 = 5.00
        self.assertEqual(
            compute_interest(1000.0, due, as_of, 0.05, basis="daily_percent").amount,
            5.0,
        )

    def test_leap_year_day_is_charged_on_a_365_day_count(self):
        # 16..29 Feb 2028 = 14 days + 1..15 Mar = 15 -> 29 days
        # 3650 * 10 % * 29 / 365 = 29.00
        leap = compute_interest(3650.0, date(2028, 2, 15), date(2028, 3, 15), 10.0)
        self.assertEqual(leap.amount, 29.0)
        self.assertEqual(leap.periods[0].days, 29)
        # the same dates in 2027: 13 + 15 = 28 days -> 28.00
        common = compute_interest(3650.0, date(2027, 2, 15), date(2027, 3, 15), 10.0)
        self.assertEqual(common.amount, 28.0)

    def test_overpaid_and_reversed_payment(self):
        result = compute_interest(
            1000.0,
            date(2026, 3, 10),
            date(2026, 3, 20),
            36.5,
            reductions=[
                (date(2026, 3, 13), 1200.0),  # overpaid: nothing from 13 Mar
                (date(2026, 3, 16), -1200.0),  # payment reversed: 1000 again
            ],
        )
        # 36.5 % / 365 = 0.1 % a day -> 1.00 a day on 1000
        # 11, 12 Mar: 2 days; 16..20 Mar: 5 days -> 7.00
        self.assertEqual(result.amount, 7.0)
        self.assertPeriods(
            result,
            [
                (date(2026, 3, 11), date(2026, 3, 12), 2, 1000.0, 2.0),
                (date(2026, 3, 16), date(2026, 3, 20), 5, 1000.0, 5.0),
            ],
        )

    def test_rounding_happens_once_at_the_end(self):
        result = compute_interest(
            200.0,
            date(2026, 3, 10),
            date(2026, 3, 16),
            0.001,
            basis="daily_percent",
            reductions=[(date(2026, 3, 13), 100.0)],
        )
        # 0.001 % a day = 0.00001: 11, 12 Mar on 200: 2 * 0.002 = 0.004
        # 13..16 Mar on 100: 4 * 0.001 = 0.004; total 0.008 -> 0.01
        # (rounding each period first would give 0.00 + 0.00)
        self.assertEqual(result.amount, 0.01)
        self.assertEqual(sum(p.interest for p in result.periods), 0.01)
        # a 0.05 currency rounding: 98.6301 -> 98.65
        self.assertEqual(
            compute_interest(10000.0, DUE, AS_OF, 12.0, rounding=0.05).amount, 98.65
        )

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValueError, "rate cannot be negative"):
            compute_interest(1000.0, DUE, AS_OF, -1.0)
        with self.assertRaisesRegex(ValueError, "grace days cannot be negative"):
            compute_interest(1000.0, DUE, AS_OF, 1.0, grace_days=-1)
        with self.assertRaisesRegex(ValueError, "Unknown interest rate basis"):
            compute_interest(1000.0, DUE, AS_OF, 1.0, basis="monthly")
        # a zero rate is allowed and charges nothing
        self.assertEqual(compute_interest(1000.0, DUE, AS_OF, 0.0).amount, 0.0)

    def test_helpers(self):
        self.assertEqual(daily_rate(36.5), daily_rate(0.1, "daily_percent"))
        self.assertEqual(float(round_to(2.675, 0.01)), 2.68)  # half-up, exact
        self.assertEqual(float(round_to(98.6301, 0.05)), 98.65)

    def test_each_instalment_runs_from_its_own_due_date_on_its_own_residual(self):
        instalments = [
            # listed out of order: the result comes by due date
            Instalment(date(2026, 2, 28), 500.0, []),
            Instalment(DUE, 500.0, [(date(2026, 2, 10), 200.0)]),
        ]
        results = compute_instalments_interest(instalments, date(2026, 3, 31), 12.0)
        self.assertEqual([i.due_date for i, _r in results], [DUE, date(2026, 2, 28)])
        first, second = (result for _i, result in results)
        # first, due 31 Jan, 200 paid on 10 Feb:
        #   1..9 Feb, 9 days on 500: 500 * 0.12 * 9 / 365 = 540 / 365 = 1.4795
        #   10 Feb..31 Mar, 19 + 31 = 50 days on 300: 1800 / 365 = 4.9315
        #   2340 / 365 = 6.4110 -> 6.41 (1.48 + 4.93)
        self.assertEqual(first.amount, 6.41)
        self.assertPeriods(
            first,
            [
                (date(2026, 2, 1), date(2026, 2, 9), 9, 500.0, 1.48),
                (date(2026, 2, 10), date(2026, 3, 31), 50, 300.0, 4.93),
            ],
        )
        # second, due 28 Feb: 1..31 Mar on 500: 1860 / 365 = 5.0959 -> 5.10
        self.assertEqual(second.amount, 5.10)
        self.assertPeriods(
            second, [(date(2026, 3, 1), date(2026, 3, 31), 31, 500.0, 5.10)]
        )
        # one debt of 1000 due on the last date (the hole this closes) would
        # charge 800 from 1 Mar only: 800 * 0.12 * 31 / 365 = 8.15
        self.assertEqual(
            compute_interest(
                1000.0,
                date(2026, 2, 28),
                date(2026, 3, 31),
                12.0,
                reductions=[(date(2026, 2, 10), 200.0)],
            ).amount,
            8.15,
        )

    def test_instalments_share_the_invoice_charged_through_day(self):
        instalments = [
            Instalment(DUE, 500.0, []),
            Instalment(date(2026, 2, 28), 500.0, []),
        ]
        # a first run as of 20 Feb charged the first instalment through 20 Feb;
        # the second was not due then: it still runs from its own due date
        results = compute_instalments_interest(
            instalments, date(2026, 3, 31), 12.0, charged_through=date(2026, 2, 20)
        )
        # first: 21 Feb..31 Mar = 39 days on 500: 2340 / 365 = 6.4110 -> 6.41
        # second: 1..31 Mar = 31 days on 500: 1860 / 365 = 5.0959 -> 5.10
        self.assertEqual([r.amount for _i, r in results], [6.41, 5.10])
        self.assertEqual(results[1][1].periods[0].date_from, date(2026, 3, 1))
