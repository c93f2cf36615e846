# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SQL of the order's gate, generated from field definitions.

No ``env``: the functions take the models' fields (names, types, relation
tables) and return ``SQL`` objects. ``sale.order`` calls them with its one
definition of what an approval covers (``FINGERPRINT_FIELDS``).
"""

from odoo.tools import SQL


def fingerprint_term_sql(field, alias):
    """SQL text of one field's value in the fingerprint (NULL as '')."""
    column = SQL.identifier(alias, field.name)
    if field.type == "many2many":
        return SQL(
            "COALESCE((SELECT string_agg(rel.%s::text, ',' ORDER BY rel.%s) "
            "FROM %s rel WHERE rel.%s = %s), '')",
            SQL.identifier(field.column2),
            SQL.identifier(field.column2),
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            SQL.identifier(alias, "id"),
        )
    if field.type in ("text", "html"):
        return SQL("md5(COALESCE(%s::text, ''))", column)
    if field.type in ("float", "monetary"):
        return SQL("COALESCE(%s::numeric::text, '')", column)
    return SQL("COALESCE(%s::text, '')", column)


def fingerprint_sql(order_model, line_model, fields_by_model):
    """The fingerprint of order "o": its fields and its lines (in a stable
    order, whatever their sequence), from ``fields_by_model``."""
    order_terms = [
        fingerprint_term_sql(order_model._fields[name], "o")
        for name in fields_by_model["sale.order"]
    ]
    line_terms = [
        fingerprint_term_sql(line_model._fields[name], "l")
        for name in fields_by_model["sale.order.line"]
    ]
    lines = SQL(
        "COALESCE((SELECT string_agg(x.line, ';' ORDER BY x.line) FROM "
        "(SELECT concat_ws(',', %s) AS line FROM sale_order_line l "
        "WHERE l.order_id = o.id) x), '')",
        SQL(", ").join(line_terms),
    )
    return SQL("concat_ws('|', %s, %s)", SQL(", ").join(order_terms), lines)


def floor_snapshot_sql(fingerprint, ids):
    """The orders' fingerprints and the raw columns of their priced lines
    that the floor test reads: one row per line (one with no line for an
    order without any). The tiers are picked and the lines judged in Python
    (``tools/floor_math.py``), as the line's compute does; the lines whose
    floor needs a conversion (another currency or unit) go through the
    line's ``_sales_policy_floor``. The order data is a MATERIALIZED CTE of
    scalar subqueries: it keeps planning cheap (a nine-table join took
    milliseconds to plan on every confirmation)."""
    return SQL(
        """
WITH ord AS MATERIALIZED (
    SELECT o.id,
           %s AS fingerprint,
           o.currency_id = (SELECT c.currency_id FROM res_company c
                             WHERE c.id = o.company_id) AS same_currency,
           COALESCE((SELECT cp.sales_policy_is_distributor
                       FROM res_partner p
                       JOIN res_partner cp ON cp.id = p.commercial_partner_id
                      WHERE p.id = o.partner_id), FALSE)
           OR COALESCE((SELECT pl.sales_policy_distributor
                          FROM product_pricelist pl
                         WHERE pl.id = o.pricelist_id), FALSE) AS distributor,
           (SELECT cur.rounding FROM res_currency cur
             WHERE cur.id = o.currency_id) AS rounding
      FROM sale_order o
     WHERE o.id IN %s
)
SELECT ord.id, ord.fingerprint, ord.rounding, ord.distributor, line.id,
       ord.same_currency AND line.product_uom = line.uom_id AS simple,
       line.price_unit, line.discount, line.product_uom_qty,
       line.variant_minimum, line.variant_distributor,
       line.minimum, line.distributor
  FROM ord
  LEFT JOIN (
      SELECT l.id, l.order_id, l.price_unit, l.discount, l.product_uom_qty,
             l.product_uom, pt.uom_id,
             pp.sales_policy_variant_min_price AS variant_minimum,
             pp.sales_policy_variant_distributor_min_price AS variant_distributor,
             pt.sales_policy_min_price AS minimum,
             pt.sales_policy_distributor_min_price AS distributor
        FROM sale_order_line l
        JOIN product_product pp ON pp.id = l.product_id
        JOIN product_template pt ON pt.id = pp.product_tmpl_id
       WHERE l.display_type IS NULL AND l.is_downpayment IS NOT TRUE
  ) line ON line.order_id = ord.id
""",
        fingerprint,
        tuple(ids),
    )
