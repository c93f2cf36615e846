# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain arithmetic of training time and risk scores (no ``env``)."""

#: hours of training that count as one training day
HOURS_PER_DAY = 8.0


def training_days(hours):
    """Training days of ``hours`` hours, to a tenth of a day (8 h = 1 day)."""
    return round((hours or 0.0) / HOURS_PER_DAY, 1)


def valid_rating(value):
    """Whether ``value`` is a likelihood or impact rating: a whole 1..5."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5
