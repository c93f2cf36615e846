"""Commission generation and settlement at scale.

Run with:
  scripts/bench.sh sales_policy_base,sales_commission_policy \
      tests/benchmarks/bench_commission.py

Fixtures: 200 reps, 2,000 graded customers owned by them, 50 products in 5
categories, a plan (invoice basis) with grade/category/product rates, two
achievement tiers and a target per rep. Posted invoices of 10 lines each are
cloned in SQL from one invoice posted through the ORM (10 % of them split
50/50 between two reps), all dated in March 2026.

90 % of the cloned invoices are marked paid; the other 10 % stay unpaid past
their due date, so the plan's overdue hold (SP-COM-09) leaves them out of the
settlement.

For 10k, 50k and 100k invoice lines it deletes the commission lines and
generates them all again (timed), then settles March for the 200 reps (timed).
Target: 100k lines + settlement under 30 s (PASS/FAIL printed).

Then a small collection-basis case (not part of the target): a sales team
with a collected-revenue plan, invoices posted and paid through the ORM,
commission generated from the payments (timed); a tenth of the payments are
unmatched and matched again, and the commission must stay the same.

Sizes: SPS_BENCH_SIZES=10000,50000,100000 (invoice lines, comma-separated),
SPS_BENCH_COLLECTION=100 (invoices of the collection case, 0 to skip). A quick
check of the script itself:
  SPS_BENCH_SIZES=1000 SPS_BENCH_COLLECTION=10 scripts/bench.sh \
      sales_policy_base,sales_commission_policy tests/benchmarks/bench_commission.py
"""

import os
import sys
import time
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import open_env, query_count, timed  # noqa: E402

from odoo import Command  # noqa: E402
from odoo.tools import SQL  # noqa: E402

SIZES = [10_000, 50_000, 100_000]
if os.environ.get("SPS_BENCH_SIZES"):
    SIZES = [int(size) for size in os.environ["SPS_BENCH_SIZES"].split(",")]
COLLECTION_INVOICES = int(os.environ.get("SPS_BENCH_COLLECTION", "100"))
LINES_PER_MOVE = 10
REPS = 200
CUSTOMERS = 2000
TARGET_SECONDS = 30.0


def setup_fixtures(env):
    company = env.ref("base.main_company")
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
    env["sales.policy.approval.rule"].search([]).active = False
    group = env.ref("sales_policy_base.group_sales_policy_user")
    reps = (
        env["res.users"]
        .with_context(no_reset_password=True, tracking_disable=True)
        .create(
            [
                {
                    "name": f"Bench Rep {index}",
                    "login": f"bench_rep_{index}",
                    "groups_id": [Command.set(group.ids)],
                }
                for index in range(REPS)
            ]
        )
    )
    customers = (
        env["res.partner"]
        .with_context(tracking_disable=True)
        .create(
            [
                {
                    "name": f"Bench Customer {index}",
                    "is_company": True,
                    "sales_grade": "abc"[index % 3],
                    "sales_commission_owner_id": reps[index % REPS].id,
                }
                for index in range(CUSTOMERS)
            ]
        )
    )
    categories = env["product.category"].create(
        [{"name": f"Bench Category {index}"} for index in range(5)]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench Product {index}",
                "categ_id": categories[index % 5].id,
                "type": "service",
                "list_price": 100.0,
                "standard_price": 60.0,
                "taxes_id": [Command.clear()],
            }
            for index in range(50)
        ]
    )
    env["sales.commission.plan"].create(
        {
            "name": "Bench Plan",
            "company_id": company.id,
            "date_from": date(2026, 1, 1),
            "base": "invoiced",
            "rule_ids": [
                Command.create({"rate": 2.0}),
                Command.create({"sales_grade": "a", "rate": 3.0}),
                Command.create({"sales_grade": "b", "rate": 2.5}),
                Command.create({"product_categ_id": categories[0].id, "rate": 4.0}),
                Command.create(
                    {
                        "product_categ_id": categories[1].id,
                        "sales_grade": "a",
                        "rate": 5.0,
                    }
                ),
                Command.create({"product_id": products[7].id, "rate": 6.0}),
            ],
            "tier_ids": [
                Command.create({"threshold": 0.0, "rate": 0.0}),
                Command.create({"threshold": 80.0, "rate": 1.0}),
                Command.create({"threshold": 120.0, "rate": 2.0}),
            ],
            "target_ids": [
                Command.create({"user_id": rep.id, "amount": 200_000.0}) for rep in reps
            ],
        }
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": customers[0].id,
            "invoice_date": date(2026, 3, 1),
            "invoice_payment_term_id": False,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": products[index].id,
                        "quantity": 1,
                        "price_unit": 100.0,
                        "tax_ids": [Command.clear()],
                    }
                )
                for index in range(LINES_PER_MOVE)
            ],
        }
    )
    template.action_post()
    env.cr.commit()
    return company, template, reps, customers, products


def _columns(cr, table):
    cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = %s AND column_name != 'id'",
            table,
        )
    )
    return [row[0] for row in cr.fetchall()]


def clone_invoices(env, template, customers, products, start, count, reps):
    """Insert ``count`` posted invoices copied from ``template`` in SQL."""
    cr = env.cr
    move_cols = _columns(cr, "account_move")
    overrides = {
        "name": SQL("'BENCH/' || g"),
        "sequence_prefix": SQL("'BENCH/'"),
        "sequence_number": SQL("g"),
        "partner_id": SQL("(%s::int[])[1 + mod(g, %s)]", customers.ids, len(customers)),
        "commercial_partner_id": SQL(
            "(%s::int[])[1 + mod(g, %s)]", customers.ids, len(customers)
        ),
        "invoice_date": SQL("DATE '2026-03-01' + mod(g, 28)::int"),
        "date": SQL("DATE '2026-03-01' + mod(g, 28)::int"),
        "payment_reference": SQL("'BENCH/' || g"),
        "ref": SQL("'bench:' || g"),
    }
    select = SQL(", ").join(
        overrides.get(col, SQL.identifier("t", col)) for col in move_cols
    )
    cr.execute(
        SQL(
            "INSERT INTO account_move (%s) SELECT %s FROM account_move t,"
            " generate_series(%s, %s) g WHERE t.id = %s",
            SQL(", ").join(SQL.identifier(c) for c in move_cols),
            select,
            start,
            start + count - 1,
            template.id,
        )
    )
    line_cols = _columns(cr, "account_move_line")
    factor = SQL("(1 + mod(m.sequence_number, 7))")
    line_overrides = {
        "move_id": SQL("m.id"),
        "move_name": SQL("m.name"),
        "partner_id": SQL("m.partner_id"),
        "date": SQL("m.date"),
        "invoice_date": SQL("m.invoice_date"),
        "product_id": SQL(
            "CASE WHEN l.display_type = 'product' THEN"
            " (%s::int[])[1 + mod(m.sequence_number + l.id, %s)]"
            " ELSE l.product_id END",
            products.ids,
            len(products),
        ),
    }
    for col in (
        "balance",
        "debit",
        "credit",
        "amount_currency",
        "price_unit",
        "price_subtotal",
        "price_total",
        "amount_residual",
        "amount_residual_currency",
    ):
        line_overrides[col] = SQL("l.%s * %s", SQL.identifier(col), factor)
    select = SQL(", ").join(
        line_overrides.get(col, SQL.identifier("l", col)) for col in line_cols
    )
    cr.execute(
        SQL(
            "INSERT INTO account_move_line (%s) SELECT %s FROM account_move m"
            " JOIN account_move_line l ON l.move_id = %s"
            " WHERE m.sequence_prefix = 'BENCH/'"
            " AND m.sequence_number BETWEEN %s AND %s",
            SQL(", ").join(SQL.identifier(c) for c in line_cols),
            select,
            template.id,
            start,
            start + count - 1,
        )
    )
    # 10 % of the invoices split 50/50 between two reps
    cr.execute(
        SQL(
            """
        INSERT INTO sales_commission_split (move_id, company_id, user_id, percent)
        SELECT m.id, m.company_id,
               (%(reps)s::int[])[1 + mod(m.sequence_number + s, %(n)s)], 50.0
          FROM account_move m, generate_series(0, 1) s
         WHERE m.sequence_prefix = 'BENCH/' AND mod(m.sequence_number, 10) = 0
           AND m.sequence_number BETWEEN %(start)s AND %(end)s
            """,
            reps=reps.ids,
            n=len(reps),
            start=start,
            end=start + count - 1,
        )
    )
    # 90 % paid; the rest unpaid and overdue (held out of the settlement)
    cr.execute(
        SQL(
            """
        UPDATE account_move SET amount_residual = 0, payment_state = 'paid'
         WHERE sequence_prefix = 'BENCH/' AND mod(sequence_number, 10) != 5
           AND sequence_number BETWEEN %(start)s AND %(end)s
            """,
            start=start,
            end=start + count - 1,
        )
    )
    # fresh statistics, as autovacuum would have them on a live database
    cr.execute(SQL("ANALYZE account_move, account_move_line, sales_commission_split"))
    env.invalidate_all()


def _profiler():
    """A running cProfile.Profile when SPS_BENCH_PROFILE is set."""
    if not os.environ.get("SPS_BENCH_PROFILE"):
        return None
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def _report(profiler):
    if profiler is None:
        return
    import pstats

    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def collection_case(env, company, customers, products, count):
    """Commission from payments: generation, then unmatch and rematch."""
    team = env["crm.team"].create({"name": "Bench Collection Team"})
    env["sales.commission.plan"].create(
        {
            "name": "Bench Collection Plan",
            "company_id": company.id,
            "team_id": team.id,
            "date_from": date(2026, 1, 1),
            "base": "collected",
            "rule_ids": [Command.create({"rate": 2.0})],
        }
    )
    with timed(f"set-up, not in the figures: {count} invoices posted and paid"):
        invoices = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customers[index % len(customers)].id,
                    "team_id": team.id,
                    "invoice_date": date(2026, 3, 2),
                    "invoice_payment_term_id": False,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": products[line].id,
                                "quantity": 1,
                                "price_unit": 100.0,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for line in range(LINES_PER_MOVE)
                    ],
                }
                for index in range(count)
            ]
        )
        invoices.action_post()
        journal = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoices.ids
        ).create(
            {
                "payment_date": date(2026, 3, 20),
                "journal_id": journal.id,
                "group_payment": False,
            }
        )._create_payments()
        env.flush_all()
    Line = env["sales.commission.line"]
    queries = query_count(env)
    with timed(f"generate collection basis, {count} payments"):
        lines = Line._generate(companies=company)
        env.flush_all()
    # every invoice: 10 lines * 100 * 2 % = 20
    total = sum(lines.mapped("amount"))
    print(
        f"  {len(lines):,} commission lines, {query_count(env) - queries}"
        f" queries, total {total:,.2f} (expected {count * 20.0:,.2f})",
        flush=True,
    )
    receivable = invoices[: max(1, count // 10)].line_ids.filtered(
        lambda line: line.account_id.account_type == "asset_receivable"
    )
    pairs = [(line, line.matched_credit_ids.credit_move_id) for line in receivable]
    with timed(f"unmatch and rematch {len(pairs)} payments, regenerate"):
        receivable.remove_move_reconcile()
        for invoice_line, payment_line in pairs:
            (invoice_line | payment_line).reconcile()
        Line._generate(companies=company)
        env.flush_all()
    after = sum(Line.search([("move_id", "in", invoices.ids)]).mapped("amount"))
    verdict = "PASS" if abs(after - count * 20.0) < 0.01 else "FAIL"
    print(
        f"  collection commission after rematch {after:,.2f}"
        f" (expected {count * 20.0:,.2f}, paid once): {verdict}",
        flush=True,
    )


def main():
    results = {}
    with open_env() as env:
        env = env(context={"tracking_disable": True})
        company, template, reps, customers, products = setup_fixtures(env)
        Line = env["sales.commission.line"]
        moves_done = 0
        for size in SIZES:
            moves_needed = size // LINES_PER_MOVE - 1  # the template counts
            clone_invoices(
                env,
                template,
                customers,
                products,
                moves_done + 1,
                moves_needed - moves_done,
                reps,
            )
            moves_done = moves_needed
            env.cr.execute(SQL("DELETE FROM sales_commission_line"))
            env.cr.commit()
            env.invalidate_all()
            queries = query_count(env)
            start = time.perf_counter()
            profiler = _profiler()
            with timed(f"generate {size:>7,} invoice lines", results):
                lines = Line._generate(companies=company)
                env.flush_all()
            _report(profiler)
            elapsed = time.perf_counter() - start
            print(
                f"  {len(lines):,} commission lines, {query_count(env) - queries}"
                f" queries, {len(lines) / elapsed:,.0f} lines/s",
                flush=True,
            )
            env.cr.commit()
        queries = query_count(env)
        profiler = _profiler()
        with timed(f"settle March 2026 for {REPS} reps", results):
            settlements = env["sales.commission.settlement"]._settle(
                date(2026, 3, 1), date(2026, 3, 31), company
            )
            env.flush_all()
        _report(profiler)
        print(
            f"  {len(settlements)} settlements, total"
            f" {sum(settlements.mapped('amount_total')):,.2f},"
            f" {query_count(env) - queries} queries",
            flush=True,
        )
        total = (
            results[f"generate {SIZES[-1]:>7,} invoice lines"]
            + results[f"settle March 2026 for {REPS} reps"]
        )
        verdict = "PASS" if total < TARGET_SECONDS else "FAIL"
        print(
            f"generate {SIZES[-1]:,} lines + settle {REPS} reps: {total:.3f} s"
            f" (target < {TARGET_SECONDS:.0f} s): {verdict}",
            flush=True,
        )
        env.cr.commit()
        if COLLECTION_INVOICES:
            collection_case(env, company, customers, products, COLLECTION_INVOICES)
        env.cr.rollback()


if __name__ == "__main__":
    main()
