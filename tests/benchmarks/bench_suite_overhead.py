"""Whole-suite overhead on order confirmation (issue 22, part 3).

Run:
  scripts/bench.sh sale_management,crm,account,stock,suite \
      tests/benchmarks/bench_suite_overhead.py

(``suite`` stands for every module of the suite.) ``bench.sh`` builds the suite
database; this script builds a second, vanilla database on the same cluster
with Odoo's own apps only (sale_management, crm, account, stock), no suite
module. In both it creates the same rep, customer, 20 products and 20-line
orders; in the suite database every approval the shipped rules ask for is
requested and approved first (the cost measured is the confirmation of an
order that passes the policy, not the approval work before it). Then it
confirms the orders alternately (vanilla, suite, vanilla, ...), each with a
cold ORM cache, as the rep, and prints the medians of wall time and SQL
queries, their ratio and difference. Target: <= 1.20x and <= +10 queries.
"""

import contextlib
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import open_env  # noqa: E402

import odoo  # noqa: E402
from odoo import Command  # noqa: E402

ORDERS = int(os.environ.get("BENCH_ORDERS", "40"))
LINES = 20
VANILLA_DB = "sps_vanilla"
VANILLA_MODULES = "sale_management,crm,account,stock"


def sql_count():
    return odoo.sql_db.sql_counter


def create_vanilla_database():
    """The same apps without the suite, on the benchmark's cluster."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            os.path.join(os.environ["ODOO_HOME"], "odoo-bin"),
            "-c",
            os.environ["SPS_ODOO_CONF"],
            "-d",
            VANILLA_DB,
            "-i",
            VANILLA_MODULES,
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )
    print(
        f"Vanilla database ({VANILLA_MODULES}) installed in "
        f"{time.perf_counter() - started:.0f} s",
        flush=True,
    )


def new_user(env, login, groups):
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": login,
                "login": login,
                "email": f"{login}@example.com",
                "groups_id": [Command.set([env.ref(g).id for g in groups])],
                "company_id": env.company.id,
                "company_ids": [Command.set(env.company.ids)],
            }
        )
    )


def setup(env, suite):
    """Rep, customer, products and ORDERS + 1 quotations (one to warm up)."""
    groups = ["base.group_user", "sales_team.group_sale_salesman"]
    if suite:
        groups.append("sales_policy_base.group_sales_policy_user")
    rep = new_user(env, "bench_rep", groups)
    partner = env["res.partner"].create(
        {"name": "Bench Customer", "user_id": rep.id, "email": "c@example.com"}
    )
    product_vals = {"type": "consu", "list_price": 100.0, "standard_price": 60.0}
    if suite:
        product_vals.update(
            sales_policy_min_price=50.0, sales_policy_market_price=120.0
        )
    products = env["product.product"].create(
        [dict(product_vals, name=f"Bench Product {i}") for i in range(LINES)]
    )
    orders = (
        env["sale.order"]
        .with_user(rep)
        .create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": rep.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": p.id,
                                "product_uom_qty": 1,
                                "price_unit": 100.0,
                            }
                        )
                        for p in products
                    ],
                }
                for _ in range(ORDERS + 1)
            ]
        )
    )
    if suite:
        approve_everything(env, rep, orders)
    env.flush_all()
    env.cr.commit()
    return rep, orders


def approve_everything(env, rep, orders):
    """Request and approve what the shipped rules ask for, as the approvers."""
    approver_groups = [
        "base.group_user",
        "sales_team.group_sale_manager",
        "sales_policy_base.group_sales_policy_senior_manager",
        "sales_policy_base.group_sales_policy_legal_reviewer",
        "sales_policy_base.group_sales_policy_finance_reviewer",
    ]
    approver_groups = [
        g for g in approver_groups if env.ref(g, raise_if_not_found=False)
    ]
    new_user(env, "bench_approver", approver_groups)
    needed = orders.filtered(lambda o: o.approval_status not in ("approved", "none"))
    print(
        f"Suite database: {len(needed)} of {len(orders)} orders need approval "
        f"(status of the first: {orders[0].approval_status})",
        flush=True,
    )
    for order in needed:
        order.with_user(rep).action_request_approval()
    Request = env["sales.policy.approval.request"]
    for _round in range(5):
        pending = Request.search(
            [
                ("res_model", "=", "sale.order"),
                ("res_id", "in", orders.ids),
                ("state", "=", "pending"),
            ]
        )
        if not pending:
            break
        for request in pending:
            approver = request.approver_ids.filtered(lambda u: u != rep)[:1]
            assert approver, f"no approver for {request.rule_id.name}"
            request.with_user(approver).action_approve()
    rules = Request.search(
        [("res_model", "=", "sale.order"), ("res_id", "=", orders[0].id)]
    ).rule_id
    print(
        "Rules approved on each order: "
        + (", ".join(rules.mapped("name")) or "none applied"),
        flush=True,
    )
    left = orders.filtered(lambda o: o.approval_status not in ("approved", "none"))
    assert not left, f"{len(left)} orders still wait for approval"


def confirm(env, rep, order):
    env.invalidate_all()
    q0, t0 = sql_count(), time.perf_counter()
    order.with_user(rep).action_confirm()
    env.flush_all()
    elapsed = time.perf_counter() - t0
    assert order.state == "sale", order.state
    return elapsed, sql_count() - q0


def main():
    create_vanilla_database()
    with contextlib.ExitStack() as stack:
        vanilla = stack.enter_context(open_env(db=VANILLA_DB))
        suite = stack.enter_context(open_env())
        modules = suite["ir.module.module"].search_count([("state", "=", "installed")])
        base = vanilla["ir.module.module"].search_count([("state", "=", "installed")])
        print(
            f"Installed modules: vanilla {base}, with the suite {modules}", flush=True
        )
        v_rep, v_orders = setup(vanilla, suite=False)
        s_rep, s_orders = setup(suite, suite=True)
        confirm(vanilla, v_rep, v_orders[0])
        confirm(suite, s_rep, s_orders[0])
        v_runs, s_runs = [], []
        for v_order, s_order in zip(v_orders[1:], s_orders[1:], strict=True):
            v_runs.append(confirm(vanilla, v_rep, v_order))
            s_runs.append(confirm(suite, s_rep, s_order))
        vanilla.cr.commit()
        suite.cr.commit()

    v_time = statistics.median(t for t, _q in v_runs)
    s_time = statistics.median(t for t, _q in s_runs)
    v_q = statistics.median(q for _t, q in v_runs)
    s_q = statistics.median(q for _t, q in s_runs)
    ratio = s_time / v_time
    extra = s_q - v_q
    print(
        f"Confirm a {LINES}-line order as the rep, {ORDERS} orders per side (medians):"
    )
    print(f"  vanilla Odoo:          {v_time * 1000:.1f} ms, {v_q:.0f} queries")
    print(f"  with the whole suite:  {s_time * 1000:.1f} ms, {s_q:.0f} queries")
    print(
        f"  fastest of each side:  {min(t for t, _ in s_runs) * 1000:.1f} ms vs "
        f"{min(t for t, _ in v_runs) * 1000:.1f} ms"
    )
    print(
        f"  wall time ratio: {ratio:.3f}x (target <= 1.20x: "
        f"{'PASS' if ratio <= 1.20 else 'FAIL'})"
    )
    print(
        f"  extra SQL queries: {extra:+.0f} (target <= +10: "
        f"{'PASS' if extra <= 10 else 'FAIL'})"
    )


if __name__ == "__main__":
    main()
