# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.sales_policy_base.models.product_template import check_floor_tiers

from .common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestPriceFloors(SalesPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {
                "name": "Valve",
                "sales_policy_market_price": 50.0,
                "sales_policy_min_price": 40.0,
                "sales_policy_distributor_min_price": 35.0,
            }
        )

    def test_check_floor_tiers_pure_function(self):
        self.assertFalse(check_floor_tiers(50, 40, 35))
        self.assertFalse(check_floor_tiers(0, 40, 0))  # unset tiers are left out
        self.assertEqual(check_floor_tiers(50, 60, 0), "reversed")
        self.assertEqual(check_floor_tiers(50, 40, 45), "reversed")
        self.assertEqual(check_floor_tiers(50, -1, 0), "negative")

    def test_floor_for_customers_and_distributors(self):
        self.assertEqual(self.product._get_sales_policy_floor(), 40.0)
        self.assertEqual(self.product._get_sales_policy_floor(distributor=True), 35.0)
        self.product.sales_policy_distributor_min_price = 0.0
        # no distributor tier: the minimum ex-factory price applies to them too
        self.assertEqual(self.product._get_sales_policy_floor(distributor=True), 40.0)

    def test_variant_overrides_its_product(self):
        self.product.sales_policy_variant_min_price = 45.0
        self.assertEqual(self.product._get_sales_policy_floor(), 45.0)

    def test_reversed_tiers_refused(self):
        with self.assertRefused(ValidationError, "ordered"):
            self.product.product_tmpl_id.sales_policy_min_price = 55.0
        with self.assertRefused(ValidationError, "ordered"):
            self.product.sales_policy_variant_distributor_min_price = 42.0
        self.env.invalidate_all()  # read what the database kept
        self.assertEqual(self.product.sales_policy_min_price, 40.0)

    def test_distributor_flag_follows_the_commercial_partner(self):
        company = self.env["res.partner"].create(
            {"name": "Distrib Co", "is_company": True}
        )
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": company.id}
        )
        company.sales_policy_is_distributor = True
        self.assertTrue(contact.sales_policy_is_distributor)

    def test_salesperson_cannot_change_price_floors(self):
        with self.assertRaises(AccessError):
            self.product.product_tmpl_id.with_user(
                self.rep
            ).sales_policy_min_price = 1.0

    def test_rep_cannot_make_own_customer_a_distributor(self):
        # users who may create and edit contacts (Odoo's Contact Creation group)
        for user in self.rep | self.manager:
            user.groups_id += self.env.ref("base.group_partner_manager")
        customer = (
            self.env["res.partner"]
            .with_user(self.rep)
            .create({"name": "Rep's Customer", "is_company": True})
        )
        with self.assertRefused(AccessError, "Only sales managers may mark"):
            customer.with_user(self.rep).sales_policy_is_distributor = True
        with self.assertRefused(AccessError, "Only sales managers may mark"):
            self.env["res.partner"].with_user(self.rep).create(
                {"name": "Self-made Distributor", "sales_policy_is_distributor": True}
            )
        self.env.invalidate_all()
        self.assertFalse(customer.sales_policy_is_distributor)
        customer.with_user(self.manager).sales_policy_is_distributor = True
        self.assertTrue(customer.sales_policy_is_distributor)
        # a rep still adds contacts to a distributor: they follow their company
        contact = (
            self.env["res.partner"]
            .with_user(self.rep)
            .create({"name": "Buyer", "parent_id": customer.id})
        )
        self.assertTrue(contact.sales_policy_is_distributor)
        with self.assertRefused(AccessError, "Only sales managers may mark"):
            customer.with_user(self.rep).sales_policy_is_distributor = False
