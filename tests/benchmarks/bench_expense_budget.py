"""Benchmark of the sales-expense budget vs actual (issue 19).

Run (from the repository root):
  scripts/bench.sh sales_expense_budget tests/benchmarks/bench_expense_budget.py

300 sales teams x 12 months x 5 categories of approved budget lines (18,000
lines), BENCH_EXPENSES (default 500,000) employee expenses and BENCH_BILL_LINES
(default 500,000) vendor bill lines tagged with the teams' analytic accounts,
all SQL clones of one real expense and one real posted bill line, spread over
the teams, categories and months (expenses: 1 in 3 committed, the rest paid).

Figures:
1. budget vs committed vs actual for every team, category and month, read from
   ``sales.expense.budget.report`` with ``_read_group`` as the pivot does
   (target < 3 s), next to a baseline: a plain SUM over the same expense and
   journal-item rows;
2. the budget check of one expense report (``_sales_expense_control``) over
   these rows: its time and its query count (target: at most 3 queries).
"""

import os
from datetime import date

import benchlib
from benchlib import open_env, timed

import odoo
from odoo import Command
from odoo.tools import SQL

TEAMS = 300
MONTHS = 12
EXPENSES = int(os.environ.get("BENCH_EXPENSES", 500_000))
BILL_LINES = int(os.environ.get("BENCH_BILL_LINES", 500_000))
YEAR = 2025
TARGET = 3.0
QUERY_TARGET = 3


def clone_rows(env, table, template_id, count, overrides):
    """Insert ``count`` copies of row ``template_id`` of ``table``; ``overrides``
    maps a column to an SQL expression of ``i`` (1..count)."""
    cols = benchlib.columns(env, table, {"id"})
    select = [
        # the expressions are the script's own (no user input); % doubled for SQL()
        SQL("(" + overrides[c].replace("%", "%%") + ")")
        if c in overrides
        else SQL.identifier("t", c)
        for c in cols
    ]
    env.cr.execute(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s t, generate_series(1, %s) i "
            "WHERE t.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(c) for c in cols),
            SQL(", ").join(select),
            SQL.identifier(table),
            count,
            template_id,
        )
    )


def setup(env):
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
    teams = env["crm.team"].create([{"name": f"Bench team {i}"} for i in range(TEAMS)])
    categories = env["sales.expense.category"].search([], order="sequence")[:5]
    team_ids, categ_ids = teams.ids, categories.ids
    # budgets and lines (SQL): one approved budget per team and month
    env.cr.execute(
        SQL(
            "INSERT INTO sales_expense_budget (name, team_id, month, company_id, "
            " state, revision, amount_total) "
            "SELECT 'bench', t, make_date(%s, m, 1), %s, 'approved', 1, 5000 "
            "FROM unnest(%s::int[]) t, generate_series(1, %s) m",
            YEAR,
            company.id,
            team_ids,
            MONTHS,
        )
    )
    env.cr.execute(
        SQL(
            "INSERT INTO sales_expense_budget_line (budget_id, category_id, amount, "
            " team_id, month, company_id, budget_state) "
            "SELECT b.id, c, 1000, b.team_id, b.month, b.company_id, 'approved' "
            "FROM sales_expense_budget b, unnest(%s::int[]) c WHERE b.name = 'bench'",
            categ_ids,
        )
    )
    # one real expense and one real posted vendor bill line to clone
    user = env["res.users"].create({"name": "Bench rep", "login": "bench_rep"})
    employee = env["hr.employee"].create({"name": "Bench rep", "user_id": user.id})
    product = env["product.product"].create(
        {
            "name": "Bench travel",
            "can_be_expensed": True,
            "sales_expense_category_id": categ_ids[0],
        }
    )
    expense = env["hr.expense"].create(
        {
            "name": "Bench expense",
            "employee_id": employee.id,
            "product_id": product.id,
            "total_amount_currency": 10.0,
            "date": date(YEAR, 1, 5),
        }
    )
    analytic = env["account.analytic.account"].create(
        {
            "name": "Bench analytic",
            "plan_id": env["account.analytic.plan"].create({"name": "Bench"}).id,
        }
    )
    bill = env["account.move"].create(
        {
            "move_type": "in_invoice",
            "partner_id": user.partner_id.id,
            "invoice_date": date(YEAR, 1, 5),
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "price_unit": 10.0,
                        "tax_ids": [Command.clear()],
                        "analytic_distribution": {str(analytic.id): 100},
                    }
                )
            ],
        }
    )
    bill.action_post()
    env.flush_all()
    line = bill.invoice_line_ids
    # plain integers from the database, formatted into the expressions
    team_array = "'{" + ",".join(map(str, team_ids)) + "}'::int[]"
    categ_array = "'{" + ",".join(map(str, categ_ids)) + "}'::int[]"
    teams_sql = f"({team_array})[1 + (i % {TEAMS})]"
    categ_sql = f"({categ_array})[1 + ((i / {TEAMS}) % 5)]"
    month_sql = f"make_date({YEAR}, 1 + ((i / {TEAMS * 5}) % {MONTHS}), 1 + (i % 28))"
    amount_sql = "(1 + (i % 97))::numeric"
    clone_rows(
        env,
        "hr_expense",
        expense.id,
        EXPENSES,
        {
            "sales_expense_team_id": teams_sql,
            "sales_expense_category_id": categ_sql,
            "date": month_sql,
            "total_amount": amount_sql,
            "total_amount_currency": amount_sql,
            "state": "CASE WHEN i % 3 = 0 THEN 'submitted' ELSE 'done' END",
        },
    )
    clone_rows(
        env,
        "account_move_line",
        line.id,
        BILL_LINES,
        {
            "sales_expense_team_id": teams_sql,
            "sales_expense_category_id": categ_sql,
            "date": month_sql,
            "balance": amount_sql,
            "debit": amount_sql,
            "credit": "0",
            "amount_currency": amount_sql,
            "price_subtotal": amount_sql,
            "price_total": amount_sql,
            "price_unit": amount_sql,
        },
    )
    env.cr.execute("ANALYZE hr_expense")
    env.cr.execute("ANALYZE account_move_line")
    env.cr.execute("ANALYZE sales_expense_budget_line")
    env.invalidate_all()
    sheet = env["hr.expense.sheet"].create(
        {
            "name": "Bench report",
            "employee_id": employee.id,
            "expense_line_ids": [Command.set(expense.ids)],
        }
    )
    expense.sales_expense_team_id = teams[0]
    env.flush_all()
    return sheet


def main():
    results = {}
    with open_env() as env:
        with timed(
            f"setup: {TEAMS} teams x {MONTHS} months x 5 categories, "
            f"{EXPENSES} expenses, {BILL_LINES} bill lines"
        ):
            sheet = setup(env)
        env.cr.commit()
        with timed("baseline: plain SUM over the same rows", results):
            env.cr.execute(
                "SELECT (SELECT SUM(total_amount) FROM hr_expense "
                " WHERE sales_expense_team_id IS NOT NULL), "
                "(SELECT SUM(balance) FROM account_move_line "
                " WHERE sales_expense_team_id IS NOT NULL)"
            )
            env.cr.fetchall()
        Report = env["sales.expense.budget.report"]
        with timed("budget vs committed vs actual (pivot read_group)", results):
            groups = Report._read_group(
                [],
                ["team_id", "category_id", "month:month"],
                ["budget_amount:sum", "committed_amount:sum", "actual_amount:sum"],
            )
        print(f"  {len(groups)} cells (team x category x month)")
        with timed("over-budget list (search, over_budget = True)", results):
            over = Report.search_count([("over_budget", "=", True)])
        print(f"  {over} over-budget cells")
        env.invalidate_all()
        before = benchlib.query_count(env)
        with timed("budget check of one expense report", results):
            sheet._sales_expense_control()
        queries = benchlib.query_count(env) - before
        print(f"  {queries} queries")
        env.cr.rollback()

    pivot = results["budget vs committed vs actual (pivot read_group)"]
    print()
    print(
        f"budget vs actual, {TEAMS} teams x {MONTHS} months x 5 categories over "
        f"{EXPENSES + BILL_LINES} expense lines and journal items: {pivot:.3f} s "
        f"(baseline SUM {results['baseline: plain SUM over the same rows']:.3f} s; "
        f"target < {TARGET:.0f} s): {'PASS' if pivot < TARGET else 'FAIL'}"
    )
    print(
        f"budget check of one expense report: {queries} queries (target <= "
        f"{QUERY_TARGET}): {'PASS' if queries <= QUERY_TARGET else 'FAIL'}"
    )


if __name__ == "__main__":
    odoo.tools.config  # noqa: B018  (odoo importable, see scripts/bench.sh)
    main()
