# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The credit terms of contacts merged into one: the stricter of them.

Merging contacts is not a credit decision: the merged customer keeps the
strictest limit, rating and collection status among the merged ones, so a
merge can never loosen a customer's credit. Pure function, no ``env``.
"""

#: rating and collection status, from the loosest to the strictest
RATING_ORDER = {"good": 1, "watch": 2, "bad": 3}
COLLECTION_ORDER = {"normal": 1, "escalated": 2, "legal": 3}


def _strictest(values, order):
    known = [value for value in values if value in order]
    return max(known, key=order.__getitem__) if known else False


def stricter_credit_terms(terms):
    """``terms``: one dict per merged contact with ``sales_credit_limit``
    (0: no limit), ``sales_credit_rating`` and ``sales_collection_status``.
    Returns the merged dict: the smallest positive limit (0 only when no
    contact has a limit), the worst rating, the worst collection status."""
    limits = [t.get("sales_credit_limit") or 0.0 for t in terms]
    positive = [limit for limit in limits if limit > 0]
    return {
        "sales_credit_limit": min(positive) if positive else 0.0,
        "sales_credit_rating": _strictest(
            [t.get("sales_credit_rating") for t in terms], RATING_ORDER
        ),
        "sales_collection_status": _strictest(
            [t.get("sales_collection_status") for t in terms], COLLECTION_ORDER
        )
        or "normal",
    }
