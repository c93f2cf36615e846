# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesReceivablesXlsxWizard(models.TransientModel):
    """Aged receivables by salesperson and grade, collection plan vs actual
    and the overdue interest charged, as an Excel workbook (figures from
    grouped queries)."""

    _name = "sales.receivables.xlsx.wizard"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Export Receivables Reports to Excel"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    include_plans = fields.Boolean(string="Include Collection Plans", default=True)
    include_interest = fields.Boolean(string="Include Interest Charged", default=True)
    plan_year = fields.Integer(
        default=lambda self: fields.Date.context_today(self).year
    )

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#DDDDDD"}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "percent": workbook.add_format({"num_format": "0.00"}),
        }
        self._write_aged_sheet(workbook, formats)
        if self.include_plans:
            self._write_plan_sheet(workbook, formats)
        if self.include_interest:
            self._write_interest_sheet(workbook, formats)
        workbook.close()
        return self._download_file(
            output.getvalue(), f"receivables_{fields.Date.context_today(self)}.xlsx"
        )

    # --- sheets -------------------------------------------------------------------
    def _aged_rows(self):
        """[(salesperson, grade, {bucket: amount}, total)] and the buckets in order."""
        Report = self.env["sales.aged.receivable.report"]
        groups = Report._read_group(
            [("company_id", "=", self.company_id.id)],
            ["user_id", "sales_grade", "bucket"],
            ["amount_residual:sum", "bucket_sequence:min"],
        )
        buckets = sorted({(seq, bucket) for _u, _g, bucket, _a, seq in groups})
        rows = {}
        for user, grade, bucket, amount, _seq in groups:
            key = (user.name or "", grade or "")
            rows.setdefault(key, {})[bucket] = amount
        return (
            [
                (user, grade, amounts, sum(amounts.values()))
                for (user, grade), amounts in sorted(rows.items())
            ],
            [bucket for _seq, bucket in buckets],
        )

    def _write_aged_sheet(self, workbook, formats):
        sheet = workbook.add_worksheet(self.env._("Aged Receivables"))
        sheet.write(
            0,
            0,
            self.env._("Aged Receivables by Salesperson and Grade"),
            formats["title"],
        )
        rows, buckets = self._aged_rows()
        header = [
            self.env._("Salesperson"),
            self.env._("Grade"),
            *buckets,
            self.env._("Total"),
        ]
        for col, title in enumerate(header):
            sheet.write(2, col, title, formats["header"])
        for row_index, (user, grade, amounts, total) in enumerate(rows, start=3):
            sheet.write(row_index, 0, user)
            sheet.write(row_index, 1, grade.upper())
            for col, bucket in enumerate(buckets, start=2):
                sheet.write_number(
                    row_index, col, amounts.get(bucket, 0.0), formats["money"]
                )
            sheet.write_number(row_index, len(buckets) + 2, total, formats["money"])
        sheet.set_column(0, 0, 28)
        sheet.set_column(2, len(buckets) + 2, 14)

    def _write_plan_sheet(self, workbook, formats):
        sheet = workbook.add_worksheet(self.env._("Plan vs Actual"))
        sheet.write(0, 0, self.env._("Collection Plan vs Actual"), formats["title"])
        groups = self.env["sales.collection.plan.line"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("plan_id.year", "=", self.plan_year),
            ],
            ["plan_id", "user_id"],
            ["amount_expected:sum", "amount_collected:sum"],
            order="plan_id, user_id",
        )
        header = [
            self.env._("Plan"),
            self.env._("Salesperson"),
            self.env._("Planned"),
            self.env._("Collected"),
            self.env._("Achieved (%)"),
            self.env._("Target (%)"),
        ]
        for col, title in enumerate(header):
            sheet.write(2, col, title, formats["header"])
        for row_index, (plan, user, expected, collected) in enumerate(groups, start=3):
            sheet.write(row_index, 0, plan.name)
            sheet.write(row_index, 1, user.name or "")
            sheet.write_number(row_index, 2, expected, formats["money"])
            sheet.write_number(row_index, 3, collected, formats["money"])
            sheet.write_number(
                row_index,
                4,
                collected / expected * 100.0 if expected else 0.0,
                formats["percent"],
            )
            sheet.write_number(row_index, 5, plan.target_percent, formats["percent"])
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 5, 14)

    def _interest_rows(self):
        """[(salesperson, customer, days, draft, invoiced, total)] of the
        interest charged in ``plan_year`` (cancelled charges left out)."""
        groups = self.env["sales.interest.charge.line"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "!=", "cancel"),
                ("date", ">=", f"{self.plan_year}-01-01"),
                ("date", "<=", f"{self.plan_year}-12-31"),
            ],
            ["user_id", "partner_id", "state"],
            ["days:sum", "amount:sum"],
        )
        rows = {}
        for user, partner, state, days, amount in groups:
            key = (user.name or "", partner.display_name or "")
            row = rows.setdefault(key, {"days": 0, "draft": 0.0, "posted": 0.0})
            row["days"] += days
            row[state] += amount
        return [
            (
                user,
                partner,
                row["days"],
                row["draft"],
                row["posted"],
                row["draft"] + row["posted"],
            )
            for (user, partner), row in sorted(rows.items())
        ]

    def _write_interest_sheet(self, workbook, formats):
        sheet = workbook.add_worksheet(self.env._("Interest Charged"))
        sheet.write(
            0,
            0,
            self.env._("Overdue Interest Charged in %(year)s", year=self.plan_year),
            formats["title"],
        )
        header = [
            self.env._("Salesperson"),
            self.env._("Customer"),
            self.env._("Days Charged"),
            self.env._("Draft"),
            self.env._("Invoiced"),
            self.env._("Total"),
        ]
        for col, title in enumerate(header):
            sheet.write(2, col, title, formats["header"])
        rows = self._interest_rows()
        for row_index, row in enumerate(rows, start=3):
            user, partner, days, draft, posted, total = row
            sheet.write(row_index, 0, user)
            sheet.write(row_index, 1, partner)
            sheet.write_number(row_index, 2, days)
            sheet.write_number(row_index, 3, draft, formats["money"])
            sheet.write_number(row_index, 4, posted, formats["money"])
            sheet.write_number(row_index, 5, total, formats["money"])
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 5, 14)
