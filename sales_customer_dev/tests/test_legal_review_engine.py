# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestLegalReviewEngine(CustomerDevCommon):
    """The legal review of the contract (SP-DEV-02) on the approval engine."""

    def _lead(self, **vals):
        lead = self._rep_lead(
            partner_id=self.customer.id,
            needs_analysis="Needs 200 units a month",
            negotiation_note="200 units a month at 12.00",
            expected_revenue=5000,
            contact_plan_ids=[
                Command.create({"name": "First visit", "user_id": self.rep.id})
            ],
            **vals,
        )
        return self._credit_checked(lead)

    def _requests(self, lead):
        return self.env["sales.policy.approval.request"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )

    def test_request_goes_to_the_legal_reviewers_under_the_clause(self):
        lead = self._lead()
        self.assertEqual(lead.approval_status, "to_submit")
        lead.action_request_approval()
        request = self._requests(lead)
        self.assertRecordValues(
            request,
            [
                {
                    "rule_id": self.legal_rule.id,
                    "state": "pending",
                    "requester_id": self.rep.id,
                }
            ],
        )
        self.assertIn(self.legal_reviewer, request.approver_ids)
        self.assertEqual(self.legal_rule.clause_id.code, "SP-DEV-02")
        self.assertRecordValues(
            lead,
            [
                {
                    "legal_review_state": "requested",
                    "approval_status": "pending",
                    "legal_reviewer_id": False,
                }
            ],
        )
        # the legal reviewer decides in My Approvals as well
        request.with_user(self.legal_reviewer).action_approve()
        self.assertRecordValues(
            lead,
            [
                {
                    "legal_review_state": "approved",
                    "legal_reviewer_id": self.legal_reviewer.id,
                    "approval_status": "approved",
                }
            ],
        )
        self.assertTrue(lead.legal_review_date)

    def test_odoo_crm_form_gets_the_engine_buttons_not_the_quick_create(self):
        form = self.env["crm.lead"].get_view(view_type="form")["arch"]
        for name in (
            "action_request_approval",
            "action_approval_approve",
            "action_approval_reject",
            "sales_policy_approval_status",
            "action_create_recovery_plan",
        ):
            self.assertIn(name, form)
        self.assertNotIn("action_approve_legal_review", form)
        quick = self.env["crm.lead"].get_view(
            self.env.ref("crm.quick_create_opportunity_form").id, view_type="form"
        )["arch"]
        kanban = self.env["crm.lead"].get_view(view_type="kanban")["arch"]
        for arch in (quick, kanban):
            self.assertNotIn("approval", arch)
        # a rep loads Odoo's form with its fields
        views = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .get_views([(False, "form"), (False, "kanban")])
        )
        self.assertIn("approval_status", views["models"]["crm.lead"]["fields"])

    def test_leads_on_odoo_stages_need_no_legal_review(self):
        stage = self.env["crm.stage"].create({"name": "Qualified", "sequence": 2})
        lead = self._rep_lead(stage_id=stage.id, partner_id=self.customer.id)
        self.assertEqual(lead.approval_status, "none")
        lead.action_set_won()
        self.assertTrue(lead.stage_id.is_won)
        self.assertFalse(self._requests(lead))

    def test_rep_cannot_create_an_opportunity_past_the_legal_review(self):
        # created at once in the contract stage: neither the legal review nor
        # the new customer's credit check (SP-DEV-11) can have happened
        with self.assertRefused(ValidationError, "legal review|SP-DEV-11"):
            self._lead(stage_id=self.stages["contract"].id)
        self.assertFalse(
            self.env["crm.lead"].search([("stage_id", "=", self.stages["contract"].id)])
        )

    def test_rep_cannot_set_the_review_outcome_on_create_or_by_context(self):
        with self.assertRefused(AccessError, "SP-DEV-02"):
            self._lead(legal_review_state="approved")
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .with_context(
                default_legal_review_state="approved",
                default_legal_reviewer_id=self.legal_reviewer.id,
            )
            .create({"name": "Forged", "type": "opportunity", "user_id": self.rep.id})
        )
        self.assertRecordValues(
            lead, [{"legal_review_state": "not_requested", "legal_reviewer_id": False}]
        )

    def test_copy_of_an_approved_opportunity_starts_without_review(self):
        lead = self._lead()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        copy = lead.copy()
        self.assertRecordValues(
            copy,
            [
                {
                    "legal_review_state": "not_requested",
                    "legal_reviewer_id": False,
                    "legal_review_date": False,
                }
            ],
        )
        self.assertFalse(self._requests(copy))
        self.assertFalse(copy.dev_credit_check_date)
        self._credit_checked(copy)
        with self.assertRefused(ValidationError, "legal review"):
            copy.write(
                {
                    "stage_id": self.stages["contract"].id,
                    "contact_plan_ids": [Command.create({"name": "Visit"})],
                }
            )

    def test_amended_contract_can_be_submitted_again_after_a_rejection(self):
        lead = self._lead()
        lead.action_request_approval()
        request = self._requests(lead)
        request.with_user(self.legal_reviewer).write({"comment": "Liability cap"})
        lead.with_user(self.legal_reviewer).action_approval_reject()
        self.assertRecordValues(
            lead,
            [
                {
                    "legal_review_state": "rejected",
                    "legal_reviewer_id": self.legal_reviewer.id,
                }
            ],
        )
        with self.assertRefused(UserError, "rejected"):
            lead.action_request_approval()
        lead.write({"legal_review_note": "Liability capped at the order value"})
        lead.action_request_approval()
        self.assertRecordValues(
            lead, [{"legal_review_state": "requested", "legal_reviewer_id": False}]
        )
        self.assertEqual(len(self._requests(lead)), 2)

    def test_contract_changed_after_approval_goes_back_to_legal(self):
        lead = self._lead()
        lead.action_request_approval()
        lead.with_user(self.legal_reviewer).action_approval_approve()
        lead.write({"expected_revenue": 9000})
        self.assertRecordValues(
            lead, [{"legal_review_state": "requested", "approval_status": "pending"}]
        )
        with self.assertRefused(ValidationError, "legal review"):
            lead.write({"stage_id": self.stages["contract"].id})
        lead.with_user(self.legal_reviewer).action_approval_approve()
        lead.write({"stage_id": self.stages["contract"].id})
        self.assertEqual(lead.stage_id, self.stages["contract"])

    def test_reviewer_not_asked_does_not_read_the_opportunity(self):
        lead = self._lead()
        lead.action_request_approval()
        newcomer = self._new_policy_user(
            "sp_legal_new", "sales_policy_base.group_sales_policy_legal_reviewer"
        )
        Lead = self.env["crm.lead"]
        self.assertEqual(
            Lead.with_user(self.legal_reviewer).search([("id", "=", lead.id)]), lead
        )
        self.assertFalse(Lead.with_user(newcomer).search([("id", "=", lead.id)]))
        with self.assertRaises(AccessError):
            lead.with_user(newcomer).action_approval_approve()
        self.assertEqual(lead.legal_review_state, "requested")

    def test_without_the_rule_the_contract_stage_is_free(self):
        self.legal_rule.active = False
        lead = self._lead()
        lead.write({"stage_id": self.stages["contract"].id})
        self.assertRecordValues(
            lead,
            [
                {
                    "stage_id": self.stages["contract"].id,
                    "approval_status": "none",
                    "legal_review_state": "not_requested",
                }
            ],
        )
