"""Benchmark of the competitor-price lookup on quotation lines (issue 18).

Run (from the repository root):
  scripts/bench.sh sales_competitor tests/benchmarks/bench_competitor.py

A 50-line quotation (50 products) is loaded as the quotation form loads it
(``web_read`` of the order and its lines), by a salesperson, with and without
the competitor-price columns (latest price in the company currency, competitor,
date), over BENCH_OBSERVATIONS (default 200,000) price observations of
BENCH_PRODUCTS (default 2,000) products by 20 competitors (SQL rows). Printed:
queries and median wall time of each load over BENCH_ROUNDS (default 20) cold
loads (caches invalidated), the baseline (without the lookup) side by side.
Target (PASS/FAIL, issue 18): the lookup adds at most 1 query.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import bench_users, open_env  # noqa: E402

from odoo import Command  # noqa: E402
from odoo.tools import SQL  # noqa: E402

OBSERVATIONS = int(os.environ.get("BENCH_OBSERVATIONS", "200000"))
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
LINES = 50
COMPETITORS = 20
QUERY_TARGET = 1
USER_GROUP = "sales_policy_base.group_sales_policy_user"

LINE_FIELDS = {
    "sequence": {},
    "display_type": {},
    "product_id": {"fields": {"display_name": {}}},
    "name": {},
    "product_uom_qty": {},
    "product_uom": {"fields": {"display_name": {}}},
    "price_unit": {},
    "tax_id": {"fields": {"display_name": {}}},
    "discount": {},
    "price_subtotal": {},
    "price_total": {},
}
COMPETITOR_FIELDS = {
    "competitor_price": {},
    "competitor_price_name": {},
    "competitor_price_date": {},
}


def setup(env):
    rep = bench_users(env, "rep", USER_GROUP, 1)
    products = env["product.product"].create(
        [
            {"name": f"Bench Grade {i}", "list_price": 10.0 + i % 90}
            for i in range(PRODUCTS)
        ]
    )
    competitors = env["sales.competitor"].create(
        [{"name": f"Bench Competitor {i}"} for i in range(COMPETITORS)]
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO sales_competitor_price
                   (competitor_id, product_id, price_unit, currency_id, date,
                    source, company_id, price_company, user_id,
                    create_uid, write_uid, create_date, write_date)
            SELECT (%(competitors)s::int[])[1 + mod(g, %(nc)s)],
                   (%(products)s::int[])[1 + mod(g * 7, %(np)s)],
                   5 + mod(g, 100), %(currency)s,
                   CURRENT_DATE - mod(g * 13, 730), 'visit', %(company)s,
                   5 + mod(g, 100), %(rep)s, 1, 1, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            competitors=competitors.ids,
            nc=COMPETITORS,
            products=products.ids,
            np=PRODUCTS,
            currency=env.company.currency_id.id,
            company=env.company.id,
            rep=rep.id,
            count=OBSERVATIONS,
        )
    )
    env.cr.execute("ANALYZE sales_competitor_price")
    partner = env["res.partner"].create({"name": "Bench Customer", "user_id": rep.id})
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "user_id": rep.id,
            "order_line": [
                Command.create({"product_id": product.id, "product_uom_qty": 1})
                for product in products[:LINES]
            ],
        }
    )
    return rep, order


def load(env, order, with_lookup):
    fields = dict(LINE_FIELDS, **(COMPETITOR_FIELDS if with_lookup else {}))
    env.invalidate_all()
    count0 = env.cr.sql_log_count
    start = time.perf_counter()
    result = order.web_read(
        {
            "name": {},
            "partner_id": {"fields": {"display_name": {}}},
            "order_line": {"fields": fields},
        }
    )
    elapsed = time.perf_counter() - start
    assert len(result[0]["order_line"]) == LINES
    return env.cr.sql_log_count - count0, elapsed


def main():
    with open_env() as env:
        rep, order = setup(env)
        env.cr.commit()
        order = order.with_user(rep)
        figures = {}
        for with_lookup in (True, False):  # warm the caches
            load(env, order, with_lookup)
        for with_lookup in (False, True):
            runs = [load(env, order, with_lookup) for _round in range(ROUNDS)]
            figures[with_lookup] = (
                max(queries for queries, _elapsed in runs),
                statistics.median(elapsed for _queries, elapsed in runs),
            )
        env.cr.rollback()
    base_q, base_t = figures[False]
    with_q, with_t = figures[True]
    print(
        f"{LINES}-line quotation form load, {OBSERVATIONS} observations of "
        f"{PRODUCTS} products, median of {ROUNDS} cold loads:"
    )
    print(f"  without the lookup (baseline): {base_q} queries, {base_t * 1000:.1f} ms")
    print(f"  with the lookup:               {with_q} queries, {with_t * 1000:.1f} ms")
    added = with_q - base_q
    verdict = "PASS" if added <= QUERY_TARGET else "FAIL"
    print(
        f"  added by the lookup: {added} quer{'y' if added == 1 else 'ies'}, "
        f"{(with_t - base_t) * 1000:+.1f} ms (target <= {QUERY_TARGET}): {verdict}"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
