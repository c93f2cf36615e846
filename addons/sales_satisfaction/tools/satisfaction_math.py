# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Satisfaction arithmetic (no ``env``)."""


def satisfaction_rate(satisfied, total):
    """Satisfied answers / all answers, in percent, rounded to 2 decimals;
    0 when there is no answer."""
    if not total:
        return 0.0
    return round(100.0 * satisfied / total, 2)


def is_satisfied(score, threshold):
    """A score (0-100) counts as satisfied from ``threshold`` on."""
    return score >= threshold
