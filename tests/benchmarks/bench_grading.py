"""Benchmark of customer grading (issue 4): a full re-grade at 10k/50k/100k partners.

Run:
  scripts/bench.sh sales_policy_base,sales_policy_sale \
      tests/benchmarks/bench_grading.py

Data (plain SQL, copying one ORM-made template row so every NOT NULL column
is filled): partners in three steps up to 100,000 (env BENCH_PARTNERS), each
with rep-assessed purchase intent and ability; 60% of them have 5 confirmed
sale orders spread over the last 18 months (some outside the 12-month
window), each order with 3 or 4 lines: 300,000 orders and about 1,000,000
order lines at 100k partners.

At each step the grades are reset and ``res.partner._sales_regrade()`` runs
(every partner gets a new grade: the worst case, as on the first run), then
once more with nothing changed (the usual monthly run). Printed: wall time,
SQL queries, partners graded, and the time per 1,000 partners (linearity).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import open_env, query_count, timed  # noqa: E402

from odoo import Command  # noqa: E402
from odoo.tools import SQL  # noqa: E402

TOTAL = int(os.environ.get("BENCH_PARTNERS", "100000"))
STEPS = [TOTAL // 10, TOTAL // 2, TOTAL]
ORDERS_PER_BUYER = 5


def columns(cr, table):
    cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
            table,
        )
    )
    return [row[0] for row in cr.fetchall()]


def copy_rows(cr, table, template_id, source_sql, overrides):
    """INSERT INTO table one row per row of ``source_sql`` (alias ``s``),
    copying the template row ``t`` except for ``overrides`` {column: SQL}."""
    cols = columns(cr, table)
    select = SQL(", ").join(
        overrides.get(col, SQL("t.%s", SQL.identifier(col))) for col in cols
    )
    cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s AS t, (%s) AS s WHERE t.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(col) for col in cols),
            select,
            SQL.identifier(table),
            source_sql,
            template_id,
        )
    )
    return cr.rowcount


def make_templates(env):
    # the template order is confirmed directly: no approval rules in this database
    env["sales.policy.approval.rule"].search([]).active = False
    partner = env["res.partner"].create(
        {"name": "Bench Template", "is_company": True, "customer_rank": 1}
    )
    product = env["product.product"].create(
        {"name": "Bench Product", "list_price": 100.0, "taxes_id": [Command.clear()]}
    )
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1,
                        "price_unit": 100.0,
                        "tax_id": [Command.clear()],
                    }
                )
            ],
        }
    )
    order.action_confirm()
    env.flush_all()
    return partner.id, order.id, order.order_line.id


def add_partners(env, templates, first, last):
    """Partners number ``first``..``last`` with their orders and lines."""
    cr = env.cr
    partner_tpl, order_tpl, line_tpl = templates
    cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM res_partner"))
    max_before = cr.fetchone()[0]
    name = SQL("'Bench Customer ' || s.g")
    partners = copy_rows(
        cr,
        "res_partner",
        partner_tpl,
        SQL("SELECT generate_series(%s, %s) AS g", first, last),
        {
            "name": name,
            "complete_name": name,
            "display_name": name,
            "commercial_partner_id": SQL("NULL"),
            "sales_purchase_intent": SQL("mod(s.g * 37, 101)"),
            "sales_purchase_ability": SQL("mod(s.g * 53, 101)"),
            "customer_rank": SQL("1"),
        },
    )
    cr.execute(
        SQL(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id > %s",
            max_before,
        )
    )
    cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM sale_order"))
    max_order = cr.fetchone()[0]
    orders = copy_rows(
        cr,
        "sale_order",
        order_tpl,
        SQL(
            "SELECT p.id AS pid, k FROM res_partner p, generate_series(1, %s) k "
            "WHERE p.id > %s AND mod(p.id, 5) < 3",
            ORDERS_PER_BUYER,
            max_before,
        ),
        {
            "name": SQL("'BENCH/' || s.pid || '/' || s.k"),
            "partner_id": SQL("s.pid"),
            "partner_invoice_id": SQL("s.pid"),
            "partner_shipping_id": SQL("s.pid"),
            "date_order": SQL(
                "now() - mod(s.pid * 7 + s.k * 53, 540) * interval '1 day'"
            ),
            "amount_untaxed": SQL("mod(s.pid * 13 + s.k * 31, 20000) + 100"),
            "amount_total": SQL("mod(s.pid * 13 + s.k * 31, 20000) + 100"),
            "amount_tax": SQL("0"),
            "state": SQL("'sale'"),
        },
    )
    lines = copy_rows(
        cr,
        "sale_order_line",
        line_tpl,
        SQL(
            "SELECT o.id AS oid, o.partner_id AS pid, n FROM sale_order o, "
            "generate_series(1, 4) n WHERE o.id > %s AND (n < 4 OR mod(o.id, 3) = 0)",
            max_order,
        ),
        {"order_id": SQL("s.oid"), "order_partner_id": SQL("s.pid")},
    )
    cr.execute(SQL("ANALYZE res_partner"))
    cr.execute(SQL("ANALYZE sale_order"))
    cr.execute(SQL("ANALYZE sale_order_line"))
    cr.commit()
    return partners, orders, lines


def reset_grades(env):
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET sales_grade = NULL, sales_grade_score = 0, "
            "sales_grade_details = NULL, sales_grade_date = NULL"
        )
    )
    env.cr.execute(SQL("DELETE FROM sales_grade_history"))
    env.cr.commit()
    env.invalidate_all()


def regrade(env, label, results):
    queries = query_count(env)
    with timed(label, results):
        changed = env["res.partner"]._sales_regrade(source="cron")
        env.flush_all()
    queries = query_count(env) - queries
    env.cr.commit()
    env.invalidate_all()
    return changed, queries


def main():
    results = {}
    rows = []
    with open_env() as env:
        templates = make_templates(env)
        env.cr.commit()
        done = 0
        for step in STEPS:
            partners, orders, lines = add_partners(env, templates, done + 1, step)
            done = step
            env.cr.execute(SQL("SELECT count(*) FROM sale_order_line"))
            total_lines = env.cr.fetchone()[0]
            print(
                f"-- {step:,} partners: +{partners:,} partners, +{orders:,} orders, "
                f"+{lines:,} lines ({total_lines:,} order lines in all)",
                flush=True,
            )
            reset_grades(env)
            label = f"full re-grade, {step:,} partners"
            changed, queries = regrade(env, label, results)
            graded = env["res.partner"].search_count([("sales_grade", "!=", False)])
            grades = dict(
                env["res.partner"]._read_group(
                    [("sales_grade", "!=", False)], ["sales_grade"], ["__count"]
                )
            )
            label2 = f"monthly re-grade (no change), {step:,} partners"
            unchanged, queries2 = regrade(env, label2, results)
            rows.append(
                (
                    step,
                    results[label],
                    queries,
                    len(changed),
                    graded,
                    grades,
                    results[label2],
                    queries2,
                    len(unchanged),
                )
            )
    print()
    print("partners | full re-grade | s/1k | queries | changed | graded | A/B/C")
    for step, secs, queries, changed, graded, grades, secs2, q2, ch2 in rows:
        print(
            f"{step:>8,} | {secs:>10.2f} s | {secs / step * 1000:.3f} | {queries:>7} | "
            f"{changed:>7,} | {graded:>7,} | "
            f"{grades.get('a', 0)}/{grades.get('b', 0)}/{grades.get('c', 0)}"
        )
        print(f"{'':>8} | no-change run {secs2:.2f} s, {q2} queries, {ch2} changed")


if __name__ == "__main__":
    main()
