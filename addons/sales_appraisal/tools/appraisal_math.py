# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure arithmetic of targets and appraisals (no ``env``), tested directly."""

from collections import namedtuple

#: a measured period: the company and the dates [date_from, date_to)
Period = namedtuple("Period", ["company", "date_from", "date_to"])

MONTHS = 12


def _spread(amount, weights, digits):
    """Split ``amount`` in proportion to ``weights``, rounded to ``digits``;
    the last share takes the rounding rest so that the shares add up."""
    total = sum(weights)
    if total <= 0:
        weights = [1.0] * len(weights)
        total = float(len(weights))
    shares = [round(amount * w / total, digits) for w in weights]
    shares[-1] = round(amount - sum(shares[:-1]), digits)
    return shares


def breakdown_even(amount, digits=2):
    """An annual amount broken into 12 equal months (December takes the
    rounding rest): 1000 -> 83.33 x 11 + 83.37."""
    return _spread(amount, [1.0] * MONTHS, digits)


def breakdown_seasonal(amount, last_year, digits=2):
    """An annual amount broken into months in proportion to ``last_year``
    (12 monthly figures, e.g. last year's confirmed order amounts); evenly
    when last year has no figure."""
    if len(last_year) != MONTHS:
        raise ValueError("Seasonality needs 12 monthly figures.")
    weights = [max(value or 0.0, 0.0) for value in last_year]
    return _spread(amount, weights, digits)


def quarter_totals(months):
    """The four quarter totals of 12 monthly figures."""
    if len(months) != MONTHS:
        raise ValueError("Quarter totals need 12 monthly figures.")
    return [sum(months[q * 3 : q * 3 + 3]) for q in range(4)]


def achievement(actual, target):
    """Achievement in percent: actual / target x 100; a period without a
    target (target <= 0) is achieved (100); a negative actual gives 0."""
    if not target or target <= 0:
        return 100.0
    return max(actual or 0.0, 0.0) * 100.0 / target


def band_score(achieved, bands):
    """The score of the highest band reached: ``bands`` are
    ``(achievement from %, score)``; below the lowest band the score is 0."""
    score = 0.0
    best = None
    for threshold, band in bands:
        if achieved >= threshold and (best is None or threshold > best):
            best, score = threshold, band
    return float(score)


def weighted_total(scores):
    """Weighted mean of ``(score, weight)`` pairs, over the weights given
    (a month scores its measured indicators only)."""
    weight = sum(w for _score, w in scores)
    if weight <= 0:
        return 0.0
    return sum(score * w for score, w in scores) / weight


def growth_rate(current, previous):
    """Growth against the same period last year, in percent; None without a
    figure last year."""
    if not previous:
        return None
    return (current - previous) * 100.0 / abs(previous)


def consecutive_failures(flags):
    """Number of failing periods at the end of ``flags`` (oldest first):
    [True, False, True, True] -> 2."""
    count = 0
    for failed in reversed(list(flags)):
        if not failed:
            break
        count += 1
    return count
