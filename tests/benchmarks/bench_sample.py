"""Benchmark of the monthly sample statistics (issue 18).

Run (from the repository root):
  scripts/bench.sh sales_policy_base,sales_sample tests/benchmarks/bench_sample.py

BENCH_SAMPLES (default 200,000) sample and tooling requests of 200
salespeople in 10 teams over 24 months, SQL clones of one real request
(1,000 customers); 9 in 10 are past R&D acceptance with their stages stamped
0-30 days apart, half of the closed ones won. Figures, each printed next to a
baseline (a plain COUNT(*) of the same requests):

1. the monthly statistics of one year as the pivot reads them:
   ``sales.sample.report._read_group`` by month (count, average days per stage,
   won, conversion);
2. the same per month and team (the XLSX export's grouping, ``_rows``);
3. the whole history by month (24 rows).

Target (printed as PASS/FAIL): each figure under 2 s.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import bench_users, columns, open_env, timed  # noqa: E402
from dateutil.relativedelta import relativedelta  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

SAMPLES = int(os.environ.get("BENCH_SAMPLES", "200000"))
REPS = 200
TEAMS = 10
CUSTOMERS = 1000
MONTHS = 24
TARGET = 2.0
USER_GROUP = "sales_policy_base.group_sales_policy_user"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
MEASURES = [
    "request_count:sum",
    "days_to_accept:avg",
    "days_to_make:avg",
    "days_to_send:avg",
    "days_to_feedback:avg",
    "days_total:avg",
    "won_count:sum",
    "conversion_rate:avg",
]


def setup_people(env):
    managers = bench_users(env, "manager", MANAGER_GROUP, TEAMS)
    reps = bench_users(env, "rep", USER_GROUP, REPS)
    per_team = REPS // TEAMS
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
        [
            {
                "name": f"Bench Customer {i}",
                "is_company": True,
                "user_id": reps[i % REPS].id,
            }
            for i in range(CUSTOMERS)
        ]
    )
    env.flush_all()
    rep_team = {rep.id: teams[i // per_team].id for i, rep in enumerate(reps)}
    return {
        "p_ids": partners.ids,
        "u_ids": [p.user_id.id for p in partners],
        "t_ids": [rep_team[p.user_id.id] for p in partners],
        "n": len(partners),
    }


def clone_requests(env, template, count, arrays):
    """``count`` SQL clones of ``template``: request date over the last MONTHS
    months; 1 in 10 still submitted, the others accepted, made, sent, given
    feedback and won (even) or lost (odd), stages 0-30 days apart."""
    varying = {
        "id",
        "name",
        "partner_id",
        "commercial_partner_id",
        "user_id",
        "team_id",
        "request_date",
        "state",
        "submit_date",
        "accept_date",
        "made_date",
        "sent_date",
        "feedback_date",
        "close_date",
    }
    cols = columns(env, "sales_sample_request", varying)
    env.cr.execute(
        SQL(
            """
            INSERT INTO sales_sample_request (%(cols)s, name, partner_id,
                commercial_partner_id, user_id, team_id, request_date, state,
                submit_date, accept_date, made_date, sent_date, feedback_date,
                close_date)
            SELECT %(src)s, 'BENCH-' || s.g, s.partner, s.partner, s.rep, s.team,
                   s.d, s.state, s.d,
                   CASE WHEN s.open THEN NULL ELSE s.d + mod(s.g, 7) END,
                   CASE WHEN s.open THEN NULL ELSE s.d + mod(s.g, 7) + mod(s.g, 11) END,
                   CASE WHEN s.open THEN NULL
                        ELSE s.d + mod(s.g, 7) + mod(s.g, 11) + mod(s.g, 3) END,
                   CASE WHEN s.open THEN NULL
                        ELSE s.d + mod(s.g, 7) + mod(s.g, 11) + mod(s.g, 3)
                             + mod(s.g, 13) END,
                   CASE WHEN s.open THEN NULL
                        ELSE s.d + mod(s.g, 7) + mod(s.g, 11) + mod(s.g, 3)
                             + mod(s.g, 13) + mod(s.g, 5) END
              FROM sales_sample_request t,
                   (SELECT g, mod(g, 10) = 0 AS open,
                           CASE WHEN mod(g, 10) = 0 THEN 'submitted'
                                WHEN mod(g, 2) = 0 THEN 'won' ELSE 'lost' END
                               AS state,
                           CURRENT_DATE - mod(g * 13, %(days)s) AS d,
                           (%(p_ids)s::int[])[1 + mod(g, %(n)s)] AS partner,
                           (%(u_ids)s::int[])[1 + mod(g, %(n)s)] AS rep,
                           (%(t_ids)s::int[])[1 + mod(g, %(n)s)] AS team
                      FROM generate_series(1, %(count)s) g) s
             WHERE t.id = %(tmpl)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            src=SQL(", ").join(SQL.identifier("t", c) for c in cols),
            days=MONTHS * 30,
            count=count,
            tmpl=template.id,
            **arrays,
        )
    )
    return env.cr.rowcount


def setup(env):
    arrays = setup_people(env)
    template = env["sales.sample.request"].create(
        {
            "partner_id": arrays["p_ids"][0],
            "user_id": arrays["u_ids"][0],
            "shape": "Bench disc",
            "physical_properties": "White",
            "function": "Trial",
            "quantity": 5,
            "lead_time_days": 10,
            "estimated_cost": 100.0,
        }
    )
    env.flush_all()
    inserted = clone_requests(env, template, SAMPLES, arrays)
    env.cr.execute("ANALYZE sales_sample_request")
    env.invalidate_all()
    return inserted


def baseline(env, start, end):
    env.cr.execute(
        "SELECT count(*) FROM sales_sample_request "
        "WHERE state NOT IN ('draft', 'cancelled') "
        "AND request_date >= %s AND request_date < %s",
        [start, end],
    )
    return env.cr.fetchone()[0]


def figure(env, label, start, end, groupby, results):
    Report = env["sales.sample.report"]
    with timed(f"baseline COUNT(*) {label}", results):
        count = baseline(env, start, end)
    with timed(label, results):
        groups = Report._read_group(
            [("month", ">=", start), ("month", "<", end)], groupby, MEASURES
        )
    total = sum(g[len(groupby)] for g in groups)
    won = sum(g[len(groupby) + 6] for g in groups)
    print(
        f"  {len(groups)} rows, {total} requests (baseline {count}), {won} won; "
        f"first row: {groups[0] if groups else None}"
    )
    return label


def main():
    with open_env() as env:
        with timed("setup (SQL insert)"):
            inserted = setup(env)
        print(f"{inserted} requests inserted")
        env.cr.commit()
        results = {}
        today = fields.Date.context_today(env["res.users"])
        month = today.replace(day=1)
        year_start = month - relativedelta(months=11)
        labels = [
            figure(
                env,
                "statistics by month, one year (pivot)",
                year_start,
                month + relativedelta(months=1),
                ["month:month"],
                results,
            ),
            figure(
                env,
                "statistics by month and team, one year (XLSX)",
                year_start,
                month + relativedelta(months=1),
                ["month:month", "team_id"],
                results,
            ),
            figure(
                env,
                "statistics by month, whole history",
                month - relativedelta(months=MONTHS + 1),
                month + relativedelta(months=1),
                ["month:month"],
                results,
            ),
        ]
        print()
        print(f"{'figure':<52} {'time':>8} {'baseline':>9}")
        for label in labels:
            base = results[f"baseline COUNT(*) {label}"]
            print(f"{label:<52} {results[label]:>7.3f}s {base:>8.3f}s")
        worst = max(results[label] for label in labels)
        print(
            f"target: monthly sample statistics over {inserted} requests under "
            f"{TARGET:.0f} s: worst {worst:.3f} s "
            f"{'PASS' if worst < TARGET else 'FAIL'}"
        )
        if SAMPLES != 200000:
            print("(reduced size: the target is for 200,000 requests)")
        env.cr.rollback()


if __name__ == "__main__":
    main()
