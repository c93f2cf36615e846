# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Price floors and effective discounts of an order: the one definition
(which tier is a product's floor: ``sales_policy_base/tools/floor_math.py``).

Pure functions: no ``env``, no database. The line's compute (ORM values) and
the order's gate (one SQL query of raw columns) both call them, so the two
can only disagree on the values they are given.

A *line* here is a tuple ``(key, price_unit, discount, quantity, floor)``:
prices in the order's currency, the floor per unit of the line's unit (0: no
floor). Order-level discounts are lines too: a negative line (Odoo's discount
wizard, any product at a negative price) lowers every positive line's net
price in proportion to its amount.
"""


def net_unit(price_unit, discount):
    """Unit price after the line's own discount (%)."""
    return (price_unit or 0.0) * (1.0 - (discount or 0.0) / 100.0)


def order_discount_factor(lines):
    """Share of the positive lines' amount left after the negative lines.

    1 without negative lines, 0 when they take it all (or there is nothing
    positive for them to discount).
    """
    positive = negative = 0.0
    for _key, price_unit, discount, quantity, _floor in lines:
        amount = net_unit(price_unit, discount) * (quantity or 0.0)
        if amount > 0:
            positive += amount
        else:
            negative -= amount
    if not negative:
        return 1.0
    if positive <= 0:
        return 0.0
    return max(0.0, 1.0 - negative / positive)


def effective_discount(lines):
    """Discount (%) of the whole order: gross amount of the positive lines
    against what the order charges after line discounts and negative lines."""
    gross = net = 0.0
    for _key, price_unit, discount, quantity, _floor in lines:
        amount = (price_unit or 0.0) * (quantity or 0.0)
        if amount > 0:
            gross += amount
        net += net_unit(price_unit, discount) * (quantity or 0.0)
    if gross <= 0:
        return 0.0
    return min(100.0, max(0.0, (1.0 - net / gross) * 100.0))


def is_below(net, floor, rounding):
    """Whether a net unit price is below its floor by half a currency unit or more."""
    return bool(floor) and floor > 0 and net < floor - (rounding or 0.01) / 2.0


def judge_lines(lines, rounding):
    """Return {key: (net unit price after order discounts, below floor)}.

    A line whose own net price is positive takes its share of the order's
    negative lines; a line at a negative price is judged at that price.
    """
    factor = order_discount_factor(lines)
    result = {}
    for key, price_unit, discount, _quantity, floor in lines:
        net = net_unit(price_unit, discount)
        if net > 0:
            net *= factor
        result[key] = (net, is_below(net, floor, rounding))
    return result
