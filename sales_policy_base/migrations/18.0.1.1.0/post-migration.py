# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approval rules test one declared metric instead of three fixed columns.

A rule of 18.0.1.0.0 held ``below_floor``, ``discount_above`` and
``margin_below``; each rule used one of them. Odoo keeps the old columns: the
rule's metric is set from the first one that was set, so every rule keeps
applying to the same documents.
"""

from odoo.tools import SQL

LEGACY = (
    ("below_floor", "below_floor", "set", "0"),
    ("discount_above", "discount", ">", "discount_above"),
    ("margin_below", "margin", "<", "margin_below"),
)


def migrate(cr, version):
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'sales_policy_approval_rule' AND column_name IN %s",
        (tuple(column for column, *_rest in LEGACY),),
    )
    present = {row[0] for row in cr.fetchall()}
    for column, metric, operator, value in LEGACY:
        if column not in present:
            continue
        condition = (
            SQL("%s IS TRUE", SQL.identifier(column))
            if column == "below_floor"
            else SQL("COALESCE(%s, 0) > 0", SQL.identifier(column))
        )
        cr.execute(
            SQL(
                "UPDATE sales_policy_approval_rule SET metric = %s, "
                "metric_operator = %s, metric_value = %s "
                "WHERE metric IS NULL AND %s",
                metric,
                operator,
                SQL(value) if value != "0" else 0,
                condition,
            )
        )
