# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Overdue interest terms of customers and orders are set by sales managers
and finance (clause SP-REC-INT): a salesperson does not loosen them on their
own customers, through the forms or by calling the server."""

from xmlrpc.client import Fault

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon

CUSTOMER_TERMS = {
    "sales_interest_custom": True,
    "sales_interest_rate": 18.0,
    "sales_interest_basis": "annual",
    "sales_interest_grace_days": 5,
}
LOOSER_TERMS = (
    {"sales_interest_custom": False},
    {"sales_interest_rate": 0.0},
    {"sales_interest_basis": "daily_permille"},
    {"sales_interest_grace_days": 365},
)


class InterestTermsCommon(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_interest_rate": 12.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 0,
            }
        )
        # Odoo gives new internal users "Contact Creation": they edit
        # customers (the interest terms are then what the policy guards)
        contact_creation = cls.env.ref("base.group_partner_manager")
        for user in (cls.rep, cls.manager, cls.finance_reviewer):
            user.groups_id = [Command.link(contact_creation.id)]
        cls.customer.with_user(cls.manager).write(CUSTOMER_TERMS)

    def _order(self, user, partner=None, **values):
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 100.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                    **values,
                }
            )
        )

    def assertTerms(self, record, terms):
        self.env.invalidate_all()
        self.assertRecordValues(record, [terms])


@tagged("post_install", "-at_install")
class TestInterestTermsAccess(InterestTermsCommon):
    def test_rep_cannot_loosen_the_terms_of_own_customer(self):
        customer = self.customer.with_user(self.rep)
        for values in LOOSER_TERMS:
            with self.assertRefused(AccessError, "SP-REC-INT"):
                customer.write(values)
        self.assertTerms(self.customer, CUSTOMER_TERMS)
        # the rep still edits the rest of the customer, and writing the same
        # terms again changes nothing
        customer.write({"phone": "+1 555 0100", **CUSTOMER_TERMS})
        self.assertEqual(self.customer.phone, "+1 555 0100")

    def test_rep_adds_contacts_and_companies_without_terms(self):
        Partner = self.env["res.partner"].with_user(self.rep)
        # a contact takes its company's terms (Odoo's commercial-field sync)
        contact = Partner.create({"name": "Buyer", "parent_id": self.customer.id})
        self.assertTerms(contact, CUSTOMER_TERMS)
        # a new customer as the form sends it: no terms of its own
        Partner.create(
            {
                "name": "New Customer",
                "is_company": True,
                "sales_interest_custom": False,
                "sales_interest_rate": 0.0,
                "sales_interest_grace_days": 0,
            }
        )
        with self.assertRefused(AccessError, "SP-REC-INT"):
            Partner.create(
                {"name": "Lenient Customer", "is_company": True, **CUSTOMER_TERMS}
            )
        # nor on a contact, away from its company's terms
        with self.assertRefused(AccessError, "SP-REC-INT"):
            contact.with_user(self.rep).write({"sales_interest_rate": 1.0})

    def test_managers_and_finance_change_customer_terms(self):
        self.customer.with_user(self.manager).write({"sales_interest_rate": 15.0})
        self.customer.with_user(self.finance_reviewer).write(
            {"sales_interest_grace_days": 10}
        )
        self.assertTerms(
            self.customer,
            {
                **CUSTOMER_TERMS,
                "sales_interest_rate": 15.0,
                "sales_interest_grace_days": 10,
            },
        )

    def test_rep_quotation_takes_the_customer_terms_and_cannot_change_them(self):
        # the form sends the terms it computed from the customer: accepted
        order = self._order(
            self.rep,
            sales_interest_rate=18.0,
            sales_interest_basis="annual",
            sales_interest_grace_days=5,
        )
        self.assertFalse(order.sales_interest_terms_editable)
        terms = {
            "sales_interest_rate": 18.0,
            "sales_interest_basis": "annual",
            "sales_interest_grace_days": 5,
        }
        self.assertTerms(order, terms)
        with self.assertRefused(AccessError, "SP-REC-INT"):
            self._order(self.rep, sales_interest_rate=0.0)
        for values in LOOSER_TERMS[1:]:
            with self.assertRefused(AccessError, "SP-REC-INT"):
                order.with_user(self.rep).write(values)
        self.assertTerms(order, terms)
        # changing the customer brings that customer's terms (company
        # defaults); another of the rep's own customers (another rep's
        # customer may not go on the rep's quotation: SP-DEV-06)
        own_customer = self.env["res.partner"].create(
            {
                "name": "Receivables Customer Three",
                "is_company": True,
                "user_id": self.rep.id,
            }
        )
        order.with_user(self.rep).write(
            {
                "partner_id": own_customer.id,
                "sales_interest_rate": 12.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 0,
            }
        )
        self.assertEqual(order.sales_interest_rate, 12.0)
        # ... but not looser terms with it
        with self.assertRefused(AccessError, "SP-REC-INT"):
            order.with_user(self.rep).write(
                {"partner_id": self.customer.id, "sales_interest_rate": 1.0}
            )

    def test_manager_sets_contract_terms_a_rep_copy_starts_from_the_customer(self):
        order = self._order(self.rep)
        self.assertTrue(order.with_user(self.manager).sales_interest_terms_editable)
        order.with_user(self.manager).write(
            {"sales_interest_rate": 24.0, "sales_interest_grace_days": 0}
        )
        order.with_user(self.finance_reviewer).write({"sales_interest_grace_days": 3})
        self.assertTerms(
            order,
            {
                "sales_interest_rate": 24.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 3,
            },
        )
        # the rep edits the rest of the quotation; the manager's terms stay
        order.with_user(self.rep).write({"note": "Deliver on Monday"})
        self.assertEqual(order.sales_interest_rate, 24.0)
        copy = order.with_user(self.rep).copy()
        self.assertRecordValues(
            copy,
            [{"sales_interest_rate": 18.0, "sales_interest_grace_days": 5}],
        )


@tagged("post_install", "-at_install")
class TestInterestTermsRpc(InterestTermsCommon, HttpCase):
    """The same refusals for a salesperson calling the server over XML-RPC
    with forged context keys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep_password = "sp-rep-interest-1"
        cls.rep.password = cls.rep_password

    FORGED_CONTEXT = {
        "sales_credit_reason": "agreed",
        "sales_policy_approval_transition": True,
        "install_mode": True,
        "tracking_disable": True,
        "active_test": False,
    }

    def _rpc(self, model, method, args, context=None):
        self.env.flush_all()  # the RPC reads the database
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rep.id,
            self.rep_password,
            model,
            method,
            args,
            {"context": context or self.FORGED_CONTEXT},
        )

    def test_rep_cannot_loosen_customer_terms_over_rpc(self):
        for values in LOOSER_TERMS:
            with (
                mute_logger("odoo.http"),
                self.assertRaises(Fault) as caught,
            ):
                self._rpc("res.partner", "write", [self.customer.ids, values])
            self.assertIn("SP-REC-INT", caught.exception.faultString)
        self.assertTerms(self.customer, CUSTOMER_TERMS)
        with mute_logger("odoo.http"), self.assertRaises(Fault) as caught:
            self._rpc(
                "res.partner",
                "create",
                [[{"name": "Lenient", "is_company": True, **CUSTOMER_TERMS}]],
            )
        self.assertIn("SP-REC-INT", caught.exception.faultString)
        self.env.invalidate_all()
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Lenient")]))

    def test_rep_cannot_create_with_forged_default_terms_over_rpc(self):
        forged = {
            **self.FORGED_CONTEXT,
            "default_sales_interest_custom": True,
            "default_sales_interest_rate": 0.0,
            "default_sales_interest_grace_days": 90,
        }
        for model, values in (
            ("sale.order", {"partner_id": self.customer.id, "user_id": self.rep.id}),
            ("res.partner", {"name": "Defaulted", "is_company": True}),
        ):
            with mute_logger("odoo.http"), self.assertRaises(Fault) as caught:
                self._rpc(model, "create", [[values]], context=forged)
            self.assertIn("SP-REC-INT", caught.exception.faultString)
        self.env.invalidate_all()
        self.assertFalse(
            self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        )
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Defaulted")]))

    def test_rep_cannot_loosen_order_terms_over_rpc(self):
        order = self._order(self.rep)
        with mute_logger("odoo.http"), self.assertRaises(Fault) as caught:
            self._rpc(
                "sale.order",
                "write",
                [
                    order.ids,
                    {"sales_interest_rate": 0.0, "sales_interest_grace_days": 90},
                ],
            )
        self.assertIn("SP-REC-INT", caught.exception.faultString)
        self.assertTerms(
            order,
            {"sales_interest_rate": 18.0, "sales_interest_grace_days": 5},
        )
