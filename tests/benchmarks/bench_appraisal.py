"""Benchmark of the monthly appraisal scores (issue 17).

Run (from the repository root):
  scripts/bench.sh sales_appraisal tests/benchmarks/bench_appraisal.py

Data: BENCH_REPS (default 500) reps in 25 teams, each with an annual target
and the shipped template's indicators; 5,000 customers; BENCH_LINES (default
1,000,000) confirmed order lines on BENCH_LINES / 5 orders spread over 24
months (so every month has last year's figures for the growth rate and every
customer a history for the new-customer test); BENCH_VISITS (default 200,000)
done visit reports over the same months. Orders, lines and visits are SQL
clones of one real record each (generate_series).

Measured: ``sales.appraisal.engine._compute_month`` for the last month, for
50 reps and for all reps (each in a transaction rolled back afterwards):
the wall time and the number of SQL queries, next to a baseline (a plain
COUNT(*) of the month's orders and visits). Target: all reps under 10 s
(PASS/FAIL); the query count of the measures does not grow with the reps.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import bench_users, columns, open_env, query_count  # noqa: E402
from dateutil.relativedelta import relativedelta  # noqa: E402

from odoo import Command, fields  # noqa: E402

REPS = int(os.environ.get("BENCH_REPS", "500"))
LINES = int(os.environ.get("BENCH_LINES", "1000000"))
VISITS = int(os.environ.get("BENCH_VISITS", "200000"))
TEAMS = 25
CUSTOMERS = 5000
MONTHS = 24
TARGET_SECONDS = 10.0


USER_GROUP = "sales_policy_base.group_sales_policy_user"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


def setup_people(env):
    managers = bench_users(env, "manager", MANAGER_GROUP, TEAMS)
    reps = bench_users(env, "rep", USER_GROUP, REPS)
    per_team = max(REPS // TEAMS, 1)
    teams = env["crm.team"].create(
        [
            {
                "name": f"Bench Team {i}",
                "user_id": managers[i].id,
                "member_ids": [
                    Command.set(reps[i * per_team : (i + 1) * per_team].ids)
                ],
            }
            for i in range(TEAMS)
        ]
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench Customer {i}", "is_company": True} for i in range(CUSTOMERS)]
    )
    env.flush_all()
    return reps, teams, partners, per_team


def setup_orders(env, reps, partners, start):
    product = env["product.product"].create(
        {"name": "Bench Carbonate", "list_price": 100.0, "standard_price": 60.0}
    )
    order = env["sale.order"].create(
        {
            "partner_id": partners[0].id,
            "user_id": reps[0].id,
            "order_line": [
                Command.create(
                    {"product_id": product.id, "product_uom_qty": 1, "price_unit": 100}
                )
            ],
        }
    )
    order.action_confirm()
    env.flush_all()
    orders = LINES // 5
    order_cols = columns(
        env,
        "sale_order",
        {
            "id",
            "name",
            "partner_id",
            "partner_invoice_id",
            "partner_shipping_id",
            "user_id",
            "date_order",
            "amount_untaxed",
            "margin",
            "access_token",
        },
    )
    cols = ", ".join(order_cols)
    env.cr.execute(
        f"""
        INSERT INTO sale_order ({cols}, name, partner_id, partner_invoice_id,
               partner_shipping_id, user_id, date_order, amount_untaxed, margin)
        SELECT {cols}, 'B' || g, p.pid, p.pid, p.pid,
               (%(uids)s::int[])[1 + g %% %(nu)s],
               %(start)s::timestamp + ((g %% %(days)s) || ' days')::interval,
               100 + (g %% 900), 30 + (g %% 300)
          FROM sale_order o, generate_series(1, %(n)s) g,
               LATERAL (
                   SELECT (%(pids)s::int[])[1 + (g * 7919) %% %(np)s] AS pid
               ) p
         WHERE o.id = %(template)s
        """,  # noqa: S608 - column names from information_schema
        {
            "start": start,
            "days": (start + relativedelta(months=MONTHS) - start).days,
            "n": orders,
            "pids": partners.ids,
            "np": len(partners),
            "uids": reps.ids,
            "nu": len(reps),
            "template": order.id,
        },
    )
    line = order.order_line
    line_cols = columns(env, "sale_order_line", {"id", "order_id"})
    lcols = ", ".join(line_cols)
    lsel = ", ".join(f"l.{c}" for c in line_cols)
    env.cr.execute(
        f"""
        INSERT INTO sale_order_line ({lcols}, order_id)
        SELECT {lsel}, so.id
          FROM sale_order_line l, sale_order so, generate_series(1, 5)
         WHERE l.id = %(line)s AND so.name LIKE 'B%%'
        """,  # noqa: S608
        {"line": line.id},
    )
    return env.cr.rowcount


def setup_visits(env, reps, partners, start):
    visit = env["sales.visit.report"].create(
        {
            "user_id": reps[0].id,
            "partner_id": partners[0].id,
            "date": start,
            "purpose": "Bench",
            "outcome": "Bench",
            "satisfaction": "4",
            "state": "done",
        }
    )
    env.flush_all()
    vcols = ", ".join(
        columns(
            env,
            "sales_visit_report",
            {
                "id",
                "user_id",
                "partner_id",
                "commercial_partner_id",
                "date",
                "satisfaction",
                "satisfaction_score",
            },
        )
    )
    env.cr.execute(
        f"""
        INSERT INTO sales_visit_report ({vcols}, user_id, partner_id,
               commercial_partner_id, date, satisfaction, satisfaction_score)
        SELECT {vcols}, (%(uids)s::int[])[1 + g %% %(nu)s], p.pid, p.pid,
               %(start)s::date + (g %% %(days)s),
               (1 + g %% 5)::varchar, 1 + g %% 5
          FROM sales_visit_report v, generate_series(1, %(n)s) g,
               LATERAL (
                   SELECT (%(pids)s::int[])[1 + (g * 31) %% %(np)s] AS pid
               ) p
         WHERE v.id = %(template)s
        """,  # noqa: S608
        {
            "uids": reps.ids,
            "nu": len(reps),
            "pids": partners.ids,
            "np": len(partners),
            "start": start,
            "days": (start + relativedelta(months=MONTHS) - start).days,
            "n": VISITS,
            "template": visit.id,
        },
    )
    return env.cr.rowcount


def setup_targets(env, reps, teams, per_team, year):
    template = env.ref("sales_appraisal.appraisal_template_rep")
    env["sales.target"].with_context(tracking_disable=True).create(
        [
            {
                "scope": "rep",
                "year": year,
                "user_id": rep.id,
                "team_id": teams[min(i // per_team, TEAMS - 1)].id,
                "revenue": 1200000.0,
                "margin": 300000.0,
                "new_customers": 24,
                "visits": 120,
                "template_id": template.id,
            }
            for i, rep in enumerate(reps)
        ]
    )
    env.flush_all()


def run(env, company, month, users, label):
    env.invalidate_all()
    start_q = query_count(env)
    start = time.perf_counter()
    measure_start = query_count(env)
    # imported once the addons path is known (open_env parsed the config)
    from odoo.addons.sales_appraisal.tools.appraisal_math import Period

    env["sales.appraisal.measure"]._appraisal_measures(
        Period(company, month, month + relativedelta(months=1)), users
    )
    measure_queries = query_count(env) - measure_start
    engine = env["sales.appraisal.engine"].sudo()
    appraisals = engine._compute_month(company, month, users=users)
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = query_count(env) - start_q
    print(
        f"monthly scores {label}: {len(appraisals)} appraisals in {elapsed:.3f} s, "
        f"{queries} queries (measures alone: {measure_queries} queries)",
        flush=True,
    )
    env.cr.rollback()
    return elapsed, queries, measure_queries


def main():
    with open_env() as env:
        env = env(context={"tracking_disable": True, "mail_notrack": True})
        company = env.company
        this_month = fields.Date.today().replace(day=1)
        month = this_month - relativedelta(months=1)
        start = this_month - relativedelta(months=MONTHS)
        t0 = time.perf_counter()
        reps, teams, partners, per_team = setup_people(env)
        n_lines = setup_orders(env, reps, partners, start)
        n_visits = setup_visits(env, reps, partners, start)
        setup_targets(env, reps, teams, per_team, month.year)
        env.cr.execute("ANALYZE sale_order")
        env.cr.execute("ANALYZE sales_visit_report")
        env.cr.execute("ANALYZE res_partner")
        env.cr.commit()
        print(
            f"setup: {REPS} reps, {n_lines} order lines on {LINES // 5} orders, "
            f"{n_visits} visits over {MONTHS} months: "
            f"{time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        base_start = time.perf_counter()
        env.cr.execute(
            "SELECT count(*) FROM sale_order WHERE state = 'sale' "
            "AND date_order >= %s AND date_order < %s",
            [month, this_month],
        )
        n_orders = env.cr.fetchone()[0]
        env.cr.execute(
            "SELECT count(*) FROM sales_visit_report WHERE state = 'done' "
            "AND date >= %s AND date < %s",
            [month, this_month],
        )
        n_month_visits = env.cr.fetchone()[0]
        print(
            f"baseline: COUNT(*) of the month's {n_orders} orders and "
            f"{n_month_visits} visits: {time.perf_counter() - base_start:.3f} s"
        )
        few = run(env, company, month, reps[:50], "for 50 reps")
        many = run(env, company, month, reps, f"for {REPS} reps")
        print(
            f"query count: 50 reps {few[1]} (measures {few[2]}), "
            f"{REPS} reps {many[1]} (measures {many[2]}); measures "
            f"{'independent of' if few[2] == many[2] else 'GROWING with'} the reps"
        )
        verdict = "PASS" if many[0] < TARGET_SECONDS else "FAIL"
        print(
            f"target: {REPS} reps under {TARGET_SECONDS:.0f} s: "
            f"{many[0]:.3f} s {verdict}"
        )


if __name__ == "__main__":
    main()
