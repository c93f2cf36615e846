# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SalesCompetitorCommon


@tagged("post_install", "-at_install")
class TestPriceObservation(SalesCompetitorCommon):
    def _count(self):
        return self.env["sales.competitor.price"].sudo().search_count([])

    def test_foreign_price_is_converted_at_the_rate_of_its_date(self):
        observations = (
            self.env["sales.competitor.price"]
            .with_user(self.rep)
            .create(
                [
                    {
                        "competitor_id": self.competitor_north.id,
                        "product_id": self.product_gcc.id,
                        "price_unit": 300.0,
                        "currency_id": self.currency_xcp.id,
                        "date": date(2026, 2, 15),
                    },
                    {
                        "competitor_id": self.competitor_north.id,
                        "product_id": self.product_gcc.id,
                        "price_unit": 300.0,
                        "currency_id": self.currency_xcp.id,
                        "date": date(2026, 3, 10),
                    },
                ]
            )
        )
        # 2026-02-15: rate of 2026-01-01, 2.0 XCP per unit: 300 / 2.0 = 150.00
        # 2026-03-10: rate of 2026-03-01, 2.5 XCP per unit: 300 / 2.5 = 120.00
        self.assertRecordValues(
            observations,
            [
                {"price_company": 150.0, "user_id": self.rep.id, "source": "other"},
                {"price_company": 120.0, "user_id": self.rep.id, "source": "other"},
            ],
        )
        # the company currency needs no rate: 99.5 stays 99.5
        own = self._observe(self.competitor_coast, self.product_gcc, 99.5)
        self.assertEqual(own.currency_id, self.company.currency_id)
        self.assertEqual(own.price_company, 99.5)

    def test_price_in_a_currency_without_rate_is_refused(self):
        before = self._count()
        with self.assertRefused(ValidationError, r"No exchange rate of XCP.*SP-CMP-02"):
            self.env["sales.competitor.price"].with_user(self.rep).create(
                {
                    "competitor_id": self.competitor_north.id,
                    "product_id": self.product_gcc.id,
                    "price_unit": 300.0,
                    "currency_id": self.currency_xcp.id,
                    # before the first rate (2026-01-01)
                    "date": date(2025, 12, 31),
                }
            )
        self.assertEqual(self._count(), before)
        # moving an observation before the first rate is refused too
        observation = self._observe(
            self.competitor_north,
            self.product_gcc,
            300.0,
            currency_id=self.currency_xcp.id,
            days_ago=(self.today - date(2026, 2, 15)).days,
        )
        with self.assertRefused(ValidationError, "No exchange rate"):
            observation.write({"date": date(2025, 6, 1)})
        self.assertRecordValues(
            observation, [{"date": date(2026, 2, 15), "price_company": 150.0}]
        )

    def test_rate_of_another_company_does_not_count(self):
        self.env["res.currency.rate"].create(
            {
                "currency_id": self.currency_xcp.id,
                "name": date(2025, 1, 1),
                "rate": 3.0,
                "company_id": self.company_b.id,
            }
        )
        with self.assertRefused(ValidationError, "No exchange rate"):
            self._observe(
                self.competitor_north,
                self.product_gcc,
                300.0,
                currency_id=self.currency_xcp.id,
                days_ago=(self.today - date(2025, 6, 1)).days,
            )

    def test_price_must_be_positive_and_not_in_the_future(self):
        before = self._count()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRefused(Exception, "price_unit_positive"),
        ):
            self._observe(self.competitor_north, self.product_gcc, 0.0)
        with self.assertRefused(ValidationError, "on or before today"):
            self._observe(self.competitor_north, self.product_gcc, 10.0, days_ago=-1)
        self.assertEqual(self._count(), before)
        self.assertTrue(self._observe(self.competitor_north, self.product_gcc, 0.01))

    def test_rep_records_observations_and_reads_competitors(self):
        with Form(self.env["sales.competitor.price"].with_user(self.rep)) as form:
            form.competitor_id = self.competitor_north
            form.product_id = self.product_pcc
            form.price_unit = 75.0
            form.source = "visit"
        observation = form.record
        self.assertRecordValues(
            observation,
            [
                {
                    "user_id": self.rep.id,
                    "date": self.today,
                    "price_company": 75.0,
                    "company_id": self.company.id,
                }
            ],
        )
        competitor = self.competitor_north.with_user(self.rep)
        self.assertEqual(competitor.name, "Northern Minerals Test")
        self.assertEqual(competitor.price_count, 1)
        with self.assertRaises(AccessError):
            self.env["sales.competitor"].with_user(self.rep).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            competitor.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["sales.competitor.product"].with_user(self.rep).create(
                {
                    "competitor_id": self.competitor_north.id,
                    "product_id": self.product_gcc.id,
                    "competitor_product_name": "NM-800",
                }
            )
        # another rep reads it but cannot change it; a manager can
        self.assertEqual(observation.with_user(self.rep_2).price_unit, 75.0)
        with self.assertRaises(AccessError):
            observation.with_user(self.rep_2).write({"price_unit": 1.0})
        with self.assertRaises(AccessError):
            self.env["sales.competitor.price"].with_user(self.rep_2).create(
                {
                    "competitor_id": self.competitor_north.id,
                    "product_id": self.product_pcc.id,
                    "price_unit": 10.0,
                    "user_id": self.rep.id,
                }
            )
        observation.with_user(self.manager).write({"price_unit": 76.0})
        self.assertEqual(observation.price_company, 76.0)

    def test_manager_maps_competitor_products(self):
        competitor = (
            self.env["sales.competitor"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Inland Carbonates",
                    "product_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.product_gcc.id,
                                "competitor_product_name": "IC-800",
                            },
                        )
                    ],
                }
            )
        )
        self.assertRecordValues(
            competitor.product_ids,
            [{"product_id": self.product_gcc.id, "competitor_product_name": "IC-800"}],
        )
        action = competitor.action_view_prices()
        self.assertEqual(action["domain"], [("competitor_id", "=", competitor.id)])

    def test_other_company_does_not_see_observations(self):
        observation = self._observe(self.competitor_north, self.product_gcc, 90.0)
        visible = (
            self.env["sales.competitor.price"]
            .with_user(self.rep_company_b)
            .search([("id", "=", observation.id)])
        )
        self.assertFalse(visible)
        self.assertEqual(
            self.env["sales.competitor.price"]
            .with_user(self.rep)
            .search([("id", "=", observation.id)]),
            observation,
        )

    def test_competitor_name_is_unique_per_company(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRefused(Exception, "name_company_uniq"),
        ):
            self.env["sales.competitor"].create({"name": "Northern Minerals Test"})
        other = self.env["sales.competitor"].create(
            {"name": "Northern Minerals Test", "company_id": self.company_b.id}
        )
        self.assertEqual(other.company_id, self.company_b)

    def test_competitor_price_period_cannot_be_negative(self):
        with mute_logger("odoo.sql_db"), self.assertRefused(Exception, "days_positive"):
            self.company.sales_competitor_price_days = -1
            self.env.flush_all()
        settings = self.env["res.config.settings"].create(
            {"sales_competitor_price_days": 14}
        )
        settings.execute()
        self.assertEqual(self.company.sales_competitor_price_days, 14)
