# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import re
import zipfile
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestReports(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_aging_buckets = "30,60"
        # 12 % a year, no grace: the invoices below carry these terms
        cls.company.write(
            {
                "sales_interest_rate": 12.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 0,
            }
        )
        cls.customer.sales_grade = "a"
        cls.customer_2.sales_grade = "b"
        today = fields.Date.today()

        def ago(days):
            return today - timedelta(days=days)

        cls._invoice(100.0, due=today + timedelta(days=5), invoice_date=today)
        cls._invoice(200.0, due=ago(10), invoice_date=ago(20))
        cls._invoice(300.0, due=ago(30), invoice_date=ago(40))
        cls.inv_400 = cls._invoice(400.0, due=ago(45), invoice_date=ago(50))
        paid = cls._invoice(1000.0, due=ago(45), invoice_date=ago(50))
        cls._pay(paid, 1000.0)
        cls.inv_500 = cls._invoice(
            500.0,
            due=ago(90),
            invoice_date=ago(100),
            partner=cls.customer_2,
            user=cls.rep_2,
        )
        cls.Report = cls.env["sales.aged.receivable.report"]

    def _by(self, report, groupby):
        return {
            tuple(key): amount
            for *key, amount in report._read_group(
                [("company_id", "=", self.company.id)],
                groupby,
                ["amount_residual:sum"],
            )
        }

    def test_aged_buckets_follow_company_setting(self):
        # 30 days overdue is still in 1-30; 45 in 31-60; 90 past 60
        self.assertEqual(
            self._by(self.Report, ["bucket"]),
            {
                ("Not Due",): 100.0,
                ("1-30",): 500.0,
                ("31-60",): 400.0,
                ("> 60",): 500.0,
            },
        )

    def test_aged_receivables_by_rep_and_grade(self):
        self.assertEqual(
            self._by(self.Report, ["user_id", "sales_grade"]),
            {(self.rep, "a"): 1000.0, (self.rep_2, "b"): 500.0},
        )

    def test_rep_sees_own_customers_only(self):
        self.assertEqual(
            self._by(self.Report.with_user(self.rep), ["user_id"]),
            {(self.rep,): 1000.0},
        )
        self.assertEqual(
            self._by(self.Report.with_user(self.manager), ["user_id"]),
            {(self.rep,): 1000.0, (self.rep_2,): 500.0},
        )

    def test_xlsx_export(self):
        plan = (
            self.env["sales.collection.plan"]
            .with_user(self.finance_reviewer)
            .create(
                {
                    "year": fields.Date.today().year,
                    "month": str(fields.Date.today().month),
                }
            )
        )
        plan.action_generate()
        wizard = (
            self.env["sales.receivables.xlsx.wizard"]
            .with_user(self.finance_reviewer)
            .create({"plan_year": plan.year})
        )
        rows, buckets = wizard._aged_rows()
        self.assertEqual(buckets, ["Not Due", "1-30", "31-60", "> 60"])
        self.assertEqual(
            rows,
            [
                (
                    self.rep.name,
                    "a",
                    {"Not Due": 100.0, "1-30": 500.0, "31-60": 400.0},
                    1000.0,
                ),
                (self.rep_2.name, "b", {"> 60": 500.0}, 500.0),
            ],
        )
        action = wizard.action_export()
        self.assertIn("download=true", action["url"])
        content = base64.b64decode(wizard.file_data)
        self.assertEqual(content[:2], b"PK")  # an xlsx is a zip
        self.assertTrue(wizard.file_name.endswith(".xlsx"))

    def test_xlsx_export_has_interest_charged_sheet(self):
        today = fields.Date.today()
        charges = (
            self.env["sales.interest.compute.wizard"]
            .with_user(self.finance_reviewer)
            .create(
                {
                    "date": today,
                    "invoice_ids": [(6, 0, (self.inv_400 | self.inv_500).ids)],
                }
            )
            .action_compute()
        )
        charges = self.env["sales.interest.charge"].browse(charges["domain"][0][2])
        # rep_2's interest invoice is posted, the rep's stays draft
        charges.filtered(
            lambda c: c.partner_id == self.customer_2
        ).move_id.action_post()
        wizard = (
            self.env["sales.receivables.xlsx.wizard"]
            .with_user(self.finance_reviewer)
            .create({"plan_year": today.year})
        )
        # 400 * 12 % * 45 / 365 = 5.9178 -> 5.92 (draft)
        # 500 * 12 % * 90 / 365 = 14.7945 -> 14.79 (invoiced)
        self.assertEqual(
            wizard._interest_rows(),
            [
                (self.rep.name, self.customer.display_name, 45, 5.92, 0.0, 5.92),
                (self.rep_2.name, self.customer_2.display_name, 90, 0.0, 14.79, 14.79),
            ],
        )
        wizard.action_export()
        book = zipfile.ZipFile(io.BytesIO(base64.b64decode(wizard.file_data)))
        sheets = re.findall(
            r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode()
        )
        self.assertEqual(
            sheets, ["Aged Receivables", "Plan vs Actual", "Interest Charged"]
        )
        strings = book.read("xl/sharedStrings.xml").decode()
        for text in (
            f"Overdue Interest Charged in {today.year}",
            "Days Charged",
            self.customer.display_name,
            self.customer_2.display_name,
        ):
            self.assertIn(text, strings)
        values = re.findall(
            r"<v>([^<]+)</v>", book.read("xl/worksheets/sheet3.xml").decode()
        )
        for number in ("45", "90", "5.92", "14.79"):
            self.assertIn(number, values)
        # without the option the sheet is left out
        wizard.include_interest = False
        wizard.action_export()
        book = zipfile.ZipFile(io.BytesIO(base64.b64decode(wizard.file_data)))
        self.assertNotIn("Interest Charged", book.read("xl/workbook.xml").decode())
