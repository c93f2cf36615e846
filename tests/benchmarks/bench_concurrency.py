"""Decisions racing over XML-RPC, against Odoo's threaded and prefork servers.

Run with:
  scripts/bench.sh sales_policy_base,sales_qualification \
      tests/benchmarks/bench_concurrency.py

Two races, each run once per server mode listed in SPS_BENCH_SERVER_WORKERS
(default "0,4": Odoo's threaded server, then its multi-process server with 4
HTTP workers), on fresh fixtures each round:

1. Certificate loans, 8 clients: 8 reps asked to borrow the same certificate;
   8 sales managers approve one request each at the same moment (a barrier
   per certificate). Exactly one loan may be approved per certificate; the 7
   others must be refused with the clear message ("being lent by someone
   else" / "already lent"), never a traceback.
2. Approval decisions, 2 clients: two sales managers approve (or one
   approves and the other rejects) the same pending request at the same
   moment. Exactly one decision is recorded; the other manager is told the
   request is already decided.

At the end it checks in SQL: at most one approved/out loan per certificate,
each certificate's current loan is the approved one, each request decided
once by one manager. It prints attempts/s and p95 latency per round, then
PASS or FAIL.
"""

import os
import statistics
import sys
import threading
import time
import uuid
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import (  # noqa: E402
    TimeoutTransport,
    open_env,
    print_server_log,
    start_server,
    stop_server,
)

import odoo  # noqa: E402

CERTIFICATES = int(os.environ.get("SPS_BENCH_CERTIFICATES", 25))
LOAN_CLIENTS = 8
DECISIONS = int(os.environ.get("SPS_BENCH_DECISIONS", 50))
SERVER_WORKERS = [
    int(n) for n in os.environ.get("SPS_BENCH_SERVER_WORKERS", "0,4").split(",")
]
LOAN_REFUSALS = ("is being lent by someone else", "is already lent")
DECIDED_REFUSAL = "only pending requests can be decided"


def users(env, tag, role, group, count):
    group_ids = [env.ref("base.group_user").id, env.ref(group).id]
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench {role} {tag}-{index}",
                    "login": f"bench_{role}_{tag}_{index}",
                    "password": f"bench_{role}_{tag}_{index}_pw",
                    "email": f"bench_{role}_{tag}_{index}@example.com",
                    "groups_id": [odoo.Command.set(group_ids)],
                }
                for index in range(count)
            ]
        )
    )


def certificates(env, tag, count):
    today = date.today()
    return env["sales.qualification"].create(
        [
            {
                "name": f"Bench Licence {tag}-{index}",
                "number": f"BENCH-{tag}-{index}-{uuid.uuid4().hex[:6]}",
                "issue_date": today - timedelta(days=30),
                "expiry_date": today + timedelta(days=700),
                "state": "active",
            }
            for index in range(count)
        ]
    )


def setup_fixtures(env, tag):
    """Certificates with 8 borrow requests each, and single requests for
    the decision race; committed before the server starts."""
    reps = users(env, tag, "rep", "sales_policy_base.group_sales_policy_user", 8)
    managers = users(
        env, tag, "manager", "sales_policy_base.group_sales_policy_manager", 8
    )
    Loan = env["sales.qualification.loan"]
    raced = certificates(env, f"{tag}L", CERTIFICATES)
    loan_rounds = []
    for qualification in raced:
        loans = Loan.browse()
        for rep in reps:
            loans |= Loan.with_user(rep).create(
                {"qualification_id": qualification.id, "purpose": "Tender"}
            )
        loan_rounds.append((qualification.id, loans.ids))
    single = certificates(env, f"{tag}D", DECISIONS)
    requests = []
    for index, qualification in enumerate(single):
        loan = Loan.with_user(reps[index % len(reps)]).create(
            {"qualification_id": qualification.id, "purpose": "Tender"}
        )
        request = env["sales.policy.approval.request"].search(
            [
                ("res_model", "=", loan._name),
                ("res_id", "=", loan.id),
                ("state", "=", "pending"),
            ]
        )
        assert len(request) == 1, request
        requests.append(request.id)
    env.cr.commit()
    return managers, loan_rounds, requests


def race(url, db, calls):
    """Run ``calls`` (login, password, model, method, ids) at the same moment;
    returns [(outcome, latency)] with outcome "ok" or the fault text."""
    barrier = threading.Barrier(len(calls), timeout=60)

    def call(args):
        login_uid, password, model, method, ids = args
        proxy = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/object", transport=TimeoutTransport(), allow_none=True
        )
        barrier.wait()
        begin = time.perf_counter()
        try:
            proxy.execute_kw(db, login_uid, password, model, method, [ids])
            outcome = "ok"
        except xmlrpc.client.Fault as fault:
            outcome = fault.faultString
        except Exception as error:  # transport error: unanswered
            outcome = f"unanswered: {error!r}"
        return outcome, time.perf_counter() - begin

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(call, calls))


def last_line(text):
    return text.strip().splitlines()[-1][-200:] if text.strip() else text


def client_problems(loan_results, decision_results):
    """The outcomes as the clients saw them: one winner, clear refusals."""
    problems = []
    for results in loan_results:
        winners = [o for o, _t in results if o == "ok"]
        losers = [o for o, _t in results if o != "ok"]
        if len(winners) != 1:
            problems.append(f"loan race with {len(winners)} winners")
        for text in losers:
            if not any(refusal in text for refusal in LOAN_REFUSALS):
                problems.append(f"loan refusal unclear: {last_line(text)}")
    for results in decision_results:
        winners = [o for o, _t in results if o == "ok"]
        losers = [o for o, _t in results if o != "ok"]
        if len(winners) != 1:
            problems.append(f"decision race with {len(winners)} winners")
        for text in losers:
            if DECIDED_REFUSAL not in text:
                problems.append(f"decision refusal unclear: {last_line(text)}")
    return problems


def database_problems(env, loan_rounds, request_ids):
    """What the database holds once the server stopped."""
    problems = []
    env.cr.rollback()
    cr = env.cr
    for qualification_id, loan_ids in loan_rounds:
        cr.execute(
            "SELECT id FROM sales_qualification_loan WHERE id = ANY(%s) "
            "AND state IN ('approved', 'out')",
            (loan_ids,),
        )
        held = [row[0] for row in cr.fetchall()]
        cr.execute(
            "SELECT current_loan_id FROM sales_qualification WHERE id = %s",
            (qualification_id,),
        )
        current = cr.fetchone()[0]
        if len(held) != 1 or current != held[0]:
            problems.append(
                f"certificate {qualification_id}: loans {held}, current {current}"
            )
    cr.execute(
        "SELECT id, state, decided_by_id FROM sales_policy_approval_request "
        "WHERE id = ANY(%s)",
        (request_ids,),
    )
    for request_id, state, decided_by in cr.fetchall():
        if state not in ("approved", "rejected") or not decided_by:
            problems.append(f"request {request_id}: {state}, decided by {decided_by}")
    return problems


def run_round(env, workers):
    tag = f"w{workers}"
    db = os.environ["SPS_DB"]
    managers, loan_rounds, request_ids = setup_fixtures(env, tag)
    server, log, url, log_path = start_server(workers)
    try:
        common = xmlrpc.client.ServerProxy(
            f"{url}/xmlrpc/2/common", transport=TimeoutTransport()
        )
        creds = []
        for index, manager in enumerate(managers):
            password = f"bench_manager_{tag}_{index}_pw"
            uid = common.authenticate(db, manager.login, password, {})
            assert uid, manager.login
            creds.append((uid, password))

        loan_results = []
        started = time.perf_counter()
        for _qualification_id, loan_ids in loan_rounds:
            calls = [
                (
                    *creds[index],
                    "sales.qualification.loan",
                    "action_approval_approve",
                    [loan_id],
                )
                for index, loan_id in enumerate(loan_ids)
            ]
            loan_results.append(race(url, db, calls))
        loan_elapsed = time.perf_counter() - started

        decision_results = []
        started = time.perf_counter()
        for index, request_id in enumerate(request_ids):
            # every other request: one approves while the other rejects
            second = "action_reject" if index % 2 else "action_approve"
            calls = [
                (
                    *creds[0],
                    "sales.policy.approval.request",
                    "action_approve",
                    [request_id],
                ),
                (*creds[1], "sales.policy.approval.request", second, [request_id]),
            ]
            decision_results.append(race(url, db, calls))
        decision_elapsed = time.perf_counter() - started
    finally:
        stop_server(server, log)

    problems = client_problems(loan_results, decision_results)
    problems += database_problems(env, loan_rounds, request_ids)
    mode = f"prefork, {workers} workers" if workers else "threaded (--workers=0)"
    print(f"== server: {mode}")
    for label, rounds, elapsed in (
        (f"loans ({LOAN_CLIENTS} clients per certificate)", loan_results, loan_elapsed),
        ("decisions (2 managers per request)", decision_results, decision_elapsed),
    ):
        latencies = sorted(t for results in rounds for _o, t in results)
        attempts = len(latencies)
        p95 = latencies[int(0.95 * (attempts - 1))]
        print(
            f"{label}: {len(rounds)} races, {attempts} attempts in {elapsed:.2f} s "
            f"({attempts / elapsed:.1f} attempts/s); latency median "
            f"{statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
        )
    print(f"problems: {len(problems)}")
    for problem in problems[:10]:
        print(f"  {problem}")
    if problems:
        print_server_log(log_path)
    return not problems


def main():
    with open_env() as env:
        passed = [run_round(env, workers) for workers in SERVER_WORKERS]
    if not all(passed):
        print("FAIL: one winner per race, every loser told clearly")
        sys.exit(1)
    print("PASS: one winner per race, every loser told clearly")


if __name__ == "__main__":
    main()
