# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL, LazyTranslate

from ..tools.budget_sql import spend_rows_sql
from ..tools.expense_control import budget_breaches, standard_breaches

_lt = LazyTranslate(__name__)

CLAUSE_CONTROL = "SP-EXP-03"


class HrExpenseSheet(models.Model):
    """Expense reports over the remaining budget or over the company's
    expense standards wait for an approval rule of the engine before the
    manager approves them in Expenses (clauses SP-EXP-03, SP-EXP-04).

    The approval state changes only through Odoo's own steps (submit,
    approve, refuse, reset, post, pay), which run inside the transition
    scope; approving (``_do_approve``, whatever the path: the button, the
    duplicate wizard, a batch) is gated by the engine, and so is any write of
    the approved state. With no active rule (policy off) nothing is gated.
    """

    _name = "hr.expense.sheet"
    _inherit = ["hr.expense.sheet", "sales.policy.approval.mixin"]
    _policy_clause = CLAUSE_CONTROL

    _approval_actions = {"approve_expense": _lt("Approve the Expense Report")}
    _approval_metrics = {
        "over_budget": (_lt("Exceeds the Remaining Sales-Expense Budget"), "boolean"),
        "over_standard": (_lt("Breaks an Expense Standard"), "boolean"),
    }
    _approval_amount_field = "total_amount"
    _approval_currency_field = "company_currency_id"
    _approval_state_field = "approval_state"
    _approval_state_actions = {"approve": "approve_expense"}
    _approval_button_states = ("submit",)
    _protected_fields = ["approval_state", "state", "approval_date"]

    # --- the checks (at most three queries for a report) ------------------
    def _sales_expense_control(self):
        """{sheet id: {"over_budget": [(key, overrun)], "over_standard":
        [(category, day, amount, limit)]}} in two queries."""
        ids = [sid for sid in self.ids if isinstance(sid, int)]
        result = {sid: {"over_budget": [], "over_standard": []} for sid in self.ids}
        if not ids:
            return result
        self.env["hr.expense"].flush_model()
        mine = SQL(
            "SELECT e.sheet_id, e.company_id, e.sales_expense_team_id AS team_id, "
            " e.sales_expense_category_id AS category_id, "
            " date_trunc('month', e.date)::date AS month, "
            " SUM(e.total_amount) AS amount "
            "FROM hr_expense e WHERE e.sheet_id IN %s "
            " AND e.sales_expense_team_id IS NOT NULL "
            " AND e.sales_expense_category_id IS NOT NULL "
            "GROUP BY 1, 2, 3, 4, 5",
            tuple(ids),
        )
        same_key = SQL(
            "e.company_id = m.company_id AND e.sales_expense_team_id = m.team_id "
            "AND e.sales_expense_category_id = m.category_id "
            "AND e.date >= m.month AND e.date < m.month + interval '1 month' "
            "AND e.sheet_id IS DISTINCT FROM m.sheet_id"
        )
        same_bill = SQL(
            "l.company_id = m.company_id AND l.sales_expense_team_id = m.team_id "
            "AND l.sales_expense_category_id = m.category_id "
            "AND l.date >= m.month AND l.date < m.month + interval '1 month'"
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT m.sheet_id, m.team_id, m.category_id, m.month, m.amount, "
                " (SELECT COALESCE(SUM(b.amount), 0) "
                "  FROM sales_expense_budget_line b "
                "  WHERE b.budget_state = 'approved' AND b.company_id = m.company_id "
                "  AND b.team_id = m.team_id AND b.category_id = m.category_id "
                "  AND b.month = m.month), "
                " (SELECT COALESCE(SUM(r.committed + r.actual), 0) FROM (%s) r) "
                "FROM (%s) m",
                spend_rows_sql(same_key, same_bill),
                mine,
            )
        )
        budget = budget_breaches(
            (sheet_id, (team, categ, month), amount, budgeted, used)
            for sheet_id, team, categ, month, amount, budgeted, used in rows
        )
        standard_rows = self.env.execute_query(
            SQL(
                "WITH mine AS ("
                " SELECT e.sheet_id, e.employee_id, e.company_id, "
                "  e.sales_expense_category_id AS category_id, e.date, "
                "  SUM(e.total_amount) AS amount "
                " FROM hr_expense e WHERE e.sheet_id IN %(ids)s "
                "  AND e.sales_expense_category_id IS NOT NULL "
                " GROUP BY 1, 2, 3, 4, 5), "
                "trip AS (SELECT sheet_id, category_id, SUM(amount) AS amount "
                " FROM mine GROUP BY 1, 2) "
                "SELECT m.sheet_id, m.category_id, m.date, "
                " m.amount + COALESCE((SELECT SUM(o.total_amount) FROM hr_expense o "
                "  WHERE o.employee_id = m.employee_id "
                "  AND o.sales_expense_category_id = m.category_id "
                "  AND o.date = m.date AND o.state IN %(live)s "
                "  AND o.sheet_id IS DISTINCT FROM m.sheet_id), 0), "
                " t.amount, s.limit_per_day, s.limit_per_trip "
                "FROM mine m "
                "JOIN trip t ON t.sheet_id = m.sheet_id "
                " AND t.category_id = m.category_id "
                "JOIN hr_employee emp ON emp.id = m.employee_id "
                "JOIN LATERAL (SELECT s.limit_per_day, s.limit_per_trip "
                " FROM sales_expense_standard s WHERE s.active "
                " AND s.company_id = m.company_id AND s.category_id = m.category_id "
                " AND (s.job_id = emp.job_id OR s.job_id IS NULL) "
                " ORDER BY s.job_id IS NULL LIMIT 1) s ON TRUE",
                ids=tuple(ids),
                live=("submitted", "approved", "done"),
            )
        )
        standard = standard_breaches(standard_rows)
        for sid in ids:
            result[sid]["over_budget"] = budget.get(sid, [])
            result[sid]["over_standard"] = standard.get(sid, [])
        return result

    # --- approval engine hooks ---------------------------------------------
    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        if needed is not None and not {"over_budget", "over_standard"} & set(needed):
            return result
        control = self._sales_expense_control()
        for sid, values in result.items():
            values["over_budget"] = bool(control[sid]["over_budget"])
            values["over_standard"] = bool(control[sid]["over_standard"])
        return result

    def _get_approval_fingerprint_data(self):
        return {
            sheet.id: sorted(
                [e.id, e.product_id.id, str(e.date), e.total_amount]
                for e in sheet.expense_line_ids
            )
            for sheet in self.sudo()
        }

    def _get_approval_requester(self):
        self.ensure_one()
        return self.employee_id.sudo().user_id or self.env.user

    def _get_approval_conflicted_users(self):
        # nobody approves their own over-budget expense report
        return {sheet.id: sheet.employee_id.sudo().user_id for sheet in self}

    # --- Odoo's own steps, inside the transition scope ----------------------
    def _do_submit(self):
        with self._transition_scope():
            res = super()._do_submit()
        # held reports get their approval requests at once
        self._approval_submit(strict=False)
        return res

    def _do_approve(self):
        todo = self.filtered(lambda s: s.state in ("submit", "draft"))
        todo._approval_check("approve_expense", remember=True)
        with self._transition_scope():
            return super()._do_approve()

    def _do_refuse(self, reason):
        with self._transition_scope():
            return super()._do_refuse(reason)

    def _do_reset_approval(self):
        with self._transition_scope():
            return super()._do_reset_approval()

    def set_to_paid(self):
        with self._transition_scope():
            return super().set_to_paid()

    def set_to_posted(self):
        with self._transition_scope():
            return super().set_to_posted()
