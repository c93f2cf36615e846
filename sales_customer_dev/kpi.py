# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure KPI arithmetic of the customer-development policy (no ``env``)."""

from datetime import date

from dateutil.relativedelta import relativedelta


def month_start(day):
    """First day of the month of ``day``."""
    return date(day.year, day.month, 1)


def conversion_rate(won, contacted):
    """Customers won / prospects contacted, in percent (0 when nobody was contacted)."""
    if not contacted:
        return 0.0
    return round(100.0 * won / contacted, 2)


def is_under_target(values, targets):
    """True when any KPI with a positive target is below it.

    ``values`` and ``targets`` map the same keys (new_customers, conversion_rate,
    revenue) to numbers; a target of 0 (or missing) is not checked.
    """
    return any(
        target and values.get(key, 0.0) < target for key, target in targets.items()
    )


def months_under_target(month, under_by_month, current_under):
    """Length of the run of consecutive months under target ending at ``month``.

    ``under_by_month`` maps earlier month starts to their under-target flag; a month
    without a scorecard ends the run.
    """
    if not current_under:
        return 0
    run = 1
    previous = month - relativedelta(months=1)
    while under_by_month.get(previous):
        run += 1
        previous -= relativedelta(months=1)
    return run
