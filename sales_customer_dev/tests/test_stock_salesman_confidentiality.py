# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CustomerDevCommon

STOCK_PASSWORD = "sp-dev-stock-Secret1"


class StockUsersCommon(CustomerDevCommon):
    """Users with Odoo's own roles only, none of the suite's groups.

    The stock salesman owns one customer; the "All Documents" salesman works
    in the rep's team (Dev Team East), not in rep_2's (Dev Team West).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_rep = cls._new_stock_user(
            "sp_stock_own", "sales_team.group_sale_salesman"
        )
        cls.stock_all_docs = cls._new_stock_user(
            "sp_stock_all_docs", "sales_team.group_sale_salesman_all_leads"
        )
        cls.stock_sales_admin = cls._new_stock_user(
            "sp_stock_admin", "sales_team.group_sale_manager"
        )
        cls.accountant = cls._new_stock_user(
            "sp_stock_accountant", "account.group_account_invoice"
        )
        cls.team.crm_team_member_ids = [
            Command.create({"user_id": cls.stock_all_docs.id})
        ]
        cls.stock_customer = cls.env["res.partner"].create(
            {
                "name": "Stock Rep Customer Co",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.stock_rep.id,
            }
        )
        cls.all_customers = (
            cls.customer
            | cls.customer_2
            | cls.customer_2_contact
            | cls.prospect
            | cls.stock_customer
        )

    @classmethod
    def _new_stock_user(cls, login, groups):
        return new_test_user(
            cls.env,
            login=login,
            password=STOCK_PASSWORD,
            name=login.replace("_", " ").title(),
            groups=f"base.group_user,{groups}",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])


@tagged("post_install", "-at_install")
class TestStockSalesmanConfidentiality(StockUsersCommon):
    """Customer confidentiality (SP-DEV-06) holds for Odoo's own sales roles:
    a user given only "Sales / User: Own Documents Only" is not left reading
    every customer because they are in none of the suite's groups."""

    def test_stock_salesman_is_in_no_suite_group(self):
        # the fixture is what the issue describes: Odoo's salesman, nothing more
        self.assertFalse(
            self.stock_rep.has_group("sales_policy_base.group_sales_policy_user")
        )
        self.assertFalse(
            self.stock_rep.has_group("sales_team.group_sale_salesman_all_leads")
        )

    def test_stock_salesman_cannot_find_another_reps_customer(self):
        Partner = self.env["res.partner"].with_user(self.stock_rep)
        self.assertFalse(Partner.search([("id", "=", self.customer_2.id)]))
        self.assertFalse(Partner.search([("name", "=", "Rep Two Customer Co")]))
        self.assertFalse(Partner.search([("id", "=", self.customer_2_contact.id)]))
        self.assertFalse(Partner.name_search("Rep Two Customer"))
        # a suite rep's customer is as confidential as a stock rep's
        self.assertFalse(Partner.name_search("Rep Customer Co", operator="="))

    def test_stock_salesman_cannot_read_another_reps_customer(self):
        for partner in (self.customer_2, self.customer_2_contact, self.customer):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(self.stock_rep).browse(
                    partner.id
                ).read(["name", "email"])
        with self.assertRaises(AccessError):
            self.customer_2.with_user(self.stock_rep).web_read(
                {"display_name": {}, "phone": {}}
            )

    def test_stock_salesman_reads_own_and_unassigned_customers(self):
        self.assertEqual(
            self._visible(self.stock_rep, self.all_customers),
            self.stock_customer | self.prospect,
        )
        # and what Odoo's own flows need: the company, colleagues, vendors
        vendor = self.env["res.partner"].create(
            {"name": "Gear Supplier", "supplier_rank": 1, "user_id": self.rep_2.id}
        )
        others = self.company.partner_id | self.rep_2.partner_id | vendor
        self.assertEqual(self._visible(self.stock_rep, others), others)

    def test_stock_salesman_cannot_open_a_deal_for_another_reps_customer(self):
        Lead = self.env["crm.lead"].with_user(self.stock_rep)
        for partner in (self.customer_2, self.customer_2_contact):
            with self.assertRefused(ValidationError, "SP-DEV-06"):
                Lead.create(
                    {
                        "name": "Poached deal",
                        "type": "opportunity",
                        "partner_id": partner.id,
                    }
                )
        own = Lead.create({"name": "Own deal", "type": "opportunity"})
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            own.write({"partner_id": self.customer_2.id})
        self.assertFalse(own.partner_id)

    def test_stock_salesman_cannot_quote_another_reps_customer(self):
        Order = self.env["sale.order"].with_user(self.stock_rep)
        # the order names its salesperson: Odoo's own rule (own orders) lets it
        # through; the customer's confidentiality does not
        for partner in (self.customer_2, self.customer_2_contact):
            with self.assertRefused(ValidationError, "SP-DEV-06"):
                Order.create({"partner_id": partner.id, "user_id": self.stock_rep.id})
        # the same check holds the suite's Salesperson
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            self.env["sale.order"].with_user(self.rep).create(
                {"partner_id": self.customer_2.id, "user_id": self.rep.id}
            )
        order = Order.create({"partner_id": self.stock_customer.id})
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            order.write({"partner_shipping_id": self.customer_2_contact.id})
        self.assertEqual(order.partner_shipping_id, self.stock_customer)
        self.assertFalse(
            self.env["sale.order"].search(
                [("partner_id", "in", (self.customer_2 | self.customer_2_contact).ids)]
            )
        )

    def test_stock_salesman_quotes_and_sells_to_own_customer(self):
        order = self._confirm_quotation_as(
            self.stock_rep, self.stock_customer, "Buyer at Stock"
        )
        # 2 x 50.00, no tax
        self.assertRecordValues(order, [{"state": "sale", "amount_untaxed": 100.0}])
        lead = (
            self.env["crm.lead"]
            .with_user(self.stock_rep)
            .create({"name": "New interest", "contact_name": "Ms Lin", "type": "lead"})
        )
        lead.convert_opportunity(self.prospect)
        self.assertRecordValues(
            lead, [{"type": "opportunity", "partner_id": self.prospect.id}]
        )

    def test_all_documents_salesman_reads_the_team_customers(self):
        # "All Documents" is the team level (the suite's Sales Manager implies
        # it): the rep's customer (same team), own and unassigned ones; not
        # rep_2's customers, of another team
        self.assertEqual(
            self._visible(self.stock_all_docs, self.all_customers),
            self.customer | self.prospect,
        )
        with self.assertRaises(AccessError):
            self.customer_2.with_user(self.stock_all_docs).read(["name"])

    def test_stock_sales_administrator_reads_all_customers(self):
        self.assertEqual(
            self._visible(self.stock_sales_admin, self.all_customers),
            self.all_customers,
        )
        self.customer_2.with_user(self.stock_sales_admin).read(["name"])

    def test_accountant_is_not_restricted(self):
        self.assertEqual(
            self._visible(self.accountant, self.all_customers), self.all_customers
        )
        self.customer_2.with_user(self.accountant).read(["name"])
        # nor any internal user outside Sales
        internal = new_test_user(
            self.env, login="sp_stock_internal", groups="base.group_user"
        )
        self.assertEqual(
            self._visible(internal, self.all_customers), self.all_customers
        )

    def test_suite_roles_keep_their_scope(self):
        # the suite manager (who is also an "All Documents" salesman) keeps the
        # team scope, the senior manager all
        self.assertEqual(
            self._visible(self.manager, self.customer | self.customer_2),
            self.customer,
        )
        self.assertEqual(
            self._visible(self.senior_manager, self.all_customers),
            self.all_customers,
        )


@tagged("post_install", "-at_install")
class TestStockSalesmanConfidentialityRpc(StockUsersCommon, HttpCase):
    """The same over XML-RPC, as a stock salesman calling the server."""

    def _call(self, user, model, method, args, kwargs=None):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            STOCK_PASSWORD,
            model,
            method,
            args,
            kwargs or {},
        )

    def test_search_read_lists_only_own_and_unassigned_customers(self):
        rows = self._call(
            self.stock_rep,
            "res.partner",
            "search_read",
            [[("id", "in", self.all_customers.ids)]],
            {"fields": ["name"]},
        )
        self.assertEqual(
            {row["id"] for row in rows}, {self.stock_customer.id, self.prospect.id}
        )
        self.assertNotIn("Rep Two Customer Co", str(rows))
        rows = self._call(
            self.stock_sales_admin,
            "res.partner",
            "search_read",
            [[("id", "in", self.all_customers.ids)]],
            {"fields": ["name"]},
        )
        self.assertEqual({row["id"] for row in rows}, set(self.all_customers.ids))

    def test_read_of_another_reps_customer_is_refused(self):
        with (
            mute_logger("odoo.http"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._call(
                self.stock_rep, "res.partner", "read", [self.customer_2.ids, ["name"]]
            )
        self.assertIn("doesn't have 'read' access", caught.exception.faultString)
        self.assertNotIn("Rep Two Customer Co", caught.exception.faultString)
        rows = self._call(
            self.stock_rep, "res.partner", "read", [self.stock_customer.ids, ["name"]]
        )
        self.assertEqual(rows[0]["name"], "Stock Rep Customer Co")
        rows = self._call(
            self.accountant, "res.partner", "read", [self.customer_2.ids, ["name"]]
        )
        self.assertEqual(rows[0]["name"], "Rep Two Customer Co")
