# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon

MONTH = date(2026, 6, 1)
DAY = date(2026, 6, 10)


class SalesExpenseBudgetCommon(SalesPolicyCommon):
    """A sales team led by ``manager`` with ``rep`` as member, both
    employees (the manager approves the rep's expense reports in Expenses),
    five categories with an expense product each, a chart of accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        approver = cls.env.ref("hr_expense.group_hr_expense_team_approver")
        cls.manager_2 = cls._new_policy_user(
            "sp_manager_2", "sales_policy_base.group_sales_policy_manager"
        )
        for user in (cls.manager, cls.manager_2, cls.senior_manager):
            user.groups_id = [Command.link(approver.id)]
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Budget Team East",
                "user_id": cls.manager.id,
                "company_id": company.id,
            }
        )
        cls.team_2 = cls.env["crm.team"].create(
            {
                "name": "Budget Team West",
                "user_id": cls.manager_2.id,
                "company_id": company.id,
            }
        )
        cls.env["crm.team.member"].create(
            [
                {"crm_team_id": cls.team.id, "user_id": cls.rep.id},
                {"crm_team_id": cls.team.id, "user_id": cls.manager.id},
                {"crm_team_id": cls.team.id, "user_id": cls.manager_2.id},
                {"crm_team_id": cls.team_2.id, "user_id": cls.rep_2.id},
            ]
        )
        cls.analytic_plan = cls.env["account.analytic.plan"].create(
            {"name": "Sales expenses (test)"}
        )
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": "Team East expenses", "plan_id": cls.analytic_plan.id}
        )
        cls.team.sales_expense_analytic_account_id = cls.analytic
        cls.job_junior = cls.env["hr.job"].create({"name": "Junior Sales"})
        cls.categories = {
            code: cls.env.ref(f"sales_expense_budget.category_{code}")
            for code in ("travel", "entertainment", "samples", "promotion", "other")
        }
        cls.products = {}
        for code, category in cls.categories.items():
            cls.products[code] = cls.env["product.product"].create(
                {
                    "name": f"Test expense {code}",
                    "can_be_expensed": True,
                    "standard_price": 0.0,
                    "sales_expense_category_id": category.id,
                    "supplier_taxes_id": [Command.clear()],
                }
            )
        cls.manager_employee = cls._employee(cls.manager, None)
        cls.rep_employee = cls._employee(cls.rep, cls.manager)
        cls.rep_2_employee = cls._employee(cls.rep_2, cls.manager_2)
        cls.company.sales_expense_budget_senior_amount = 10000.0

    @classmethod
    def _employee(cls, user, expense_manager):
        return cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "work_email": f"{user.login}@example.com",
                "work_contact_id": user.partner_id.id,
                "job_id": cls.job_junior.id,
                "expense_manager_id": expense_manager.id if expense_manager else False,
            }
        )

    @classmethod
    def _budget(cls, amounts, team=None, month=MONTH, user=None):
        return cls.env["sales.expense.budget"].create(
            {
                "team_id": (team or cls.team).id,
                "user_id": user.id if user else False,
                "month": month,
                "line_ids": [
                    Command.create(
                        {"category_id": cls.categories[code].id, "amount": amount}
                    )
                    for code, amount in amounts.items()
                ],
            }
        )

    @classmethod
    def _approved_budget(cls, amounts, submitter=None, approver=None, **kwargs):
        budget = cls._budget(amounts, **kwargs)
        budget.with_user(submitter or cls.manager).action_submit()
        budget.with_user(approver or cls.senior_manager).action_approval_approve()
        return budget

    def _sheet(self, employee, lines, user=None):
        """An expense report of ``employee`` with ``lines``: [(category code,
        amount, day, currency or None)], made by ``user``."""
        env = self.env(user=user or employee.user_id)
        expenses = env["hr.expense"].create(
            [
                {
                    "name": f"{code} {amount}",
                    "employee_id": employee.id,
                    "product_id": self.products[code].id,
                    "total_amount_currency": amount,
                    "date": day,
                    "tax_ids": [Command.clear()],
                    **({"currency_id": currency.id} if currency else {}),
                }
                for code, amount, day, currency in lines
            ]
        )
        sheet = env["hr.expense.sheet"].create(
            {
                "name": "Trip",
                "employee_id": employee.id,
                "expense_line_ids": [Command.set(expenses.ids)],
            }
        )
        # read back as the test's superuser
        return sheet.with_env(self.env)
