# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order cycle's durations, in days, from its stage dates.

The one definition of the durations: ``STAGES`` names, for each duration,
the stage it starts from and the stage it ends at; ``durations`` computes
them in Python (tests, exports), ``duration_sql`` the same in SQL (the
report's view).
"""

import datetime

from odoo.tools import SQL

#: duration: (from stage, to stage)
STAGES = {
    "days_to_confirm": ("order_date", "confirmation_date"),
    "days_to_first_delivery": ("confirmation_date", "first_delivery_date"),
    "days_to_last_delivery": ("confirmation_date", "last_delivery_date"),
    "days_to_invoice": ("confirmation_date", "first_invoice_date"),
    "days_to_payment": ("first_invoice_date", "payment_date"),
    "cycle_days": ("order_date", "payment_date"),
}


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    return None


def days_between(start, end):
    """Days (fractional) from ``start`` to ``end``; None if one is missing.
    A date counts as its midnight."""
    start, end = _as_datetime(start), _as_datetime(end)
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 86400.0, 2)


def durations(stages):
    """{duration: days} of an order whose stage dates are ``stages``."""
    return {
        name: days_between(stages.get(start), stages.get(end))
        for name, (start, end) in STAGES.items()
    }


def duration_sql(start, end):
    """The SQL of ``days_between`` for two SQL expressions."""
    return SQL(
        "round((EXTRACT(EPOCH FROM (%s)::timestamp - (%s)::timestamp) "
        "/ 86400.0)::numeric, 2)",
        end,
        start,
    )
