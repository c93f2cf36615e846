# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Whether an expense report breaks the budget or the expense standards.

Pure functions over plain rows; the ORM layer
(``hr.expense.sheet._sales_expense_control``) fetches the rows in SQL.
"""


def budget_breaches(rows):
    """``rows``: (sheet_id, key, amount, budget, used) per budget key of a
    report: the report's own amount, the approved budget and what other
    reports and bills already committed or spent. Returns {sheet_id:
    [(key, overrun)]} of the keys whose remaining budget the report exceeds
    (no budget at all: the whole amount is an overrun)."""
    result = {}
    for sheet_id, key, amount, budget, used in rows:
        remaining = (budget or 0.0) - (used or 0.0)
        overrun = round((amount or 0.0) - remaining, 6)
        if amount and overrun > 0:
            result.setdefault(sheet_id, []).append((key, overrun))
    return result


def standard_breaches(rows):
    """``rows``: (sheet_id, category_id, day, day_amount, trip_amount,
    limit_per_day, limit_per_trip): what the employee spent in the category
    on that day (the report and their other live reports), what the report
    spends in the category, and the standard's limits (0 or None: no limit).
    Returns {sheet_id: [(category_id, day or None, amount, limit)]}."""
    result = {}
    seen_trip = set()
    for sheet_id, category_id, day, day_amount, trip, per_day, per_trip in rows:
        if per_day and day_amount > per_day:
            result.setdefault(sheet_id, []).append(
                (category_id, day, day_amount, per_day)
            )
        if per_trip and trip > per_trip and (sheet_id, category_id) not in seen_trip:
            seen_trip.add((sheet_id, category_id))
            result.setdefault(sheet_id, []).append((category_id, None, trip, per_trip))
    return result
