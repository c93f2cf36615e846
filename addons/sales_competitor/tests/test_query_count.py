# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesCompetitorCommon

#: what the quotation form reads of its lines (the list columns)
LINE_FIELDS = {
    "sequence": {},
    "product_id": {"fields": {"display_name": {}}},
    "name": {},
    "product_uom_qty": {},
    "price_unit": {},
    "discount": {},
    "price_subtotal": {},
}
COMPETITOR_FIELDS = {
    "competitor_price": {},
    "competitor_price_name": {},
    "competitor_price_date": {},
}


@tagged("post_install", "-at_install")
class TestQueryCount(SalesCompetitorCommon):
    """Issue 18's speed target: the competitor-price lookup adds at most one
    query to loading a 50-line quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        products = cls.env["product.product"].create(
            [
                {"name": f"Grade {index}", "list_price": 10.0 + index}
                for index in range(25)
            ]
        )
        for index, product in enumerate(products):
            competitor = cls.competitor_north if index % 2 else cls.competitor_coast
            cls._observe(competitor, product, 9.0 + index, days_ago=index)
        # 50 lines over 25 products (each twice)
        cls.order = cls._quotation(products + products)

    def _load(self, with_competitor):
        fields = dict(LINE_FIELDS, **(COMPETITOR_FIELDS if with_competitor else {}))
        self.env.invalidate_all()
        order = self.order.with_user(self.rep)
        return order.web_read({"name": {}, "order_line": {"fields": fields}})

    def test_competitor_lookup_adds_at_most_one_query_to_a_50_line_form(self):
        self.assertEqual(len(self.order.order_line), 50)
        self._load(True)  # warm the caches (access rules, metadata)
        count0 = self.env.cr.sql_log_count
        self._load(False)
        base = self.env.cr.sql_log_count - count0
        with self.assertQueryCount(base + 1):
            result = self._load(True)
        lines = result[0]["order_line"]
        self.assertEqual(len(lines), 50)
        self.assertTrue(all(line["competitor_price_name"] for line in lines))
        self.assertEqual(lines[0]["competitor_price"], 9.0)
