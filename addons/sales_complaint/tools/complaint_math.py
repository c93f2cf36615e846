# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint arithmetic: plain functions, no ``env``, tested directly."""

from datetime import timedelta

#: the revisit scale (policy §6.3: the customer rates the handling 1 to 5)
SCORE_MIN = 1
SCORE_MAX = 5


def response_deadline(start, hours):
    """When the first response is due: ``hours`` after ``start`` (or None)."""
    if not start:
        return None
    return start + timedelta(hours=max(hours or 0, 0))


def score_in_scale(score):
    """Whether ``score`` is a whole number on the 1–5 revisit scale."""
    return (
        isinstance(score, int)
        and not isinstance(score, bool)
        and (SCORE_MIN <= score <= SCORE_MAX)
    )


def score_to_percent(score):
    """A 1–5 revisit score on the 0–100 scale of satisfaction responses
    (score × 20: 1 → 20, 4 → 80, 5 → 100)."""
    return score * 100 // SCORE_MAX


def rate(part, whole):
    """``part`` of ``whole`` in percent, 0 when nothing was counted."""
    return 100.0 * part / whole if whole else 0.0
