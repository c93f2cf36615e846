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


def response_in_time(first_response, deadline):
    """Whether the first response came by the deadline (no response: not)."""
    return bool(first_response and deadline and first_response <= deadline)


def response_is_overdue(deadline, now):
    """Whether a complaint not answered yet, due at ``deadline``, is late at
    ``now`` (no deadline: never late)."""
    return bool(deadline and deadline < now)


def escalation_due_level(deadline, now, escalation_hours):
    """The escalation an unanswered complaint due at ``deadline`` calls for
    at ``now``: 0 until the deadline, 1 (its rep) past it, 2 (the sales
    manager too) from ``escalation_hours`` past it."""
    if not response_is_overdue(deadline, now):
        return 0
    return 2 if now >= deadline + timedelta(hours=escalation_hours or 0) else 1


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
