# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Overdue interest on one invoice, day by day (no Odoo environment).

Conventions (documented for finance, tested in tests/test_interest_math.py):

* Interest runs on the *days* after the due date: the first day that can be
  charged is ``due_date + grace_days + 1``; the last is ``as_of`` itself. With
  no grace, an invoice due on 31 January and computed as of 2 March is charged
  for 1 February .. 2 March, i.e. ``(as_of - due_date).days`` = 30 days.
* Grace days only postpone the first charged day (an invoice paid within the
  grace period pays no interest; one paid later pays from the end of grace).
* The residual of a day is the invoice amount minus every reduction (payment,
  credit note) dated on or before that day: a payment lowers the residual *on*
  its own date. A residual of zero or less charges nothing.
* Days up to ``charged_through`` (inclusive) were already charged and are
  never charged again.
* Rate bases: ``annual`` is a percentage per year over a fixed day count of
  365 (a leap year's 366th day is charged like any other day),
  ``daily_percent`` a percentage per day and ``daily_permille`` a per mille
  per day.
* Amounts are exact (``Decimal``) until the end: the total is rounded once,
  half-up, to the currency rounding; the periods' rounded interests are then
  adjusted (largest remainder) so that they add up to the rounded total.
* An invoice payable in instalments (payment terms) is several debts: each
  instalment runs from its own due date on its own residual (its amount less
  what was reconciled with it), see :func:`compute_instalments_interest`;
  each instalment's interest is rounded on its own.
"""

from collections import namedtuple
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

ANNUAL = "annual"
DAILY_PERCENT = "daily_percent"
DAILY_PERMILLE = "daily_permille"
RATE_BASES = (ANNUAL, DAILY_PERCENT, DAILY_PERMILLE)
DAY_COUNT = 365

ONE_DAY = timedelta(days=1)

InterestPeriod = namedtuple(
    "InterestPeriod",
    ["date_from", "date_to", "days", "residual", "interest", "exact_interest"],
)
InterestPeriod.__doc__ = """Consecutive charged days on the same residual.

``interest`` is rounded to the currency (the periods add up to the total),
``exact_interest`` is the unrounded ``Decimal`` value."""

InterestResult = namedtuple("InterestResult", ["amount", "periods", "charged_through"])
Instalment = namedtuple("Instalment", ["due_date", "amount", "reductions"])
Instalment.__doc__ = """One amount of an invoice due on one date (a receivable
journal item); ``reductions``: ``(date, amount)`` reconciled with it."""
InterestResult.__doc__ = """``amount``: rounded total; ``periods``: list of
:class:`InterestPeriod`; ``charged_through``: the last charged day (or the
``charged_through`` given when nothing is charged)."""


def _dec(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def daily_rate(rate, basis=ANNUAL):
    """The rate of one day as a fraction (``Decimal``)."""
    rate = _dec(rate)
    if basis == ANNUAL:
        return rate / 100 / DAY_COUNT
    if basis == DAILY_PERCENT:
        return rate / 100
    if basis == DAILY_PERMILLE:
        return rate / 1000
    raise ValueError(f"Unknown interest rate basis {basis!r}; use one of {RATE_BASES}.")


def round_to(value, rounding=0.01):
    """Round ``value`` half-up to a multiple of ``rounding`` (like Odoo's
    ``float_round``), as a ``Decimal``."""
    rounding = _dec(rounding)
    if rounding <= 0:
        raise ValueError("The currency rounding must be positive.")
    units = (_dec(value) / rounding).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return units * rounding


def _residual_segments(amount, reductions, date_from, date_to):
    """Yield ``(start, end, residual)`` over ``date_from .. date_to`` (both
    inclusive), a new segment starting on each day a reduction is dated."""
    by_day = {}
    for day, value in reductions:
        by_day[day] = by_day.get(day, Decimal(0)) + _dec(value)
    residual = _dec(amount) - sum(
        (value for day, value in by_day.items() if day <= date_from), Decimal(0)
    )
    start = date_from
    for day in sorted(d for d in by_day if date_from < d <= date_to):
        yield start, day - ONE_DAY, residual
        residual -= by_day[day]
        start = day
    yield start, date_to, residual


def compute_interest(
    amount,
    due_date,
    as_of,
    rate,
    basis=ANNUAL,
    grace_days=0,
    reductions=(),
    charged_through=None,
    rounding=0.01,
):
    """Interest owed on an invoice of ``amount`` due on ``due_date``, as of
    ``as_of`` (inclusive).

    :param reductions: iterable of ``(date, amount)``: payments and credit
        notes that lowered the residual on that date (negative amounts, e.g. a
        reversed payment, raise it again)
    :param charged_through: last day already charged (those days are skipped)
    :param rounding: the currency rounding, e.g. 0.01
    :return: :class:`InterestResult`
    """
    if _dec(rate) < 0:
        raise ValueError("The interest rate cannot be negative.")
    if grace_days < 0:
        raise ValueError("The grace days cannot be negative.")
    for value in (due_date, as_of):
        if not isinstance(value, date):
            raise TypeError("Dates must be datetime.date values.")
    per_day = daily_rate(rate, basis)
    first = due_date + timedelta(days=grace_days) + ONE_DAY
    if charged_through and charged_through + ONE_DAY > first:
        first = charged_through + ONE_DAY
    if first > as_of or not per_day:
        return InterestResult(0.0, [], charged_through)

    # consecutive days on the same positive residual, exact values
    raw = []
    for start, end, residual in _residual_segments(amount, reductions, first, as_of):
        if residual <= 0 or start > end:
            continue
        if raw and raw[-1][2] == residual and raw[-1][1] + ONE_DAY == start:
            raw[-1][1] = end
        else:
            raw.append([start, end, residual])
    if not raw:
        return InterestResult(0.0, [], charged_through)
    exact = [
        (start, end, (end - start).days + 1, residual) for start, end, residual in raw
    ]
    exact = [(*row, row[3] * per_day * row[2]) for row in exact]
    total = round_to(sum(row[4] for row in exact), rounding)

    # largest remainder: floor every period, hand the missing units out
    step = _dec(rounding)
    floors = [
        (row[4] / step).quantize(Decimal(1), rounding=ROUND_FLOOR) for row in exact
    ]
    missing = int((total / step) - sum(floors))
    order = sorted(
        range(len(exact)), key=lambda i: (exact[i][4] / step - floors[i]), reverse=True
    )
    for index in order[:missing]:
        floors[index] += 1
    periods = [
        InterestPeriod(
            start,
            end,
            days,
            float(residual),
            float(units * step),
            value,
        )
        for (start, end, days, residual, value), units in zip(
            exact, floors, strict=True
        )
    ]
    return InterestResult(float(total), periods, as_of)


def compute_instalments_interest(
    instalments,
    as_of,
    rate,
    basis=ANNUAL,
    grace_days=0,
    charged_through=None,
    rounding=0.01,
):
    """Interest owed on an invoice payable in ``instalments`` (iterable of
    :class:`Instalment`), as of ``as_of``: each instalment is charged from its
    own due date on its own residual (:func:`compute_interest`), so an overdue
    first instalment runs while the last one is not yet due.

    ``charged_through`` is the invoice's: a run charges every instalment up to
    the same day, and days an instalment could not be charged on (before its
    due date and grace) stay out of it.

    :return: list of ``(instalment, InterestResult)`` by due date
    """
    return [
        (
            instalment,
            compute_interest(
                instalment.amount,
                instalment.due_date,
                as_of,
                rate,
                basis=basis,
                grace_days=grace_days,
                reductions=instalment.reductions,
                charged_through=charged_through,
                rounding=rounding,
            ),
        )
        for instalment in sorted(instalments, key=lambda i: i.due_date)
    ]
