# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import Form, tagged

from .common import SalesCompetitorCommon


@tagged("post_install", "-at_install")
class TestQuotationLine(SalesCompetitorCommon):
    def test_line_shows_the_latest_competitor_price_of_its_product(self):
        self._observe(self.competitor_north, self.product_gcc, 105.0, days_ago=20)
        latest = self._observe(
            self.competitor_coast, self.product_gcc, 98.0, days_ago=3
        )
        # older, though created later: not the latest
        self._observe(self.competitor_north, self.product_gcc, 101.0, days_ago=10)
        # XCP 300 on 2026-03-10 at 2.5 = 120.00 in the company currency
        pcc = self._observe(
            self.competitor_north,
            self.product_pcc,
            300.0,
            currency_id=self.currency_xcp.id,
            days_ago=(self.today - date(2026, 3, 10)).days,
        )
        order = self._quotation(self.product_gcc + self.product_pcc + self.product_none)
        lines = order.with_user(self.rep).order_line
        self.assertRecordValues(
            lines,
            [
                {
                    "competitor_price": 98.0,
                    "competitor_price_name": "Coastal Chemicals Test",
                    "competitor_price_date": self.today - timedelta(days=3),
                    "competitor_price_id": latest.id,
                },
                {
                    "competitor_price": 120.0,
                    "competitor_price_name": "Northern Minerals Test",
                    "competitor_price_date": date(2026, 3, 10),
                    "competitor_price_id": pcc.id,
                },
                {
                    "competitor_price": 0.0,
                    "competitor_price_name": False,
                    "competitor_price_date": False,
                    "competitor_price_id": False,
                },
            ],
        )

    def test_archived_competitor_and_other_company_are_left_out(self):
        self._observe(self.competitor_north, self.product_gcc, 105.0, days_ago=20)
        self._observe(self.competitor_coast, self.product_gcc, 98.0, days_ago=3)
        self.env["sales.competitor.price"].create(
            {
                "competitor_id": self.env["sales.competitor"]
                .create({"name": "Company B rival", "company_id": self.company_b.id})
                .id,
                "product_id": self.product_gcc.id,
                "price_unit": 1.0,
                "company_id": self.company_b.id,
            }
        )
        self.competitor_coast.action_archive()
        order = self._quotation(self.product_gcc)
        self.assertRecordValues(
            order.order_line,
            [
                {
                    "competitor_price": 105.0,
                    "competitor_price_name": "Northern Minerals Test",
                }
            ],
        )

    def test_new_line_in_the_form_shows_the_price(self):
        self._observe(self.competitor_north, self.product_pcc, 77.0, days_ago=1)
        with Form(self.env["sale.order"].with_user(self.rep)) as form:
            form.partner_id = self.customer
            with form.order_line.new() as line:
                line.product_id = self.product_pcc
                self.assertEqual(line.competitor_price, 77.0)
                self.assertEqual(line.competitor_price_name, "Northern Minerals Test")
