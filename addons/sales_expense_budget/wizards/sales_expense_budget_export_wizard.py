# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

HEADERS = ("team", "category", "month", "budget", "committed", "actual", "remaining")


class SalesExpenseBudgetExportWizard(models.TransientModel):
    """Budget vs committed vs actual as an XLSX workbook (what the user may
    read of the report; the over-budget rows only on request)."""

    _name = "sales.expense.budget.export.wizard"
    _description = "Export Sales Expense Budget vs Actual"
    _inherit = ["sales.policy.xlsx.download.mixin"]

    date_from = fields.Date()
    date_to = fields.Date()
    over_budget_only = fields.Boolean()

    def _domain(self):
        domain = []
        if self.date_from:
            domain.append(("month", ">=", self.date_from))
        if self.date_to:
            domain.append(("month", "<=", self.date_to))
        if self.over_budget_only:
            domain.append(("over_budget", "=", True))
        return domain

    def _workbook(self, rows):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Budget vs Actual"))
        labels = {
            "team": self.env._("Sales Team"),
            "category": self.env._("Category"),
            "month": self.env._("Month"),
            "budget": self.env._("Budget"),
            "committed": self.env._("Committed"),
            "actual": self.env._("Actual"),
            "remaining": self.env._("Remaining"),
        }
        for col, key in enumerate(HEADERS):
            sheet.write(0, col, labels[key])
        for index, row in enumerate(rows, start=1):
            sheet.write_row(
                index,
                0,
                [
                    row.team_id.name or "",
                    row.category_id.name or "",
                    row.month.strftime("%Y-%m"),
                    row.budget_amount,
                    row.committed_amount,
                    row.actual_amount,
                    row.remaining_amount,
                ],
            )
        book.close()
        return output.getvalue()

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        rows = self.env["sales.expense.budget.report"].search(self._domain())
        return self._download_file(
            self._workbook(rows), "sales_expense_budget_vs_actual.xlsx"
        )
