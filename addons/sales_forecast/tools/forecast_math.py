# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecast arithmetic: months, deadlines and accuracy. Plain functions, no
``env``; tested directly (``tests/test_forecast_math.py``)."""

import calendar
import datetime

from dateutil.relativedelta import relativedelta

from odoo.tools.float_utils import float_round


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


def suggested_line(pipeline, history, quantity, rounding, digits):
    """The figures of a new pre-filled forecast line (clause SP-FOR-01).

    ``pipeline``: weighted revenue of the open opportunities; ``history``:
    last year's amount; ``quantity``: last year's quantity; ``rounding``:
    the company currency's rounding; ``digits``: the quantities' decimals.
    The suggested amount is the pipeline one, last year's without a
    pipeline; the suggested quantity last year's.
    The pre-fill engine writes the same rule in SQL
    (``sales.forecast.prefill._suggestion_sql``); a test checks they agree.
    """
    pipeline = pipeline or 0.0
    history = history or 0.0
    quantity = float_round(quantity or 0.0, precision_digits=digits)
    return {
        "pipeline_amount": float_round(pipeline, precision_rounding=rounding),
        "history_amount": float_round(history, precision_rounding=rounding),
        "history_quantity": quantity,
        "amount": float_round(pipeline or history, precision_rounding=rounding),
        "quantity": quantity,
    }
