# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestDevelopmentGaps(CustomerDevCommon):
    """Credit check of a new customer, kick-off meeting, negotiation record
    and marketing consent."""

    def _lead_for_proposal(self, **vals):
        values = {
            "partner_id": self.customer.id,
            "needs_analysis": "Needs 200 units a month",
            "expected_revenue": 5000,
            "contact_plan_ids": [
                Command.create({"name": "First visit", "user_id": self.rep.id})
            ],
        }
        values.update(vals)
        return self._rep_lead(**values)

    def _meeting(self, lead, partners):
        return (
            self.env["calendar.event"]
            .with_user(self.rep)
            .create(
                {
                    "name": "Kick-off",
                    "opportunity_id": lead.id,
                    "start": "2026-12-10 09:00:00",
                    "stop": "2026-12-10 10:00:00",
                    "partner_ids": [Command.set(partners.ids)],
                }
            )
        )

    # --- credit check (SP-DEV-11) ----------------------------------------------
    def test_new_customer_needs_a_credit_check_past_needs_analysis(self):
        lead = self._lead_for_proposal()
        lead.write({"stage_id": self.stages["needs"].id})
        self.assertTrue(lead.dev_new_customer)
        with self.assertRefused(ValidationError, "SP-DEV-11"):
            lead.write({"stage_id": self.stages["proposal"].id})
        # the rep cannot record it, by the button or by writing it
        with self.assertRefused(AccessError, "SP-DEV-11"):
            lead.action_dev_credit_check()
        with self.assertRefused(AccessError, "SP-DEV-11"):
            lead.write({"dev_credit_check_date": "2026-12-01 10:00:00"})
        with self.assertRefused(AccessError, "SP-DEV-11"):
            self._rep_lead(dev_credit_checked_by_id=self.rep.id)
        self.assertFalse(lead.dev_credit_check_date)
        lead.with_user(self.finance_reviewer).action_dev_credit_check()
        self.assertRecordValues(
            lead, [{"dev_credit_checked_by_id": self.finance_reviewer.id}]
        )
        lead.write({"stage_id": self.stages["proposal"].id})
        self.assertEqual(lead.stage_id, self.stages["proposal"])

    def test_sales_manager_records_the_credit_check(self):
        lead = self._lead_for_proposal()
        lead.with_user(self.manager).action_dev_credit_check()
        self.assertEqual(lead.dev_credit_checked_by_id, self.manager)

    def test_credit_check_needs_a_customer(self):
        lead = self._rep_lead(contact_name="Mr Zhao")
        with self.assertRefused(UserError, "Link the customer"):
            lead.with_user(self.finance_reviewer).action_dev_credit_check()

    def test_known_customer_needs_no_credit_check(self):
        self._confirm_quotation_as(self.rep, self.customer, "Buyer at Rep Customer")
        lead = self._lead_for_proposal()
        self.assertFalse(lead.dev_new_customer)
        lead.write({"stage_id": self.stages["proposal"].id})
        self.assertEqual(lead.stage_id, self.stages["proposal"])

    # --- negotiation record and kick-off meeting ------------------------------
    def _lead_at_contract(self, **vals):
        lead = self._credit_checked(self._lead_for_proposal(**vals))
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        return lead

    def test_contract_requires_the_negotiation_note(self):
        lead = self._lead_at_contract()
        with self.assertRefused(ValidationError, "negotiation note"):
            lead.write({"stage_id": self.stages["contract"].id})
        lead.write({"negotiation_note": "Price 12.00; 200 units a month"})
        lead.write({"stage_id": self.stages["contract"].id})
        self.assertEqual(lead.stage_id, self.stages["contract"])
        with self.assertRefused(ValidationError, "negotiation note"):
            lead.write({"negotiation_note": " "})

    def test_kickoff_requires_a_meeting_with_the_customer(self):
        lead = self._lead_at_contract(negotiation_note="Price 12.00")
        lead.write({"stage_id": self.stages["contract"].id})
        with self.assertRefused(ValidationError, "meeting"):
            lead.write({"stage_id": self.stages["kickoff"].id})
        # a meeting with the organizer alone is no kick-off meeting
        self._meeting(lead, self.rep.partner_id)
        with self.assertRefused(ValidationError, "meeting"):
            lead.write({"stage_id": self.stages["kickoff"].id})
        self._meeting(lead, self.rep.partner_id | self.customer)
        lead.write({"stage_id": self.stages["kickoff"].id})
        self.assertEqual(lead.stage_id, self.stages["kickoff"])

    # --- marketing consent (SP-DEV-10) ----------------------------------------
    def _mass_mail(self, user, model, records):
        composer = (
            self.env["mail.compose.message"]
            .with_user(user)
            .with_context(
                default_model=model,
                default_res_ids=records.ids,
                default_composition_mode="mass_mail",
            )
            .create({"subject": "Spring offer", "body": "<p>New products</p>"})
        )
        composer.action_send_mail()

    def _mails_to(self, partners):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("recipient_ids", "in", partners.ids),
                    ("subject", "=", "Spring offer"),
                ]
            )
        )

    def test_consent_is_dated(self):
        customer = self.customer.with_user(self.rep)
        customer.sales_marketing_consent = True
        self.assertTrue(customer.sales_marketing_consent_date)
        customer.sales_marketing_consent = False
        self.assertFalse(customer.sales_marketing_consent_date)

    def test_no_marketing_mail_without_consent(self):
        self.customer.email = "buyer@rep-customer.example.com"
        other = self.env["res.partner"].create(
            {
                "name": "Consenting Co",
                "email": "buyer@consenting.example.com",
                "user_id": self.rep.id,
                "sales_marketing_consent": True,
            }
        )
        with self.assertRefused(UserError, "SP-DEV-10"):
            self._mass_mail(self.rep, "res.partner", self.customer | other)
        self.assertFalse(self._mails_to(self.customer | other))
        self._mass_mail(self.rep, "res.partner", other)
        self.assertTrue(self._mails_to(other))
        # a contact of a consenting company is covered by the company's consent
        contact = self.env["res.partner"].create(
            {
                "name": "Buyer",
                "parent_id": other.id,
                "email": "b@consenting.example.com",
            }
        )
        self._mass_mail(self.rep, "res.partner", contact)

    def test_no_marketing_mail_to_opportunities_without_consent(self):
        lead = self._rep_lead(email_from="prospect@example.com", contact_name="Mr Sun")
        with self.assertRefused(UserError, "SP-DEV-10"):
            self._mass_mail(self.rep, "crm.lead", lead)

    def test_message_on_one_customer_is_not_marketing(self):
        self.customer.with_user(self.rep).message_post(
            body="Your samples are ready", partner_ids=self.customer.ids
        )
