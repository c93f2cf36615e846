"""Benchmark of the service-quality targets and the complaint escalation (issue 15).

Run (from the repository root):
  scripts/bench.sh sales_policy_base,sales_complaint \
      tests/benchmarks/bench_complaint.py

1. The monthly targets over BENCH_COMPLAINTS (default 200,000) answered
   complaints and BENCH_RESPONSES (default 500,000) satisfaction answers of
   200 salespeople over 24 months: satisfaction rate and timely-feedback rate
   per salesperson, read from ``sales.complaint.target.report`` (``_read_group``
   as the pivot does) for one month and for a whole year, and the KPI
   scorecard's path (``_figures_by_user``) for one month. Each is printed next
   to a baseline: a plain COUNT(*) of the same rows (the complaints answered
   and the answers given in the period).
2. The overdue-response escalation cron over BENCH_OVERDUE (default 50,000)
   routed complaints past their response deadline (some past the escalation
   delay too: they get the rep's and the manager's activity). As routing
   does, each has its rep as a follower (SQL rows); the managers are
   subscribed by their activities. Its baseline is the escalation as it was
   before it went set-based (an ORM ``mail.activity.create`` per batch of
   500 and the levels written by ``_transition``; 90.1 s for 50,000 when it
   was the cron), run first over the same complaints and rolled back; set
   BENCH_ORM_BASELINE=0 to skip it.

Complaints and answers are SQL clones of one real complaint and one real
satisfaction answer, spread over 1,000 customers (five per salesperson); a
complaint is answered 0 to 95 hours after it arrived (72 h allowed: 3 in 4
in time), an answer is satisfied 9 times in 10. Targets (printed as
PASS/FAIL): each monthly-target figure under 2 s; the cron under 30 s.
"""

import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import bench_users, columns, open_env, timed  # noqa: E402
from dateutil.relativedelta import relativedelta  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL, split_every  # noqa: E402

COMPLAINTS = int(os.environ.get("BENCH_COMPLAINTS", "200000"))
RESPONSES = int(os.environ.get("BENCH_RESPONSES", "500000"))
OVERDUE = int(os.environ.get("BENCH_OVERDUE", "50000"))
REPS = 200
TEAMS = 10
CUSTOMERS = 1000
MONTHS = 24
TARGETS_TARGET = 2.0
CRON_TARGET = 30.0
#: the old ORM escalation over 50,000 complaints, measured before the rewrite
ORM_CRON_BEFORE = 90.1
ORM_BASELINE = os.environ.get("BENCH_ORM_BASELINE", "1") != "0"
ACTIVITY_TYPE = "sales_complaint.mail_activity_type_complaint_overdue"


USER_GROUP = "sales_policy_base.group_sales_policy_user"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


def setup_people(env):
    managers = bench_users(env, "manager", MANAGER_GROUP, TEAMS)
    reps = bench_users(env, "rep", USER_GROUP, REPS)
    per_team = REPS // TEAMS
    env["crm.team"].create(
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
    return reps, partners


def customer_arrays(env):
    """Customers, their reps and the reps' teams, as SQL arrays (1-based)."""
    partners = env["res.partner"].search(
        [("name", "=like", "Bench Customer %")], order="id"
    )
    return {
        "p_ids": partners.ids,
        "u_ids": [p.user_id.id for p in partners],
        "t_ids": [p.user_id.sale_team_id.id for p in partners],
        "n": len(partners),
    }


def clone_claims(env, template, count, tag, answered):
    """``count`` SQL clones of ``template`` (customer i -> its rep and team);
    answered: received over the last MONTHS months and first answered 0-95 h
    later (closed); else open, registered 73-132 h ago (overdue by 1-60 h)."""
    varying = {
        "id",
        "name",
        "partner_id",
        "commercial_partner_id",
        "user_id",
        "team_id",
        "date",
        "response_deadline",
        "first_response_date",
        "first_response_user_id",
        "response_timely",
        "complaint_state",
        "complaint_number",
        "access_token",
        "escalation_level",
    }
    cols = columns(env, "crm_claim", varying)
    hours = env.company._complaint_response_hours(template.severity)
    if answered:
        received = SQL(
            "(now() at time zone 'UTC') - make_interval(days => mod(g, %s), "
            "hours => mod(g, 24))",
            MONTHS * 30,
        )
        answer_hours = SQL("mod(g * 7, 96)")
        state = "closed"
    else:
        received = SQL(
            "(now() at time zone 'UTC') - make_interval(hours => 73 + mod(g, 60))"
        )
        answer_hours = SQL("NULL::int")
        state = "routed"
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_claim (%(cols)s, name, partner_id, commercial_partner_id,
                                   user_id, team_id, date, response_deadline,
                                   first_response_date, first_response_user_id,
                                   response_timely, complaint_state,
                                   complaint_number, escalation_level)
            SELECT %(src)s, %(tag)s || s.g, s.partner, s.partner, s.rep, s.team,
                   s.received, s.received + make_interval(hours => %(hours)s),
                   s.received + make_interval(hours => s.answer_hours),
                   CASE WHEN s.answer_hours IS NOT NULL THEN s.rep END,
                   COALESCE(s.answer_hours <= %(hours)s, false),
                   %(state)s, %(tag)s || s.g, 0
              FROM crm_claim t,
                   (SELECT g,
                           (%(p_ids)s::int[])[1 + mod(g, %(n)s)] AS partner,
                           (%(u_ids)s::int[])[1 + mod(g, %(n)s)] AS rep,
                           (%(t_ids)s::int[])[1 + mod(g, %(n)s)] AS team,
                           %(received)s AS received,
                           %(answer_hours)s AS answer_hours
                      FROM generate_series(1, %(count)s) g) s
             WHERE t.id = %(tmpl)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            src=SQL(", ").join(SQL.identifier("t", c) for c in cols),
            tag=tag,
            hours=hours,
            count=count,
            received=received,
            answer_hours=answer_hours,
            state=state,
            tmpl=template.id,
            **customer_arrays(env),
        )
    )
    return env.cr.rowcount


def clone_responses(env, template, count):
    varying = {"id", "partner_id", "user_id", "team_id", "date", "score"}
    varying |= {"satisfied", "satisfied_count", "satisfaction_rate"}
    cols = columns(env, "sales_satisfaction_response", varying)
    env.cr.execute(
        SQL(
            """
            INSERT INTO sales_satisfaction_response (%(cols)s, partner_id, user_id,
                team_id, date, score, satisfied, satisfied_count, satisfaction_rate)
            SELECT %(src)s, s.partner, s.rep, s.team,
                   CURRENT_DATE - mod(s.g * 13, %(days)s),
                   CASE WHEN s.ok THEN 90 ELSE 40 END, s.ok,
                   CASE WHEN s.ok THEN 1 ELSE 0 END,
                   CASE WHEN s.ok THEN 100 ELSE 0 END
              FROM sales_satisfaction_response t,
                   (SELECT g, mod(g, 10) <> 0 AS ok,
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
            **customer_arrays(env),
        )
    )
    return env.cr.rowcount


def setup(env):
    reps, partners = setup_people(env)
    claim = env["crm.claim"].create(
        {"name": "Bench template", "partner_id": partners[0].id}
    )
    response = env["sales.satisfaction.response"]._record_score(
        partners[0], 90, "periodic"
    )
    env.flush_all()
    n_claims = clone_claims(env, claim, COMPLAINTS, "BENCH-", answered=True)
    n_responses = clone_responses(env, response, RESPONSES)
    env.cr.execute("ANALYZE crm_claim; ANALYZE sales_satisfaction_response")
    env.invalidate_all()
    return reps, claim, n_claims, n_responses


def count_baseline(env, start, end):
    env.cr.execute(
        """
        SELECT (SELECT count(*) FROM crm_claim
                 WHERE first_response_date >= %s AND first_response_date < %s),
               (SELECT count(*) FROM sales_satisfaction_response
                 WHERE date >= %s AND date < %s)
        """,
        [start, end, start, end],
    )
    return env.cr.fetchone()


def targets(env, label, start, end, results):
    Report = env["sales.complaint.target.report"]
    baseline_label = f"baseline COUNT(*) {label}"
    with timed(baseline_label, results):
        claims, answers = count_baseline(env, start, end)
    report_label = f"target report _read_group per rep {label}"
    with timed(report_label, results):
        groups = Report._read_group(
            [("month", ">=", start), ("month", "<", end)],
            ["user_id"],
            [
                "satisfaction_count:sum",
                "satisfied_count:sum",
                "feedback_count:sum",
                "feedback_timely_count:sum",
            ],
        )
    sat_n = sum(g[1] for g in groups)
    sat_ok = sum(g[2] for g in groups)
    fb_n = sum(g[3] for g in groups)
    fb_ok = sum(g[4] for g in groups)
    print(
        f"  {len(groups)} reps; {sat_n} answers (baseline {answers}), "
        f"satisfaction {100.0 * sat_ok / max(sat_n, 1):.2f} %; {fb_n} complaints "
        f"answered (baseline {claims}), in time {100.0 * fb_ok / max(fb_n, 1):.2f} %"
    )
    scorecard_label = f"scorecard path _figures_by_user {label}"
    with timed(scorecard_label, results):
        figures = Report._figures_by_user(start, end, env.company.ids)
    print(f"  {len(figures)} reps")
    return [baseline_label, report_label, scorecard_label]


def orm_due_level(env, claim, now):
    if not claim.response_deadline or claim.response_deadline >= now:
        return 0
    company = claim.company_id or env.company
    limit = claim.response_deadline + timedelta(
        hours=company.complaint_escalation_hours
    )
    return 2 if now >= limit else 1


def orm_escalate(env, batch_size=500):
    """The escalation as it was before it went set-based (the baseline):
    candidates read by the ORM, per batch one ``mail.activity.create`` (which
    subscribes the assignees record by record) and the levels written by
    ``_transition``. Returns the number of complaints escalated."""
    escalation = env["sales.complaint.escalation"]
    now = fields.Datetime.now()
    claims = (
        env["crm.claim"]
        .sudo()
        .search(
            [("response_overdue", "=", True), ("escalation_level", "<", 2)],
            order="user_id, response_deadline, id",
        )
        .filtered(lambda c: orm_due_level(env, c, now) > c.escalation_level)
    )
    activity_type = env.ref(ACTIVITY_TYPE)
    today = fields.Date.context_today(escalation)
    for batch in split_every(batch_size, claims.ids, claims.browse):
        with env.cr.savepoint():
            wanted = []
            levels = defaultdict(env["crm.claim"].browse)
            for claim in batch:
                level = orm_due_level(env, claim, now)
                if level >= 1 and claim.escalation_level < 1 and claim.user_id:
                    wanted.append(
                        (claim, claim.user_id, f"Overdue: {claim.display_name}")
                    )
                if level >= 2 and claim.escalation_level < 2:
                    manager = escalation._manager_for(claim)
                    if manager:
                        wanted.append((claim, manager, f"Escalated: {claim.name}"))
                if level != claim.escalation_level:
                    levels[level] |= claim
            groups = (
                env["mail.activity"]
                .sudo()
                ._read_group(
                    [
                        ("res_model", "=", "crm.claim"),
                        ("res_id", "in", batch.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ],
                    ["res_id", "user_id"],
                )
            )
            existing = {(res_id, user.id) for res_id, user in groups}
            vals_list = [
                {
                    "res_model_id": env["ir.model"]._get_id("crm.claim"),
                    "res_id": claim.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": user.id,
                    "date_deadline": today,
                }
                for claim, user, summary in wanted
                if (claim.id, user.id) not in existing
            ]
            if vals_list:
                env["mail.activity"].sudo().with_context(
                    mail_activity_quick_update=True
                ).create(vals_list)
            for level, todo in levels.items():
                todo._transition({"escalation_level": level})
    return len(claims)


def escalation_figures(env):
    env.cr.execute(
        "SELECT escalation_level, count(*) FROM crm_claim "
        "WHERE complaint_number LIKE 'LATE-%%' GROUP BY 1 ORDER BY 1"
    )
    levels = dict(env.cr.fetchall())
    env.cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = 'crm.claim'")
    activities = env.cr.fetchone()[0]
    env.cr.execute("SELECT count(*) FROM mail_followers WHERE res_model = 'crm.claim'")
    followers = env.cr.fetchone()[0]
    return levels, activities, followers


def main():
    results = {}
    with open_env() as env:
        with timed(
            f"setup: {COMPLAINTS} complaints, {RESPONSES} satisfaction answers, "
            f"{REPS} reps, {MONTHS} months"
        ):
            reps, template, n_claims, n_responses = setup(env)
        print(f"  {n_claims} complaints and {n_responses} answers inserted")
        env.cr.commit()

        this_month = fields.Date.today().replace(day=1)
        month = this_month - relativedelta(months=1)
        year = this_month - relativedelta(months=12)
        rows = targets(env, "(one month)", month, this_month, results)
        rows += targets(env, "(one year)", year, this_month, results)
        env.cr.rollback()

        with timed(f"setup: {OVERDUE} open overdue complaints"):
            n_overdue = clone_claims(env, template, OVERDUE, "LATE-", answered=False)
            # routed complaints: routing made their rep a follower
            env.cr.execute(
                "INSERT INTO mail_followers (res_model, res_id, partner_id) "
                "SELECT 'crm.claim', c.id, u.partner_id FROM crm_claim c "
                "JOIN res_users u ON u.id = c.user_id "
                "WHERE c.complaint_number LIKE 'LATE-%' "
                "ON CONFLICT DO NOTHING"
            )
            env.cr.execute("ANALYZE crm_claim")
            env.invalidate_all()
        env.cr.commit()
        Escalation = env["sales.complaint.escalation"]
        orm_cron = None
        if ORM_BASELINE:
            start = time.perf_counter()
            with timed(f"baseline: old ORM escalation over {n_overdue} complaints"):
                n_orm = orm_escalate(env)
                env.flush_all()
            orm_cron = time.perf_counter() - start
            levels, activities, followers = escalation_figures(env)
            print(
                f"  {n_orm} escalated; levels {levels}; {activities} activities, "
                f"{followers} followers"
            )
            env.cr.rollback()
            env.invalidate_all(flush=False)
        start = time.perf_counter()
        with timed(f"escalation cron over {n_overdue} overdue complaints"):
            if os.environ.get("BENCH_PROFILE"):
                profile = cProfile.Profile()
                done, failed = profile.runcall(Escalation._cron_escalate)
                pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
            else:
                done, failed = Escalation._cron_escalate()
        cron = time.perf_counter() - start
        levels, activities, followers = escalation_figures(env)
        print(
            f"  {done} escalated, {failed} failed; levels {levels}; "
            f"{activities} activities, {followers} followers"
        )
        start = time.perf_counter()
        with timed("escalation cron again (nothing left to do)"):
            again = Escalation._cron_escalate()
        print(f"  {again[0]} escalated, {again[1]} failed")
        env.cr.rollback()

    print()
    print(f"{'figure':<58} {'time':>8} {'baseline':>9}")
    for label in rows:
        if label.startswith("baseline"):
            baseline = results[label]
            continue
        print(f"{label:<58} {results[label]:>7.3f}s {baseline:>8.3f}s")
    worst = max(results[label] for label in rows if not label.startswith("baseline"))
    print(
        f"monthly targets over {COMPLAINTS} complaints and {RESPONSES} answers: "
        f"slowest {worst:.3f} s (target < {TARGETS_TARGET:.0f} s): "
        f"{'PASS' if worst < TARGETS_TARGET else 'FAIL'}"
    )
    before = (
        f"old ORM path {orm_cron:.3f} s in this run"
        if orm_cron is not None
        else f"old ORM path {ORM_CRON_BEFORE} s for 50,000 before the rewrite"
    )
    print(
        f"escalation cron over {OVERDUE} overdue complaints: {cron:.3f} s "
        f"({before}; target < {CRON_TARGET:.0f} s): "
        f"{'PASS' if cron < CRON_TARGET else 'FAIL'}"
    )
    if COMPLAINTS < 200_000 or RESPONSES < 500_000 or OVERDUE < 50_000:
        print("(reduced sizes: the targets are for 200,000 / 500,000 / 50,000)")


if __name__ == "__main__":
    main()
