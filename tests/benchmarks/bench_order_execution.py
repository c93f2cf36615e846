"""Benchmark of the delay cron and the order-cycle statistics (issue 16).

Run (from the repository root):
  scripts/bench.sh sales_order_execution tests/benchmarks/bench_order_execution.py

Data: BENCH_ORDERS (default 300,000) confirmed orders of 200 salespeople and
1,000 customers over 24 months, SQL clones of one real confirmed order, each
with one outgoing delivery (a clone of the real order's delivery) and
BENCH_LINES (default 1,000,000) order lines spread over them (clones of the
real line, 10 product categories). BENCH_OPEN (default 100,000) deliveries
are open (committed date in the future), the others done; one open delivery
in BENCH_LATE_EVERY (default 20) is scheduled after its commitment, and one
in BENCH_LATE_EVERY has its commitment passed: 2 in 20 late orders.

1. The delay cron over the open deliveries (``_cron_detect_delays``): opens
   a delay and a rep activity per late order (no email: the setting is off);
   run twice (the second finds nothing left to do). Target < 30 s. Its
   baseline is the cron as it was before the delays and activities went
   set-based (an ORM ``sales.order.delay.create`` and ``mail.activity.create``
   per batch of 1,000; 71.1 s when it was the cron), run first over the same
   deliveries and rolled back; set BENCH_ORM_BASELINE=0 to skip it.
2. The order-cycle statistics (``sales.order.cycle.report._read_group``, as
   the pivot does) by quarter, by rep and by main product category, next to
   a baseline: a plain aggregate over the same order lines and deliveries.
   Target < 5 s each. No invoices are generated: the invoice and payment
   stages are empty (their joins still run).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import bench_users, columns, open_env, timed  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

ORDERS = int(os.environ.get("BENCH_ORDERS", "300000"))
LINES = int(os.environ.get("BENCH_LINES", "1000000"))
OPEN = int(os.environ.get("BENCH_OPEN", "100000"))
LATE_EVERY = int(os.environ.get("BENCH_LATE_EVERY", "20"))
REPS = 200
CUSTOMERS = 1000
CATEGORIES = 10
MONTHS = 24
CRON_TARGET = 30.0
ORM_BASELINE = os.environ.get("BENCH_ORM_BASELINE", "1") != "0"
#: the ORM delay cron over 100,000 open deliveries, before the rewrite
ORM_CRON_BEFORE = 71.1
ACTIVITY_TYPE = "sales_order_execution.mail_activity_type_order_delay"


def orm_open_delays(engine, rows):
    """The delays' creation as it was before it went set-based (the
    baseline): an ORM create of the delays, then of their activities."""
    env = engine.env
    delays = (
        env["sales.order.delay"]
        .sudo()
        .with_context(
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
            mail_notrack=True,
        )
        .create(
            [
                {
                    "order_id": order_id,
                    "commitment_date": commitment,
                    "scheduled_date": scheduled,
                    "kind": "slipped" if slipped else "overdue",
                }
                for order_id, commitment, scheduled, slipped in rows
            ]
        )
    )
    model_id = env["ir.model"]._get_id("sales.order.delay")
    type_id = env.ref(ACTIVITY_TYPE).id
    today = fields.Date.context_today(engine)
    env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
        [
            {
                "res_model_id": model_id,
                "res_id": delay.id,
                "activity_type_id": type_id,
                "summary": f"Late delivery: {delay.order_id.name}, tell the customer",
                "user_id": delay.user_id.id,
                "date_deadline": today,
            }
            for delay in delays
            if delay.user_id
        ]
    )
    return delays


def delay_figures(env):
    env.cr.execute("SELECT kind, count(*) FROM sales_order_delay GROUP BY 1")
    kinds = dict(env.cr.fetchall())
    env.cr.execute(
        "SELECT count(*) FROM mail_activity WHERE res_model = 'sales.order.delay'"
    )
    activities = env.cr.fetchone()[0]
    env.cr.execute(
        "SELECT count(*) FROM mail_followers WHERE res_model = 'sales.order.delay'"
    )
    return kinds, activities, env.cr.fetchone()[0]


CYCLE_TARGET = 5.0


def setup_people(env):
    reps = bench_users(env, "rep", "sales_policy_base.group_sales_policy_user", REPS)
    partners = env["res.partner"].create(
        [
            {
                "name": f"Bench Customer {i}",
                "is_company": True,
                "user_id": reps[i % REPS].id,
                "sales_grade": "abc"[i % 3],
            }
            for i in range(CUSTOMERS)
        ]
    )
    categories = env["product.category"].create(
        [{"name": f"Bench Category {i}"} for i in range(CATEGORIES)]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench Product {i}",
                "is_storable": True,
                "categ_id": categories[i].id,
                "list_price": 100.0,
            }
            for i in range(CATEGORIES)
        ]
    )
    return reps, partners, products


def template_order(env, partner, product):
    """One real confirmed order with its outgoing delivery."""
    env["sales.policy.approval.rule"].with_context(active_test=False).search(
        []
    ).active = False
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "commitment_date": "2030-01-01 00:00:00",
            "order_line": [Command.create({"product_id": product.id})],
        }
    )
    order.action_confirm()
    env.flush_all()
    return order


def clone(env, reps, partners, products, order):
    u_ids = [partners[i].user_id.id for i in range(CUSTOMERS)]
    p_ids = partners.ids
    varying = {
        "id",
        "name",
        "partner_id",
        "partner_invoice_id",
        "partner_shipping_id",
        "user_id",
        "date_order",
        "create_date",
        "commitment_date",
        "access_token",
    }
    cols = columns(env, "sale_order", varying)
    env.cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_exec_orders AS
            WITH ins AS (
                INSERT INTO sale_order (%(cols)s, name, partner_id, partner_invoice_id,
                    partner_shipping_id, user_id, date_order, create_date,
                    commitment_date)
                SELECT %(src)s, 'BX' || s.g, s.partner, s.partner, s.partner, s.rep,
                       s.confirmed, s.confirmed - interval '3 days',
                       CASE WHEN s.g <= %(open)s AND mod(s.g, %(late)s) = 1
                            THEN (now() at time zone 'UTC') - interval '2 days'
                            ELSE (now() at time zone 'UTC') + interval '30 days' END
                  FROM sale_order t,
                       (SELECT g,
                               (%(p_ids)s::int[])[1 + mod(g, %(n)s)] AS partner,
                               (%(u_ids)s::int[])[1 + mod(g, %(n)s)] AS rep,
                               (now() at time zone 'UTC') - make_interval(
                                   days => mod(g, %(days)s)) AS confirmed
                          FROM generate_series(1, %(count)s) g) s
                 WHERE t.id = %(tmpl)s
                RETURNING id, name
            )
            SELECT substr(name, 3)::int AS n, id AS order_id FROM ins
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            src=SQL(", ").join(SQL.identifier("t", c) for c in cols),
            open=OPEN,
            late=LATE_EVERY,
            p_ids=p_ids,
            u_ids=u_ids,
            n=CUSTOMERS,
            days=MONTHS * 30,
            count=ORDERS,
            tmpl=order.id,
        )
    )
    env.cr.execute("CREATE UNIQUE INDEX ON bench_exec_orders (n)")
    line = order.order_line[:1]
    varying = {"id", "order_id", "product_id", "price_subtotal", "name"}
    cols = columns(env, "sale_order_line", varying)
    env.cr.execute(
        SQL(
            """
            INSERT INTO sale_order_line (%(cols)s, order_id, product_id,
                                         price_subtotal, name)
            SELECT %(src)s, o.order_id, (%(prods)s::int[])[1 + mod(g, %(ncat)s)],
                   10 + mod(g * 7, 500), 'Bench line'
              FROM sale_order_line t, generate_series(1, %(count)s) g
              JOIN bench_exec_orders o ON o.n = 1 + mod(g, %(orders)s)
             WHERE t.id = %(tmpl)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            src=SQL(", ").join(SQL.identifier("t", c) for c in cols),
            prods=products.ids,
            ncat=CATEGORIES,
            count=LINES,
            orders=ORDERS,
            tmpl=line.id,
        )
    )
    lines = env.cr.rowcount
    picking = order.picking_ids[:1]
    varying = {
        "id",
        "name",
        "sale_id",
        "partner_id",
        "state",
        "scheduled_date",
        "date_done",
        "origin",
        "date_deadline",
    }
    cols = columns(env, "stock_picking", varying)
    env.cr.execute(
        SQL(
            """
            INSERT INTO stock_picking (%(cols)s, name, sale_id, partner_id, state,
                                       scheduled_date, date_done, origin)
            SELECT %(src)s, 'BX/OUT/' || o.n, o.order_id, so.partner_id,
                   CASE WHEN o.n <= %(open)s THEN 'assigned' ELSE 'done' END,
                   CASE WHEN o.n <= %(open)s AND mod(o.n, %(late)s) = 2
                        THEN so.commitment_date + interval '5 days'
                        ELSE so.commitment_date - interval '1 day' END,
                   CASE WHEN o.n > %(open)s
                        THEN so.date_order + make_interval(days => 1 + mod(o.n, 20))
                   END,
                   so.name
              FROM stock_picking t, bench_exec_orders o
              JOIN sale_order so ON so.id = o.order_id
             WHERE t.id = %(tmpl)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            src=SQL(", ").join(SQL.identifier("t", c) for c in cols),
            open=OPEN,
            late=LATE_EVERY,
            tmpl=picking.id,
        )
    )
    pickings = env.cr.rowcount
    env.cr.execute("ANALYZE sale_order; ANALYZE sale_order_line; ANALYZE stock_picking")
    env.invalidate_all()
    return lines, pickings


def cycle_figures(env, results):
    Report = env["sales.order.cycle.report"]
    labels = []
    label = "baseline: aggregate of lines and deliveries"
    with timed(label, results):
        env.cr.execute(
            """
            SELECT count(*), sum(price_subtotal) FROM sale_order_line;
            """
        )
        env.cr.fetchall()
        env.cr.execute(
            "SELECT sale_id, min(date_done), max(date_done) FROM stock_picking "
            "GROUP BY sale_id"
        )
        env.cr.fetchall()
    labels.append(label)
    for groupby in ("confirmation_date:quarter", "user_id", "categ_id", "sales_grade"):
        label = f"cycle report _read_group by {groupby}"
        with timed(label, results):
            groups = Report._read_group(
                [],
                [groupby],
                ["order_count:sum", "days_to_last_delivery:avg", "cycle_days:avg"],
            )
        orders = sum(g[1] for g in groups)
        print(f"  {len(groups)} groups, {orders} orders")
        labels.append(label)
    return labels


def main():
    results = {}
    with open_env() as env:
        with timed(
            f"setup: {ORDERS} orders, {LINES} lines, {ORDERS} deliveries "
            f"({OPEN} open)"
        ):
            reps, partners, products = setup_people(env)
            order = template_order(env, partners[0], products[0])
            lines, pickings = clone(env, reps, partners, products, order)
        print(f"  {lines} lines and {pickings} deliveries inserted")
        env.cr.commit()

        Engine = env["sales.order.delay.engine"]
        orm_cron = None
        if ORM_BASELINE:
            engine_class = type(Engine)
            engine_class._open_delays = orm_open_delays
            try:
                start = time.perf_counter()
                with timed(f"baseline: old ORM delay cron over {OPEN} deliveries"):
                    orm_done, orm_failed = Engine._cron_detect_delays(commit=False)
                    env.flush_all()
                orm_cron = time.perf_counter() - start
            finally:
                del engine_class._open_delays
            kinds, activities, followers = delay_figures(env)
            print(
                f"  {orm_done} delays opened, {orm_failed} failed; {kinds}; "
                f"{activities} activities, {followers} followers"
            )
            env.cr.rollback()
            env.invalidate_all(flush=False)
        start = time.perf_counter()
        with timed(f"delay cron over {OPEN} open deliveries"):
            done, failed = Engine._cron_detect_delays()
        cron = time.perf_counter() - start
        kinds, activities, followers = delay_figures(env)
        print(
            f"  {done} delays opened, {failed} failed; {kinds}; "
            f"{activities} activities, {followers} followers"
        )
        start = time.perf_counter()
        with timed("delay cron again (nothing left to do)"):
            again = Engine._cron_detect_delays()
        print(f"  {again[0]} opened, {again[1]} failed")
        env.cr.commit()

        labels = cycle_figures(env, results)
        env.cr.rollback()

    print()
    print(f"{'figure':<58} {'time':>8} {'baseline':>9}")
    baseline = results[labels[0]]
    for label in labels[1:]:
        print(f"{label:<58} {results[label]:>7.3f}s {baseline:>8.3f}s")
    worst = max(results[label] for label in labels[1:])
    print(
        f"order-cycle statistics over {LINES} lines and {ORDERS} deliveries: "
        f"slowest {worst:.3f} s (target < {CYCLE_TARGET:.0f} s): "
        f"{'PASS' if worst < CYCLE_TARGET else 'FAIL'}"
    )
    before = (
        f"old ORM path {orm_cron:.3f} s in this run, {orm_cron / cron:.1f}x"
        if orm_cron is not None
        else f"old ORM path {ORM_CRON_BEFORE} s before the rewrite"
    )
    print(
        f"delay cron over {OPEN} open deliveries ({done} late): {cron:.3f} s "
        f"({before}; target < {CRON_TARGET:.0f} s): "
        f"{'PASS' if cron < CRON_TARGET else 'FAIL'}"
    )
    if LINES < 1_000_000 or ORDERS < 300_000 or OPEN < 100_000:
        print("(reduced sizes: the targets are for 1,000,000 / 300,000 / 100,000)")


if __name__ == "__main__":
    main()
