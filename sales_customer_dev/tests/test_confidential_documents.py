# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestConfidentialDocuments(CustomerDevCommon):
    """A rep does not put a customer they may not read on a document (the
    document would show its name), prospects included (SP-DEV-06)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.prospect_2 = Partner.create(
            {
                "name": "Rep Two Prospect Ltd",
                "is_company": True,
                "user_id": cls.rep_2.id,
            }
        )
        cls.own_prospect = Partner.create(
            {"name": "Own Prospect Ltd", "is_company": True, "user_id": cls.rep.id}
        )
        cls.vendor = Partner.create(
            {
                "name": "Valve Supplier",
                "is_company": True,
                "supplier_rank": 1,
                "user_id": cls.rep_2.id,
            }
        )
        cls.lead = cls._rep_lead(name="Own deal")

    def test_prospect_assigned_to_another_rep_is_confidential(self):
        Partner = self.env["res.partner"].with_user(self.rep)
        self.assertFalse(Partner.search([("id", "=", self.prospect_2.id)]))
        with self.assertRaises(AccessError):
            self.prospect_2.with_user(self.rep).read(["name"])
        visible = Partner.search(
            [("id", "in", (self.own_prospect | self.prospect | self.vendor).ids)]
        )
        self.assertEqual(visible, self.own_prospect | self.prospect | self.vendor)
        # nor does the manager of another team; senior managers do
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.manager)
            .search([("id", "=", self.prospect_2.id)])
        )
        self.assertEqual(
            self.env["res.partner"]
            .with_user(self.senior_manager)
            .search([("id", "=", self.prospect_2.id)]),
            self.prospect_2,
        )

    def test_rep_cannot_put_a_confidential_customer_on_an_opportunity(self):
        Lead = self.env["crm.lead"].with_user(self.rep)
        for partner in (self.customer_2, self.customer_2_contact, self.prospect_2):
            with self.assertRefused(ValidationError, "SP-DEV-06"):
                Lead.create(
                    {
                        "name": "Poached deal",
                        "type": "opportunity",
                        "partner_id": partner.id,
                    }
                )
        with self.assertRefused(ValidationError, "another salesperson"):
            self.lead.write({"partner_id": self.customer_2.id})
        self.assertFalse(self.lead.partner_id)
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Poached deal")]))
        self.lead.write({"partner_id": self.own_prospect.id})
        self.assertEqual(self.lead.partner_id, self.own_prospect)

    def test_refusal_does_not_name_the_customer(self):
        with self.assertRaises(ValidationError) as caught:
            self.lead.write({"partner_id": self.customer_2.id})
        self.assertNotIn(self.customer_2.name, str(caught.exception))

    def test_rep_cannot_put_a_confidential_customer_on_a_visit_or_plan(self):
        today = fields.Date.context_today(self.lead)
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            self.env["sales.visit.report"].with_user(self.rep).create(
                {"partner_id": self.prospect_2.id, "date": today, "purpose": "Visit"}
            )
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            self.env["sales.recovery.plan"].with_user(self.rep).create(
                {"partner_id": self.customer_2.id}
            )
        contact = (
            self.env["sales.contact.plan"]
            .with_user(self.rep)
            .create({"lead_id": self.lead.id, "name": "Call"})
        )
        with self.assertRefused(ValidationError, "SP-DEV-06"):
            contact.write({"partner_id": self.prospect_2.id})
        self.assertFalse(contact.partner_id)

    def test_managers_put_their_team_customers_on_opportunities(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Team deal",
                    "type": "opportunity",
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                }
            )
        )
        self.assertEqual(lead.partner_id, self.customer)
