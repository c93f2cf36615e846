# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestPortalPage(SalesPolicySaleCommon, HttpCase):
    """The customer's page of a quotation (its link carries the access token)
    shows nothing before the quotation may be sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.name = "Pump PX-9000"
        cls.portal_user = cls.env["res.users"].create(
            {
                "name": "Policy Portal Customer",
                "login": "sp_portal_customer",
                "password": "sp-portal-customer-1",
                "partner_id": cls.customer.id,
                "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)],
            }
        )

    def _page(self, order, **params):
        url = order.get_portal_url(**params)
        return self.url_open(url)

    def test_customer_with_the_token_link_sees_nothing_before_approval(self):
        order = self._order()
        for params in ({}, {"report_type": "html"}, {"report_type": "pdf"}):
            with self.subTest(**params):
                response = self._page(order, **params)
                self.assertNotIn("Pump PX-9000", response.text)
                self.assertNotIn(order.name, response.text)
                self.assertNotIn(f"/my/orders/{order.id}", response.url)
        self._submit_and_approve_all(order)
        response = self._page(order)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Pump PX-9000", response.text)

    def test_customer_does_not_see_a_sent_quotation_edited_since(self):
        order = self._order()
        self._submit_and_approve_all(order)
        order.with_user(self.rep).action_quotation_sent()  # the customer follows it
        self.authenticate("sp_portal_customer", "sp-portal-customer-1")
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertIn("Pump PX-9000", response.text)
        # the rep changes the quantity: review re-opens, the page closes
        order.order_line.with_user(self.rep).product_uom_qty = 3
        self.assertEqual(order.state, "sent")
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertNotIn("Pump PX-9000", response.text)
        response = self._page(order)
        self.assertNotIn("Pump PX-9000", response.text)
        self._submit_and_approve_all(order)
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertIn("Pump PX-9000", response.text)

    def test_salesperson_still_opens_the_page_of_his_quotation(self):
        order = self._order()
        self.rep.password = "sp-rep-portal-1"
        self.authenticate("sp_rep", "sp-rep-portal-1")
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertIn("Pump PX-9000", response.text)
