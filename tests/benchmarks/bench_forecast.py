"""Benchmark of the monthly sales forecast pre-fill (issue 16, item 4).

Run (from the repository root):
  scripts/bench.sh sales_forecast tests/benchmarks/bench_forecast.py

Data: REPS (200) salespeople with five customers each (1,000 customers),
BENCH_LEADS (default 100,000) open opportunities whose deadlines spread over
the next 12 months, one in three with a two-line quotation (two product
categories of 10), and BENCH_HISTORY_ORDERS (default 96,000) two-line orders
confirmed over the last 24 months. Opportunities and orders are SQL clones of
one real opportunity, quotation and order.

Measured: ``sales.forecast.prefill._generate`` (what the wizard and the cron
run) creating and pre-filling the draft forecasts of every rep for next month,
then for the next three months; each printed next to two baselines: a plain
COUNT(*) of the opportunities and history lines those months read, and the
pre-fill as it was before its lines went set-based (an ORM
``sales.forecast.line.create`` of every suggested line; 28.7 s for one month
when it was the engine), run first on the same data for next month and rolled
back (set BENCH_ORM_BASELINE=0 to skip it). Target (printed as PASS/FAIL): one month of
all 200 reps under 10 s. Each run is rolled back.
"""

import cProfile
import os
import pstats
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import columns, open_env, timed  # noqa: E402
from dateutil.relativedelta import relativedelta  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

LEADS = int(os.environ.get("BENCH_LEADS", "100000"))
HISTORY_ORDERS = int(os.environ.get("BENCH_HISTORY_ORDERS", "96000"))
REPS = 200
CUSTOMERS = 1000
CATEGORIES = 10
TARGET = 10.0
PROFILE = os.environ.get("BENCH_PROFILE", "1") != "0"
ORM_BASELINE = os.environ.get("BENCH_ORM_BASELINE", "1") != "0"
#: one month with the ORM line creation, measured before the rewrite
ORM_BEFORE = 28.7


def orm_insert_lines(prefill, company, month, forecasts):
    """The line creation as it was before it went set-based (the baseline):
    the figures merged in Python, one ORM ``create`` of every line."""
    figures = prefill._figures(company, month, forecasts.user_id.ids)
    by_user = {forecast.user_id.id: forecast for forecast in forecasts}
    currency = company.currency_id
    lines = (
        prefill.env["sales.forecast.line"]
        .sudo()
        .create(
            [
                {
                    "forecast_id": by_user[user_id].id,
                    "partner_id": partner_id,
                    "categ_id": categ_id,
                    "pipeline_amount": currency.round(pipeline),
                    "history_amount": currency.round(history),
                    "history_quantity": qty,
                    "amount": currency.round(pipeline or history),
                    "quantity": qty,
                }
                for (user_id, partner_id, categ_id), (pipeline, history, qty) in (
                    figures.items()
                )
            ]
        )
    )
    return lines.ids


def clone(env, table, template_id, source, overrides):
    """SQL clones of row ``template_id`` of ``table``, one per row of
    ``source`` (an int: 1..n as column g; or a query with a column g);
    ``overrides``: {column: SQL expression over s (the source row)}."""
    if isinstance(source, int):
        source = SQL("SELECT g FROM generate_series(1, %s) g", source)
    cols = columns(env, table, {"id", *overrides})
    names = cols + list(overrides)
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s, %s FROM %s t, (%s) s WHERE t.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(c) for c in names),
            SQL(", ").join(SQL.identifier("t", c) for c in cols),
            SQL(", ").join(overrides.values()),
            SQL.identifier(table),
            source,
            template_id,
        )
    )
    return env.cr.rowcount


def setup(env):
    user_group = env.ref("sales_policy_base.group_sales_policy_user").id
    Users = env["res.users"].with_context(no_reset_password=True)
    reps = Users.create(
        [
            {
                "name": f"Bench Rep {i}",
                "login": f"bench_rep_{i}",
                "groups_id": [Command.set([user_group])],
            }
            for i in range(REPS)
        ]
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench Customer {i}", "is_company": True} for i in range(CUSTOMERS)]
    )
    categories = env["product.category"].create(
        [{"name": f"Bench Category {i}"} for i in range(CATEGORIES)]
    )
    products = env["product.product"].create(
        [
            {"name": f"Bench Product {i}", "categ_id": c.id, "list_price": 100.0}
            for i, c in enumerate(categories)
        ]
    )
    today = fields.Date.today()
    lead = env["crm.lead"].create(
        {
            "name": "Bench Opportunity",
            "type": "opportunity",
            "user_id": reps[0].id,
            "partner_id": partners[0].id,
            "expected_revenue": 10000.0,
            "probability": 40.0,
            "date_deadline": today,
        }
    )
    order = env["sale.order"].create(
        {
            "partner_id": partners[0].id,
            "user_id": reps[0].id,
            "order_line": [
                Command.create({"product_id": products[0].id, "product_uom_qty": 1})
            ],
        }
    )
    env.flush_all()
    arrays = {
        "u": SQL("%s::int[]", reps.ids),
        "p": SQL("%s::int[]", partners.ids),
        "pr": SQL("%s::int[]", products.ids),
    }

    # customer i belongs to rep i % REPS; row g goes to month mod(g, 12) (24
    # for the history) and to customer g / 12 (g / 24): every customer has
    # opportunities and orders in every month
    def rep_of(months):
        return SQL(
            "(%s)[1 + mod(mod(s.g / %s, %s), %s)]", arrays["u"], months, CUSTOMERS, REPS
        )

    def partner_of(months):
        return SQL("(%s)[1 + mod(s.g / %s, %s)]", arrays["p"], months, CUSTOMERS)

    with timed("setup: opportunities"):
        clone(
            env,
            "crm_lead",
            lead.id,
            LEADS,
            {
                "name": SQL("'Bench Opportunity ' || s.g"),
                "user_id": rep_of(12),
                "partner_id": partner_of(12),
                "expected_revenue": SQL("1000 + mod(s.g * 37, 9000)"),
                "probability": SQL("10 + mod(s.g, 80)"),
                "date_deadline": SQL(
                    "date_trunc('month', %s::date) "
                    "+ make_interval(months => 1 + mod(s.g, 12), "
                    "days => mod(s.g, 28))",
                    today,
                ),
            },
        )
    order_line = order.order_line
    with timed("setup: quotations"):
        # one opportunity in three has a quotation
        env.cr.execute(
            SQL(
                "CREATE TEMP TABLE bench_quoted AS SELECT id AS lead_id, user_id, "
                "partner_id, row_number() OVER (ORDER BY id) AS g FROM crm_lead "
                "WHERE name LIKE 'Bench Opportunity %%' AND mod(id, 3) = 0"
            )
        )
        clone(
            env,
            "sale_order",
            order.id,
            SQL("SELECT * FROM bench_quoted"),
            {
                "name": SQL("'BQ' || s.g"),
                "client_order_ref": SQL("'BENCH-Q-' || s.g"),
                "opportunity_id": SQL("s.lead_id"),
                "user_id": SQL("s.user_id"),
                "partner_id": SQL("s.partner_id"),
                "state": SQL("'draft'"),
            },
        )
    with timed("setup: history orders"):
        clone(
            env,
            "sale_order",
            order.id,
            HISTORY_ORDERS,
            {
                "name": SQL("'BH' || s.g"),
                "client_order_ref": SQL("'BENCH-H-' || s.g"),
                "user_id": rep_of(24),
                "partner_id": partner_of(24),
                "state": SQL("'sale'"),
                "date_order": SQL(
                    "date_trunc('month', %s::date) "
                    "- make_interval(months => 1 + mod(s.g, 24), "
                    "days => -mod(s.g, 28))",
                    today,
                ),
            },
        )
    with timed("setup: order lines"):
        env.cr.execute(
            "CREATE TEMP TABLE bench_orders AS SELECT id AS order_id, "
            "row_number() OVER (ORDER BY id) AS g FROM sale_order "
            "WHERE client_order_ref LIKE 'BENCH-%%'"
        )
        for k in (0, 1):
            clone(
                env,
                "sale_order_line",
                order_line.id,
                SQL("SELECT * FROM bench_orders"),
                {
                    "order_id": SQL("s.order_id"),
                    "product_id": SQL(
                        "(%s)[1 + mod(s.g::int + %s, %s)]",
                        arrays["pr"],
                        k * 3,
                        CATEGORIES,
                    ),
                    "product_uom_qty": SQL("1 + mod(s.g::int, 5)"),
                    "price_subtotal": SQL("100 * (1 + mod(s.g::int, 5))"),
                },
            )
        env.cr.execute("ANALYZE crm_lead; ANALYZE sale_order; ANALYZE sale_order_line")
    env.invalidate_all()
    return reps


def baseline(env, months):
    start, end = months[0], months[-1] + relativedelta(months=1)
    env.cr.execute(
        SQL(
            "SELECT (SELECT count(*) FROM crm_lead WHERE active "
            "AND date_deadline >= %s AND date_deadline < %s), "
            "(SELECT count(*) FROM sale_order_line l "
            "JOIN sale_order o ON o.id = l.order_id WHERE o.state = 'sale' "
            "AND o.date_order >= %s AND o.date_order < %s)",
            start,
            end,
            start - relativedelta(years=1),
            end - relativedelta(years=1),
        )
    )
    return env.cr.fetchone()


def run_orm(env, label, months, results):
    """The old ORM pre-fill over the same data (rolled back)."""
    Prefill = env["sales.forecast.prefill"]
    engine = type(Prefill)
    engine._insert_lines = orm_insert_lines
    env.cr.execute("SAVEPOINT bench_orm")
    try:
        with timed(f"{label}: baseline old ORM pre-fill", results):
            forecasts = Prefill._generate(env.company, months)
            env.flush_all()
        print(
            f"  forecasts created: {len(forecasts)}, lines: "
            f"{len(forecasts.line_ids)}, forecast total: "
            f"{sum(forecasts.mapped('amount_total')):,.2f}"
        )
    finally:
        del engine._insert_lines
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_orm")
        env.invalidate_all(flush=False)


def run(env, label, months, results, orm=False):
    if orm and ORM_BASELINE:
        run_orm(env, label, months, results)
    env.cr.execute("SAVEPOINT bench_run")
    with timed(f"{label}: baseline COUNT(*)", results):
        leads, lines = baseline(env, months)
    print(f"  opportunities read: {leads}, history order lines read: {lines}")
    Prefill = env["sales.forecast.prefill"]
    profile = cProfile.Profile()
    with timed(f"{label}: pre-fill", results):
        profile.enable()
        forecasts = Prefill._generate(env.company, months)
        env.flush_all()
        profile.disable()
    print(
        f"  forecasts created: {len(forecasts)}, lines: {len(forecasts.line_ids)}, "
        f"forecast total: {sum(forecasts.mapped('amount_total')):,.2f}"
    )
    if PROFILE:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()


def main():
    results = {}
    with open_env() as env:
        env["sales.forecast"].search([]).sudo().unlink()
        reps = setup(env)
        print(
            f"Data: {len(reps)} reps, {CUSTOMERS} customers, {LEADS} open "
            f"opportunities, {HISTORY_ORDERS} confirmed orders over 24 months"
        )
        env.cr.commit()
        today = fields.Date.today().replace(day=1)
        one = [today + relativedelta(months=1)]
        three = [today + relativedelta(months=i) for i in (1, 2, 3)]
        run(env, "next month", one, results, orm=True)
        run(env, "next 3 months", three, results)
        print()
        print(f"{'figure':<40} {'time':>8} {'old ORM':>9} {'ratio':>6}")
        for label in ("next month", "next 3 months"):
            new = results[f"{label}: pre-fill"]
            old = results.get(f"{label}: baseline old ORM pre-fill")
            print(
                f"{label + ': pre-fill':<40} {new:>7.3f}s "
                + (f"{old:>8.3f}s {old / new:>5.1f}x" if old else f"{'-':>9}")
            )
        elapsed = results["next month: pre-fill"]
        verdict = "PASS" if elapsed < TARGET else "FAIL"
        old = results.get("next month: baseline old ORM pre-fill")
        before = (
            f"old ORM path {old:.3f} s in this run"
            if old
            else f"old ORM path {ORM_BEFORE} s before the rewrite"
        )
        print(
            f"Target: pre-fill of one month for {REPS} reps < {TARGET:.0f} s: "
            f"{elapsed:.3f} s ({before}) {verdict}"
        )


if __name__ == "__main__":
    main()
