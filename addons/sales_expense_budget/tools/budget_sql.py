# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one definition of a sales expense's budget figures, in SQL.

*Committed*: expenses of submitted or approved reports not yet paid
(``hr_expense.state`` submitted / approved); *actual*: paid expenses
(``done``) and posted vendor bill lines tagged with a team's sales-expense
analytic account. The report view, the budget check of an expense report and
the deletion guard all read these fragments.
"""

from odoo.tools import SQL

COMMITTED_STATES = ("submitted", "approved")
ACTUAL_STATES = ("done",)


def spend_rows_sql(where_expense=None, where_bill=None):
    """Rows (company_id, team_id, category_id, month, committed, actual) of
    expenses and vendor bill lines, one per source row."""
    where_expense = where_expense or SQL("TRUE")
    where_bill = where_bill or SQL("TRUE")
    return SQL(
        "SELECT e.company_id, e.sales_expense_team_id AS team_id, "
        " e.sales_expense_category_id AS category_id, "
        " date_trunc('month', e.date)::date AS month, "
        " CASE WHEN e.state IN %(committed)s THEN e.total_amount ELSE 0 END "
        "  AS committed, "
        " CASE WHEN e.state IN %(actual)s THEN e.total_amount ELSE 0 END AS actual "
        "FROM hr_expense e "
        "WHERE e.sales_expense_team_id IS NOT NULL "
        " AND e.sales_expense_category_id IS NOT NULL "
        " AND e.state IN %(states)s AND %(where_expense)s "
        "UNION ALL "
        "SELECT l.company_id, l.sales_expense_team_id, l.sales_expense_category_id, "
        " date_trunc('month', l.date)::date, 0, l.balance "
        "FROM account_move_line l "
        "WHERE l.sales_expense_team_id IS NOT NULL "
        " AND l.sales_expense_category_id IS NOT NULL "
        " AND l.parent_state = 'posted' AND %(where_bill)s",
        committed=COMMITTED_STATES,
        actual=ACTUAL_STATES,
        states=COMMITTED_STATES + ACTUAL_STATES,
        where_expense=where_expense,
        where_bill=where_bill,
    )


def report_sql():
    """Budget vs committed vs actual per company, team, category and month."""
    return SQL(
        "SELECT row_number() OVER (ORDER BY s.month, s.team_id, s.category_id, "
        " s.company_id) AS id, "
        " s.company_id, s.team_id, s.category_id, s.month, "
        " SUM(s.budget) AS budget_amount, SUM(s.committed) AS committed_amount, "
        " SUM(s.actual) AS actual_amount, "
        " SUM(s.budget) - SUM(s.committed) - SUM(s.actual) AS remaining_amount, "
        " SUM(s.committed) + SUM(s.actual) > SUM(s.budget) AS over_budget "
        "FROM ("
        " SELECT b.company_id, b.team_id, b.category_id, b.month, "
        "  b.amount AS budget, 0 AS committed, 0 AS actual "
        " FROM sales_expense_budget_line b WHERE b.budget_state = 'approved' "
        " UNION ALL "
        " SELECT r.company_id, r.team_id, r.category_id, r.month, 0, "
        "  r.committed, r.actual FROM (%(spend)s) r"
        ") s "
        "GROUP BY s.company_id, s.team_id, s.category_id, s.month",
        spend=spend_rows_sql(),
    )


def keys_filter(alias_team, alias_categ, alias_date, alias_company, keys):
    """SQL testing that a row's (company, team, category, month) is in ``keys``."""
    values = SQL(", ").join(
        SQL("(%s, %s, %s, %s::date)", c, t, g, str(m)) for c, t, g, m in keys
    )
    return SQL(
        "(%s, %s, %s, date_trunc('month', %s)::date) IN (VALUES %s)",
        SQL.identifier(*alias_company),
        SQL.identifier(*alias_team),
        SQL.identifier(*alias_categ),
        SQL.identifier(*alias_date),
        values,
    )


def actuals_by_key(env, keys):
    """{(company, team, category, month): (committed, actual)} of ``keys``."""
    keys = list(set(keys))
    if not keys:
        return {}
    env["hr.expense"].flush_model()
    env["account.move.line"].flush_model(
        ["sales_expense_team_id", "sales_expense_category_id", "balance", "date"]
    )
    where_expense = keys_filter(
        ("e", "sales_expense_team_id"),
        ("e", "sales_expense_category_id"),
        ("e", "date"),
        ("e", "company_id"),
        keys,
    )
    where_bill = keys_filter(
        ("l", "sales_expense_team_id"),
        ("l", "sales_expense_category_id"),
        ("l", "date"),
        ("l", "company_id"),
        keys,
    )
    rows = env.execute_query(
        SQL(
            "SELECT r.company_id, r.team_id, r.category_id, r.month, "
            " SUM(r.committed), SUM(r.actual) FROM (%s) r GROUP BY 1, 2, 3, 4",
            spend_rows_sql(where_expense, where_bill),
        )
    )
    return {(c, t, g, m): (committed, actual) for c, t, g, m, committed, actual in rows}
