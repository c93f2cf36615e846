# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure commission arithmetic: no ``env``, no ORM, tested directly.

The ORM layer (plans, commission lines, settlements) is meant to call these
functions; they only take numbers and return numbers.
"""

from decimal import ROUND_HALF_UP, Decimal


def _check_rate(rate):
    if rate < 0 or rate > 100:
        raise ValueError(f"Commission rate {rate} is outside 0-100 %.")


def prepare_tiers(tiers):
    """Validate and sort ``tiers`` once, for repeated calls of
    :func:`tiered_commission_sorted` (the generation of many lines)."""
    tiers = sorted((float(t), float(r)) for t, r in tiers)
    if not tiers:
        return []
    if tiers[0][0] != 0.0:
        raise ValueError("The first commission tier must start at 0.")
    thresholds = [t for t, _r in tiers]
    if len(set(thresholds)) != len(thresholds):
        raise ValueError("Two commission tiers share the same threshold.")
    for _t, rate in tiers:
        _check_rate(rate)
    return tiers


def tiered_commission_sorted(achieved, tiers):
    """:func:`marginal_tiered_commission` on tiers from :func:`prepare_tiers`."""
    sign = -1.0 if achieved < 0 else 1.0
    amount = abs(float(achieved))
    total = 0.0
    last = len(tiers) - 1
    for index, (threshold, rate) in enumerate(tiers):
        if amount <= threshold:
            break
        upper = tiers[index + 1][0] if index < last else amount
        total += (min(amount, upper) - threshold) * rate / 100.0
    return sign * total


def marginal_tiered_commission(achieved, tiers):
    """Commission on ``achieved`` with ``tiers`` applied marginally.

    ``tiers`` is an iterable of ``(threshold, rate_percent)``: ``rate_percent``
    applies to the part of ``achieved`` above ``threshold`` and up to the next
    threshold (like tax brackets). Thresholds are absolute amounts (for
    achievement against a target, pass ``target * percent / 100``). The first
    threshold must be 0 so that every unit of revenue has a rate. A negative
    ``achieved`` (net refunds) gives the mirrored negative commission.
    """
    return tiered_commission_sorted(achieved, prepare_tiers(tiers))


def marginal_increment(achieved_before, amount, tiers):
    """Commission earned by adding ``amount`` on top of ``achieved_before``.

    Used to attribute a period's marginal commission to one more invoice line:
    the difference of the tiered commission after and before it.
    """
    return marginal_tiered_commission(
        achieved_before + amount, tiers
    ) - marginal_tiered_commission(achieved_before, tiers)


def marginal_increment_sorted(achieved_before, amount, tiers):
    """:func:`marginal_increment` on tiers from :func:`prepare_tiers`."""
    return tiered_commission_sorted(
        achieved_before + amount, tiers
    ) - tiered_commission_sorted(achieved_before, tiers)


def collection_share(amount_paid, amount_total):
    """Pro-rata share of an invoice collected: ``amount_paid / amount_total``.

    Clamped to [0, 1]; an invoice with a zero total has no collectable share.
    """
    if not amount_total:
        return 0.0
    share = float(amount_paid) / float(amount_total)
    return max(0.0, min(1.0, share))


def split_amounts(amount, percentages, digits=2):
    """Split ``amount`` by ``percentages`` (summing to 100), rounded to
    ``digits``; the rounding remainder goes to the last share so the parts
    always add up to the rounded ``amount``.
    """
    percentages = list(percentages)
    if not percentages:
        return []
    if any(p < 0 or p > 100 for p in percentages):
        raise ValueError("A split percentage is outside 0-100 %.")
    if abs(sum(percentages) - 100.0) > 1e-6:
        raise ValueError(f"Split percentages sum to {sum(percentages)}, not 100.")
    quantum = Decimal(1).scaleb(-digits)
    total = Decimal(str(amount)).quantize(quantum, rounding=ROUND_HALF_UP)
    parts = [
        (total * Decimal(str(p)) / 100).quantize(quantum, rounding=ROUND_HALF_UP)
        for p in percentages
    ]
    parts[-1] += total - sum(parts)
    return [float(p) for p in parts]


def received_share(received, matched):
    """Share of a payment entry's matched receivable that is money received.

    ``received``: the entry's bank or cash amount; ``matched``: its receivable
    (or payable) amount. A payment of 900 that settles 1,000 with a 100
    write-off received 90 %. Clamped to [0, 1]; signs are ignored.
    """
    if not matched:
        return 0.0
    return max(0.0, min(1.0, abs(float(received)) / abs(float(matched))))
