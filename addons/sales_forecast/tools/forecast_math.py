# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecast arithmetic: months, deadlines and accuracy. Plain functions, no
``env``; tested directly (``tests/test_forecast_math.py``)."""

import calendar
import datetime

from dateutil.relativedelta import relativedelta


def month_start(day):
    """First day of the month of ``day`` (a date)."""
    return day.replace(day=1)


def next_months(today, count):
    """The first days of the ``count`` months after ``today``'s month."""
    start = month_start(today)
    return [start + relativedelta(months=i) for i in range(1, count + 1)]


def deadline(month, day):
    """Submission deadline of the forecast of ``month``: ``day`` of the month
    before (clamped to that month's last day)."""
    previous = month_start(month) - relativedelta(months=1)
    last = calendar.monthrange(previous.year, previous.month)[1]
    return datetime.date(previous.year, previous.month, max(1, min(day, last)))


def mape(pairs):
    """Mean absolute percentage error of ``(forecast, actual)`` pairs, in percent.

    Pairs whose actual is 0 are left out (the error has no percentage);
    ``None`` when no pair is left.
    """
    errors = [
        abs(actual - forecast) / abs(actual) for forecast, actual in pairs if actual
    ]
    if not errors:
        return None
    return 100.0 * sum(errors) / len(errors)


def bias(forecast_total, actual_total):
    """Forecast bias in percent of the actual: positive when the forecast was
    too high, negative when too low; ``None`` without actual sales."""
    if not actual_total:
        return None
    return 100.0 * (forecast_total - actual_total) / actual_total
