# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon


class SalesCompetitorCommon(SalesPolicyCommon):
    """Two competitors, three products, a test currency ``XCP`` with rates
    2.0 (from 2026-01-01) and 2.5 (from 2026-03-01) units per unit of the
    company currency; the company currency has no rate (1.0)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # with sales_policy_sale installed (the whole suite), its shipped
        # rules gate sending quotations: this module's subject is its own
        # send check, so the order rules are archived here
        cls.env["sales.policy.approval.rule"].with_context(active_test=False).search(
            [("model_id.model", "=", "sale.order")]
        ).active = False
        cls.today = fields.Date.context_today(cls.env["sales.competitor.price"])
        cls.company.sales_competitor_price_days = 0
        # the company currency at 1.0: no rate rows of its own
        cls.env["res.currency.rate"].search(
            [("currency_id", "=", cls.company.currency_id.id)]
        ).unlink()
        cls.currency_xcp = cls.env["res.currency"].create(
            {"name": "XCP", "symbol": "X$", "rounding": 0.01}
        )
        cls.env["res.currency.rate"].create(
            [
                {
                    "currency_id": cls.currency_xcp.id,
                    "name": date(2026, 1, 1),
                    "rate": 2.0,
                    "company_id": cls.company.id,
                },
                {
                    "currency_id": cls.currency_xcp.id,
                    "name": date(2026, 3, 1),
                    "rate": 2.5,
                    "company_id": cls.company.id,
                },
            ]
        )
        cls.competitor_north = cls.env["sales.competitor"].create(
            {"name": "Northern Minerals Test"}
        )
        cls.competitor_coast = cls.env["sales.competitor"].create(
            {"name": "Coastal Chemicals Test"}
        )
        product = cls.env["product.product"]
        cls.product_gcc = product.create({"name": "GCC 800 mesh", "list_price": 100.0})
        cls.product_pcc = product.create({"name": "PCC filler", "list_price": 80.0})
        cls.product_none = product.create(
            {"name": "Unobserved grade", "list_price": 50.0}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Paper Mill Ltd", "is_company": True, "user_id": cls.rep.id}
        )

    @classmethod
    def _observe(cls, competitor, product, price, days_ago=0, **values):
        return cls.env["sales.competitor.price"].create(
            {
                "competitor_id": competitor.id,
                "product_id": product.id,
                "price_unit": price,
                "date": cls.today - timedelta(days=days_ago),
                **values,
            }
        )

    @classmethod
    def _quotation(cls, products, user=None):
        user = user or cls.rep
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        (0, 0, {"product_id": product.id, "product_uom_qty": 1})
                        for product in products
                    ],
                }
            )
        )
