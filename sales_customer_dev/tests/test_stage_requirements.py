# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestStageRequirements(CustomerDevCommon):
    def _ready_for_negotiation(self):
        lead = self._rep_lead(
            partner_id=self.customer.id,
            needs_analysis="Needs 200 units a month",
            negotiation_note="200 units a month at 12.00",
            expected_revenue=5000,
            contact_plan_ids=[
                Command.create({"name": "First visit", "user_id": self.rep.id})
            ],
        )
        return self._credit_checked(lead)

    def test_rep_moves_lead_through_stages_with_required_information(self):
        lead = self._ready_for_negotiation()
        for code in ("identification", "contact_plan", "needs", "proposal"):
            lead.write({"stage_id": self.stages[code].id})
        lead.write({"stage_id": self.stages["negotiation"].id})
        self.assertEqual(lead.stage_id, self.stages["negotiation"])

    def test_identification_refused_without_contact_information(self):
        lead = self._rep_lead()
        with self.assertRefused(ValidationError, "contact name, email or phone"):
            lead.write({"stage_id": self.stages["identification"].id})
        lead.write({"contact_name": "Mr Wang"})
        lead.write({"stage_id": self.stages["identification"].id})
        self.assertEqual(lead.stage_id, self.stages["identification"])

    def test_contact_plan_stage_refused_without_planned_contact(self):
        lead = self._rep_lead(partner_id=self.customer.id)
        with self.assertRefused(ValidationError, "planned contact"):
            lead.write({"stage_id": self.stages["contact_plan"].id})
        self.env["sales.contact.plan"].with_user(self.rep).create(
            {"lead_id": lead.id, "name": "Call the buyer", "channel": "call"}
        )
        lead.write({"stage_id": self.stages["contact_plan"].id})
        self.assertEqual(lead.stage_id, self.stages["contact_plan"])

    def test_last_planned_contact_cannot_be_deleted_past_the_contact_plan(self):
        lead = self._ready_for_negotiation()
        lead.write({"stage_id": self.stages["contact_plan"].id})
        with self.assertRefused(ValidationError, "planned contact"):
            lead.contact_plan_ids.unlink()
        lead.write({"stage_id": self.stages["research"].id})
        lead.contact_plan_ids.unlink()
        self.assertFalse(lead.contact_plan_ids)

    def test_proposal_refused_without_needs_analysis(self):
        lead = self._ready_for_negotiation()
        lead.write({"needs_analysis": False})
        with self.assertRefused(ValidationError, "needs analysis"):
            lead.write({"stage_id": self.stages["proposal"].id})

    def test_needs_cannot_be_cleared_once_in_proposal(self):
        lead = self._ready_for_negotiation()
        lead.write({"stage_id": self.stages["proposal"].id})
        with self.assertRaises(ValidationError):
            lead.write({"needs_analysis": " "})

    def test_negotiation_refused_without_expected_revenue(self):
        lead = self._ready_for_negotiation()
        lead.write({"expected_revenue": 0})
        with self.assertRefused(ValidationError, "expected revenue"):
            lead.write({"stage_id": self.stages["negotiation"].id})

    def test_contract_refused_without_legal_review(self):
        lead = self._ready_for_negotiation()
        with self.assertRefused(ValidationError, "legal review"):
            lead.write({"stage_id": self.stages["contract"].id})
        lead.action_request_approval()
        with self.assertRefused(ValidationError, "legal review"):
            lead.write({"stage_id": self.stages["contract"].id})

    def test_contract_allowed_after_legal_reviewer_approves(self):
        lead = self._ready_for_negotiation()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        self.assertRecordValues(
            lead,
            [
                {
                    "legal_review_state": "approved",
                    "legal_reviewer_id": self.legal_reviewer.id,
                }
            ],
        )
        lead.write({"stage_id": self.stages["contract"].id})
        self.env["calendar.event"].with_user(self.rep).create(
            {
                "name": "Kick-off",
                "opportunity_id": lead.id,
                "start": "2026-12-10 09:00:00",
                "stop": "2026-12-10 10:00:00",
                "partner_ids": [Command.set((self.rep.partner_id | self.customer).ids)],
            }
        )
        lead.write({"stage_id": self.stages["kickoff"].id})
        self.assertTrue(lead.stage_id.is_won)

    def test_legal_reviewer_opens_the_contracts_to_review(self):
        lead = self._ready_for_negotiation()
        other = self._ready_for_negotiation()
        lead.action_request_approval()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_customer_dev.crm_lead_legal_review_action"
        )
        Lead = self.env["crm.lead"].with_user(self.legal_reviewer)
        views = Lead.get_views([(view_id, mode) for view_id, mode in action["views"]])
        form = views["views"]["form"]["arch"]
        self.assertIn("action_approval_approve", form)
        found = Lead.search(literal_eval(action["domain"]))
        self.assertEqual(found, lead)
        self.assertNotIn(other, found)
        values = found.web_read(
            {
                "name": {},
                "partner_id": {"fields": {"display_name": {}}},
                "needs_analysis": {},
                "expected_revenue": {},
                "legal_review_state": {},
            }
        )
        self.assertEqual(values[0]["partner_id"]["display_name"], self.customer.name)
        found.action_approval_approve()
        self.assertEqual(lead.legal_review_state, "approved")

    def test_rejected_legal_review_keeps_the_contract_stage_closed(self):
        lead = self._ready_for_negotiation()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_reject()
        self.assertEqual(lead.legal_review_state, "rejected")
        with self.assertRaises(ValidationError):
            lead.write({"stage_id": self.stages["contract"].id})

    def test_rep_cannot_approve_the_legal_review(self):
        lead = self._ready_for_negotiation()
        lead.action_request_approval()
        with self.assertRaises(AccessError):
            lead.action_approval_approve()
        with self.assertRaises(AccessError):
            lead.write({"legal_review_state": "approved"})
        with self.assertRaises(AccessError):
            lead.with_user(self.manager).action_approval_approve()
        self.assertEqual(lead.legal_review_state, "requested")

    def test_legal_reviewer_cannot_decide_without_a_request(self):
        lead = self._ready_for_negotiation()
        with self.assertRaises(AccessError):
            # not under review: the reviewer does not even see the lead
            lead.with_user(self.legal_reviewer).action_approval_approve()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        with self.assertRaises(UserError):
            lead.with_user(self.legal_reviewer).action_approval_approve()
        with self.assertRaises(UserError):
            lead.action_request_approval()

    def test_kickoff_requires_a_customer_record(self):
        lead = self._ready_for_negotiation()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        lead.write({"partner_id": False, "contact_name": "Mr Li"})
        with self.assertRefused(ValidationError, "customer record"):
            lead.write({"stage_id": self.stages["kickoff"].id})

    def test_stages_without_development_step_are_not_constrained(self):
        lead = self._rep_lead()
        other = self.env["crm.stage"].create({"name": "Free Stage", "sequence": 99})
        lead.write({"stage_id": other.id})
        self.assertEqual(lead.stage_id, other)
