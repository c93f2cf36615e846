"""Benchmark of the receivables figures (issue 5).

Run (from the repository root):
  scripts/bench.sh sales_policy_base,sales_policy_sale,sales_receivables \
      tests/benchmarks/bench_receivables.py

1. Aged receivables by salesperson, grade and bucket over BENCH_ITEMS
   (default 1,000,000) open receivable journal items.
2. Collection-plan figures over the same items: the month's open invoices and
   what was collected on them (the query of "Generate"/"Refresh Actuals"),
   plus plan vs actual per salesperson over the plan lines.
3. The daily reminder cron over BENCH_OVERDUE (default 100,000) overdue
   invoices.

Journal items are cloned in SQL from one real posted invoice (receivable line
only: the figures read receivable lines), spread over 1,000 customers of 10
salespeople: the first BENCH_OVERDUE due 1 to 200 days ago, the others due in
4 to 63 days (before any reminder level). The shipped reminder levels are
used, without their email template (rendering is the template's cost, not the
cron's).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import open_env, timed  # noqa: E402

from odoo import Command, fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

ITEMS = int(os.environ.get("BENCH_ITEMS", "1000000"))
OVERDUE = int(os.environ.get("BENCH_OVERDUE", "100000"))
CUSTOMERS = 1000
REPS = 10


def columns(env, table, skip):
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [c for (c,) in env.cr.fetchall() if c not in skip]


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
    env.cr.execute("ANALYZE account_move; ANALYZE account_move_line")
    env.invalidate_all()
    return company


def main():
    with open_env() as env:
        with timed(f"setup: {ITEMS} open receivable items, {OVERDUE} overdue"):
            company = setup(env)
        env.cr.commit()

        Report = env["sales.aged.receivable.report"]
        with timed("aged receivables by salesperson, grade and bucket"):
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
        with timed("collection plan: open invoices due in the month"):
            moves = env["account.move"].search_fetch(
                [
                    ("company_id", "=", company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("invoice_date_due", ">=", plan.date_from),
                    ("invoice_date_due", "<=", plan.date_to),
                    ("amount_residual", "!=", 0),
                ],
                ["invoice_user_id", "amount_residual_signed"],
            )
        with timed("collection plan: collected in the month (one query)"):
            plan._collected_by_move(moves.ids)
        print(f"  {len(moves)} invoices due in the month")
        with timed("collection plan: plan vs actual per salesperson"):
            env["sales.collection.plan.line"]._read_group(
                [("plan_id", "=", plan.id)],
                ["user_id"],
                ["amount_expected:sum", "amount_collected:sum"],
            )
        env["sales.reminder.level"].search([]).write({"mail_template_id": False})
        with timed(f"daily reminder cron over {OVERDUE} overdue invoices"):
            given = env["sales.reminder.level"]._cron_send_reminders()
        print(f"  {given} reminders given")
        env.cr.rollback()


if __name__ == "__main__":
    main()
