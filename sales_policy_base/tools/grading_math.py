# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-grading arithmetic: plain functions, no ``env``.

A criterion's value is turned into a score between 0 and 100 against the
policy's "full marks" value (the value that earns all points); the weighted
scores add up to the customer's score, from which the grade follows:

    score(criterion) = min(100, value / full_marks * 100)
    points(criterion) = score(criterion) * weight / 100
    total = sum(points)         (weights add up to 100, so 0 <= total <= 100)
    grade = "a" if total >= a_threshold, "b" if total >= b_threshold, else "c"
"""

CRITERIA = ("revenue", "frequency", "intent", "ability")


def criterion_score(value, full_marks):
    """Score (0-100) of ``value`` measured against ``full_marks``."""
    if not full_marks or full_marks <= 0 or not value or value <= 0:
        return 0.0
    return min(100.0, value / full_marks * 100.0)


def grade_for_score(score, a_threshold, b_threshold):
    """Grade letter of a total score."""
    if score >= a_threshold:
        return "a"
    if score >= b_threshold:
        return "b"
    return "c"


def grade_score(values, weights, full_marks, a_threshold, b_threshold):
    """Grade one customer.

    :param values: ``{criterion: value}`` (missing criteria count as 0)
    :param weights: ``{criterion: weight}``, adding up to 100
    :param full_marks: ``{criterion: value earning 100}``
    :return: ``(grade, total, details)`` where ``details`` is
        ``{criterion: {"value", "score", "weight", "points"}}``; scores and
        points rounded to 2 decimals, the grade taken from the rounded total.
    """
    details = {}
    total = 0.0
    for criterion in CRITERIA:
        value = values.get(criterion) or 0.0
        weight = weights.get(criterion) or 0.0
        score = criterion_score(value, full_marks.get(criterion))
        points = score * weight / 100.0
        total += points
        details[criterion] = {
            "value": round(value, 2),
            "score": round(score, 2),
            "weight": weight,
            "points": round(points, 2),
        }
    total = round(total, 2)
    return grade_for_score(total, a_threshold, b_threshold), total, details
