# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure arithmetic of the sample policy (no ``env``), tested directly."""

#: fee rules: the grading policy's two values and the one this module adds
FEE_CHARGED = "charged"
FEE_WAIVED = "waived"
FEE_REFUND = "refund_first_order"


def fee_plan(rule, amount):
    """``(charge, refund)`` of a sample fee of ``amount`` under ``rule``.

    charged: the fee is charged, nothing refunded; waived: nothing charged;
    refund_first_order: the fee is charged, then refunded in full on the
    customer's first confirmed order.
    """
    amount = max(float(amount or 0.0), 0.0)
    if rule == FEE_WAIVED:
        return 0.0, 0.0
    if rule == FEE_REFUND:
        return amount, amount
    return amount, 0.0


def budget_overrun(budget, used, cost):
    """How far ``cost`` goes past what is left of ``budget`` after ``used``
    (0 when it fits); ``None`` without a budget (no budget: no limit)."""
    if budget is None:
        return None
    remaining = float(budget) - float(used or 0.0)
    return round(max(float(cost or 0.0) - remaining, 0.0), 2)
