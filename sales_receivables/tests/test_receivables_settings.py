# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestReceivablesSettings(SalesReceivablesCommon):
    def test_company_defaults(self):
        self.assertRecordValues(
            self.company_b,
            [
                {
                    "sales_collection_target_percent": 98.0,
                    "sales_aging_buckets": "30,60,90",
                }
            ],
        )
        self.assertEqual(self.company_b._sales_aging_bucket_bounds(), [30, 60, 90])

    def test_target_outside_zero_hundred_refused(self):
        self.company.sales_collection_target_percent = 95.0
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.company.sales_collection_target_percent = 120.0

    def test_unordered_aging_buckets_refused(self):
        self.company.sales_aging_buckets = "15, 45"
        self.assertEqual(self.company._sales_aging_bucket_bounds(), [15, 45])
        with self.assertRefused(ValidationError, "ascending"):
            self.company.sales_aging_buckets = "60,30"
        with self.assertRefused(ValidationError, "ascending"):
            self.company.sales_aging_buckets = "30,abc"

    def test_invoice_helpers_post_and_pay(self):
        # 1000 invoiced, 400 paid: 600 left
        invoice = self._invoice(1000.0, due=self._date(2026, 1, 31))
        self._pay(invoice, 400.0, self._date(2026, 2, 5))
        self.assertRecordValues(
            invoice,
            [{"state": "posted", "amount_residual": 600.0, "payment_state": "partial"}],
        )
