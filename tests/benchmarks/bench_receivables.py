"""Benchmark of the receivables figures (issue 5).

Run (from the repository root):
  scripts/bench.sh sales_policy_base,sales_policy_sale,sales_receivables \
      tests/benchmarks/bench_receivables.py

1. Aged receivables by salesperson, grade and bucket over BENCH_ITEMS
   (default 1,000,000) open receivable journal items.
2. Collection-plan figures over the same items: "Generate" of the month's
   plan (the month's open invoices and what was collected on them), then plan
   vs actual per salesperson over the generated lines (grouped lines and the
   per-salesperson view with the achieved rate); "Refresh Actuals" is timed
   too. One in seven invoices due in the month is partly paid (40 of 100) by a
   bank payment reconciled this month, so "collected" sums something.
3. The daily reminder cron over BENCH_OVERDUE (default 100,000) overdue
   invoices.

Journal items are cloned in SQL from one real posted invoice (receivable line
only: the figures read receivable lines), spread over 1,000 customers of 10
salespeople: the first BENCH_OVERDUE due 1 to 200 days ago, the others due in
4 to 63 days (before any reminder level): about 40 % of the items fall due
in the current month, so the month's plan has some 390,000 lines at full
size (a worst case for "Generate"). The shipped reminder levels are
used, without their email template (rendering is the template's cost, not the
cron's).

Payments are SQL clones of one real partial payment of the template invoice:
each cloned payment entry (bank journal, both lines) is reconciled with its
invoice's receivable line by a clone of the real partial reconciliation, and
the invoice's residual and payment state are those of the template after its
payment. Targets (printed as PASS/FAIL): aged receivables + collection-plan
figures under 5 s; the reminder cron under 60 s.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import columns, open_env, timed  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

ITEMS = int(os.environ.get("BENCH_ITEMS", "1000000"))
OVERDUE = int(os.environ.get("BENCH_OVERDUE", "100000"))
CUSTOMERS = 1000
REPS = 10
PAID = 40.0  # of each 100.00 invoice paid this month, one invoice in seven
FIGURES_TARGET = 5.0
CRON_TARGET = 60.0


def setup(env):
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench Rep {i}",
                    "login": f"bench_rep_{i}",
                    "groups_id": [
                        Command.set(
                            [env.ref("sales_policy_base.group_sales_policy_user").id]
                        )
                    ],
                }
                for i in range(REPS)
            ]
        )
    )
    partners = env["res.partner"].create(
        [
            {
                "name": f"Bench Customer {i}",
                "is_company": True,
                "user_id": users[i % REPS].id,
                "sales_grade": "abc"[i % 3],
            }
            for i in range(CUSTOMERS)
        ]
    )
    product = env["product.product"].create(
        {"name": "Bench Product", "taxes_id": [Command.clear()]}
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partners[0].id,
            "invoice_user_id": users[0].id,
            "invoice_date": fields.Date.today(),
            "invoice_date_due": fields.Date.today(),
            "invoice_payment_term_id": False,
            "invoice_line_ids": [
                Command.create(
                    {"product_id": product.id, "price_unit": 100.0, "tax_ids": []}
                )
            ],
        }
    )
    template.action_post()
    env.flush_all()
    line = template.line_ids.filtered(
        lambda ln: ln.account_id.account_type == "asset_receivable"
    )
    # partner i, due date: from 200 days ago to 30 days ahead; the first
    # OVERDUE items overdue (due 1..200 days ago), the others spread
    move_cols = columns(
        env,
        "account_move",
        {
            "id",
            "name",
            "partner_id",
            "commercial_partner_id",
            "invoice_user_id",
            "invoice_date_due",
            "ref",
        },
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move (%(cols)s, name, ref, partner_id,
                                      commercial_partner_id, invoice_user_id,
                                      invoice_date_due)
            SELECT %(cols)s, 'BENCH/' || g, 'bench-' || g, p.ids[1 + mod(g, %(n)s)],
                   p.ids[1 + mod(g, %(n)s)], p.users[1 + mod(g, %(n)s)],
                   CASE WHEN g <= %(overdue)s
                        THEN CURRENT_DATE - (1 + mod(g, 200))
                        ELSE CURRENT_DATE + 4 + mod(g, 60) END
              FROM account_move,
                   generate_series(1, %(items)s) g,
                   (SELECT array_agg(id ORDER BY id) AS ids,
                           array_agg(user_id ORDER BY id) AS users
                      FROM res_partner WHERE id IN %(partners)s) p
             WHERE account_move.id = %(tmpl)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in move_cols),
            n=CUSTOMERS,
            overdue=OVERDUE,
            items=ITEMS,
            partners=tuple(partners.ids),
            tmpl=template.id,
        )
    )
    line_cols = columns(
        env,
        "account_move_line",
        {"id", "move_id", "partner_id", "date_maturity", "move_name"},
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move_line (%(cols)s, move_id, partner_id,
                                           date_maturity, move_name)
            SELECT %(src)s, m.id, m.partner_id, m.invoice_date_due, m.name
              FROM account_move m, account_move_line src
             WHERE starts_with(m.ref, 'bench-') AND src.id = %(line)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in line_cols),
            src=SQL(", ").join(SQL.identifier("src", c) for c in line_cols),
            line=line.id,
        )
    )
    paid = add_payments(env, company, template, line)
    env.cr.execute(
        "ANALYZE account_move; ANALYZE account_move_line; "
        "ANALYZE account_partial_reconcile"
    )
    env.invalidate_all()
    return company, paid


def add_payments(env, company, template, line):
    """Pay PAID of one in seven bench invoices due this month: clones of a real
    partial payment of the template (its entry, its lines, its partial
    reconciliation); the invoices take the template's residual after payment.
    Returns the number of invoices paid."""
    bank = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
    )
    payment = (
        env["account.payment.register"]
        .with_context(active_model="account.move", active_ids=template.ids)
        .create(
            {
                "amount": PAID,
                "payment_date": fields.Date.today(),
                "journal_id": bank.id,
                "payment_difference_handling": "open",
            }
        )
        ._create_payments()
    )
    env.flush_all()
    pay_move = payment.move_id
    partial = line.matched_credit_ids
    assert len(partial) == 1 and partial.credit_move_id.move_id == pay_move
    today = fields.Date.today()
    start = today.replace(day=1)
    end = fields.Date.end_of(today, "month")
    env.cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_paid ON COMMIT DROP AS
            SELECT id AS move_id FROM account_move
             WHERE starts_with(ref, 'bench-') AND mod(id, 7) = 0
               AND invoice_date_due BETWEEN %(start)s AND %(end)s
            """,
            start=start,
            end=end,
        )
    )
    move_cols = columns(
        env,
        "account_move",
        {
            "id",
            "name",
            "ref",
            "partner_id",
            "commercial_partner_id",
            "origin_payment_id",
        },
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move (%(cols)s, name, ref, partner_id,
                                      commercial_partner_id)
            SELECT %(src)s, 'BENCHPAY/' || inv.id, 'benchpay-' || inv.id,
                   inv.partner_id, inv.commercial_partner_id
              FROM account_move pay, bench_paid
              JOIN account_move inv ON inv.id = bench_paid.move_id
             WHERE pay.id = %(pay)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in move_cols),
            src=SQL(", ").join(SQL.identifier("pay", c) for c in move_cols),
            pay=pay_move.id,
        )
    )
    line_cols = columns(
        env,
        "account_move_line",
        {"id", "move_id", "partner_id", "move_name", "payment_id"},
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_move_line (%(cols)s, move_id, partner_id, move_name)
            SELECT %(src)s, m.id, m.partner_id, m.name
              FROM account_move m
              JOIN account_move_line src ON src.move_id = %(pay)s
             WHERE starts_with(m.ref, 'benchpay-')
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in line_cols),
            src=SQL(", ").join(SQL.identifier("src", c) for c in line_cols),
            pay=pay_move.id,
        )
    )
    apr_cols = columns(
        env, "account_partial_reconcile", {"id", "debit_move_id", "credit_move_id"}
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO account_partial_reconcile (%(cols)s, debit_move_id,
                                                   credit_move_id)
            SELECT %(src)s, debit.id, credit.id
              FROM account_partial_reconcile apr, bench_paid
              JOIN account_move_line debit
                ON debit.move_id = bench_paid.move_id
               AND debit.account_id = %(account)s
              JOIN account_move pay ON pay.ref = 'benchpay-' || bench_paid.move_id
              JOIN account_move_line credit
                ON credit.move_id = pay.id AND credit.account_id = %(account)s
             WHERE apr.id = %(apr)s
            """,
            cols=SQL(", ").join(SQL.identifier(c) for c in apr_cols),
            src=SQL(", ").join(SQL.identifier("apr", c) for c in apr_cols),
            account=line.account_id.id,
            apr=partial.id,
        )
    )
    # the invoices as the template after its payment
    env.cr.execute(
        SQL(
            """
            UPDATE account_move_line debit
               SET amount_residual = src.amount_residual,
                   amount_residual_currency = src.amount_residual_currency
              FROM account_move_line src, bench_paid
             WHERE src.id = %(line)s AND debit.move_id = bench_paid.move_id
               AND debit.account_id = src.account_id;
            UPDATE account_move inv
               SET amount_residual = src.amount_residual,
                   amount_residual_signed = src.amount_residual_signed,
                   payment_state = src.payment_state
              FROM account_move src, bench_paid
             WHERE src.id = %(tmpl)s AND inv.id = bench_paid.move_id
            """,
            line=line.id,
            tmpl=template.id,
        )
    )
    env.cr.execute("SELECT COUNT(*) FROM bench_paid")
    return env.cr.fetchone()[0]


def main():
    results = {}
    with open_env() as env:
        with timed(f"setup: {ITEMS} open receivable items, {OVERDUE} overdue"):
            company, paid = setup(env)
        print(f"  {paid} invoices due this month partly paid ({PAID} each)")
        env.cr.commit()

        Report = env["sales.aged.receivable.report"]
        with timed("aged receivables by salesperson, grade and bucket", results):
            groups = Report._read_group(
                [("company_id", "=", company.id)],
                ["user_id", "sales_grade", "bucket"],
                ["amount_residual:sum"],
            )
        print(f"  {len(groups)} groups")

        today = fields.Date.today()
        plan = env["sales.collection.plan"].create(
            {"year": today.year, "month": str(today.month)}
        )
        with timed("collection plan: Generate (invoices due, collected)", results):
            plan.action_generate()
            amounts = (plan.amount_expected, plan.amount_collected)
        lines = env["sales.collection.plan.line"].search_count(
            [("plan_id", "=", plan.id)]
        )
        print(
            f"  {lines} lines, planned {amounts[0]:,.2f}, collected "
            f"{amounts[1]:,.2f} (expected {(paid + 1) * PAID:,.2f}: the paid "
            "clones and the template invoice)"
        )
        env.invalidate_all()
        with timed("collection plan: plan vs actual per salesperson", results):
            by_rep = env["sales.collection.plan.line"]._read_group(
                [("plan_id", "=", plan.id)],
                ["user_id"],
                ["amount_expected:sum", "amount_collected:sum"],
            )
            rows = env["sales.collection.plan.rep"].search_read(
                [("plan_id", "=", plan.id)],
                ["user_id", "amount_expected", "amount_collected", "achieved_percent"],
            )
        print(f"  {len(by_rep)} salespeople; achieved %: ", end="")
        print(", ".join(f"{row['achieved_percent']:.1f}" for row in rows[:REPS]))
        with timed("collection plan: Refresh Actuals (collected per line)", results):
            plan.action_refresh_actuals()
            plan.amount_collected  # noqa: B018 (recompute the totals)

        env["sales.reminder.level"].search([]).write({"mail_template_id": False})
        with timed(f"daily reminder cron over {OVERDUE} overdue invoices"):
            start = time.perf_counter()
            given = env["sales.reminder.level"]._cron_send_reminders()
            cron = time.perf_counter() - start
        print(f"  {given} reminders given")
        env.cr.rollback()

    generate = results["collection plan: Generate (invoices due, collected)"]
    figures = sum(results.values()) - generate
    print(
        f"aged receivables + collection-plan figures (plan vs actual, collected) "
        f"over {ITEMS} items: {figures:.3f} s (target < {FIGURES_TARGET:.0f} s): "
        f"{'PASS' if figures < FIGURES_TARGET else 'FAIL'}"
    )
    strict = figures + generate
    print(
        f"the same with Generate (writes the month's plan lines): {strict:.3f} s "
        f"(target < {FIGURES_TARGET:.0f} s): "
        f"{'PASS' if strict < FIGURES_TARGET else 'FAIL'}"
    )
    print(
        f"reminder cron over {OVERDUE} overdue invoices: {cron:.3f} s "
        f"(target < {CRON_TARGET:.0f} s): {'PASS' if cron < CRON_TARGET else 'FAIL'}"
    )
    if ITEMS < 1_000_000 or OVERDUE < 100_000:
        print("(reduced sizes: the targets are for 1,000,000 items / 100,000 overdue)")


if __name__ == "__main__":
    main()
