# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CustomerDevCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_transition": True,
    "sales_policy_approval_checked": True,
    "tracking_disable": True,
    "active_test": False,
}


@tagged("post_install", "-at_install")
class TestCustomerDevRpc(CustomerDevCommon, HttpCase):
    """What the policy forbids stays forbidden over XML-RPC, forged context
    keys included: the call is refused and nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-dev-rpc-Secret1"
        cls.rep.password = cls.password
        today = fields.Date.context_today(cls.env["sales.visit.report"])
        cls.today = today
        monday = today - timedelta(days=today.weekday())
        cls.lead = cls._rep_lead(
            partner_id=cls.customer.id,
            needs_analysis="Needs 200 units a month",
            negotiation_note="200 units a month at 12.00",
            expected_revenue=5000,
            contact_plan_ids=[
                Command.create({"name": "First visit", "user_id": cls.rep.id})
            ],
        )
        cls._credit_checked(cls.lead)
        cls.lead.action_request_approval()
        cls.plan = (
            cls.env["sales.visit.plan"]
            .with_user(cls.rep)
            .create(
                {
                    "week_start": monday,
                    "line_ids": [
                        Command.create(
                            {"partner_id": cls.customer.id, "planned_date": monday}
                        )
                    ],
                }
            )
        )
        cls.plan.action_submit()
        cls.report = (
            cls.env["sales.visit.report"]
            .with_user(cls.rep)
            .create({"partner_id": cls.customer.id, "date": today, "purpose": "Visit"})
        )
        cls.contact = cls.lead.contact_plan_ids

    def _refused(self, regex, model, method, args, context=None):
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                self.rep.id,
                self.password,
                model,
                method,
                args,
                {"context": context or FORGED_CONTEXT},
            )
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def test_rep_cannot_approve_the_legal_review_over_rpc(self):
        self._refused(
            "SP-DEV-02",
            "crm.lead",
            "write",
            [[self.lead.id], {"legal_review_state": "approved"}],
        )
        self._refused(
            "SP-DEV-02", "crm.lead", "action_approval_approve", [[self.lead.id]]
        )
        self._refused(
            "legal review",
            "crm.lead",
            "write",
            [[self.lead.id], {"stage_id": self.stages["contract"].id}],
        )
        self._refused(
            "SP-DEV-02",
            "crm.lead",
            "create",
            [
                {
                    "name": "Pre-approved",
                    "type": "opportunity",
                    "legal_review_state": "approved",
                    "legal_reviewer_id": self.legal_reviewer.id,
                }
            ],
            context={**FORGED_CONTEXT, "default_legal_review_state": "approved"},
        )
        self.assertRecordValues(
            self.lead,
            [
                {
                    "legal_review_state": "requested",
                    "legal_reviewer_id": False,
                    "stage_id": self.stages["research"].id,
                    "approval_status": "pending",
                }
            ],
        )
        self.assertFalse(self.env["crm.lead"].search([("name", "=", "Pre-approved")]))

    def test_rep_cannot_skip_the_visit_checks_over_rpc(self):
        self._refused(
            "buttons",
            "sales.visit.plan",
            "write",
            [[self.plan.id], {"state": "reviewed"}],
        )
        self._refused(
            "buttons",
            "sales.visit.report",
            "write",
            [[self.report.id], {"state": "done"}],
        )
        self._refused(
            "buttons",
            "sales.visit.report",
            "create",
            [[{"partner_id": self.customer.id, "purpose": "Ghost", "state": "done"}]],
        )
        self._refused(
            "buttons",
            "sales.visit.report",
            "copy",
            [[self.report.id], {"state": "done"}],
        )
        self._refused(
            "buttons",
            "sales.contact.plan",
            "write",
            [[self.contact.id], {"state": "done"}],
        )
        self._refused(
            "buttons",
            "sales.visit.plan.line",
            "write",
            [[self.plan.line_ids.id], {"visit_report_id": self.report.id}],
        )
        self.assertRecordValues(self.plan, [{"state": "submitted", "done_count": 0}])
        self.assertRecordValues(self.report, [{"state": "draft"}])
        self.assertRecordValues(
            self.contact, [{"state": "planned", "done_date": False}]
        )
        self.assertEqual(
            self.env["sales.visit.report"].search_count(
                [("partner_id", "=", self.customer.id)]
            ),
            1,
        )
        self.assertFalse(self.customer.last_visit_date)

    def test_rep_cannot_use_a_confidential_customer_over_rpc(self):
        prospect_2 = self.env["res.partner"].create(
            {
                "name": "Rep Two Prospect Ltd",
                "is_company": True,
                "user_id": self.rep_2.id,
            }
        )
        self._refused(
            "SP-DEV-06",
            "crm.lead",
            "create",
            [[{"name": "Poached", "type": "opportunity", "partner_id": prospect_2.id}]],
        )
        self._refused(
            "SP-DEV-06",
            "crm.lead",
            "write",
            [[self.lead.id], {"partner_id": self.customer_2.id}],
        )
        self._refused(
            "SP-DEV-06",
            "sales.visit.report",
            "create",
            [[{"partner_id": self.customer_2.id, "purpose": "Poach"}]],
        )
        self._refused("access", "res.partner", "read", [[prospect_2.id], ["name"]])
        self.assertEqual(self.lead.partner_id, self.customer)
        self.assertFalse(
            self.env["crm.lead"].search([("partner_id", "=", prospect_2.id)])
        )
        self.assertFalse(
            self.env["sales.visit.report"].search(
                [("partner_id", "=", self.customer_2.id)]
            )
        )

    def test_rep_cannot_record_a_credit_check_over_rpc(self):
        lead = self._rep_lead(
            partner_id=self.customer.id,
            needs_analysis="Needs 50 units",
            expected_revenue=800,
            contact_plan_ids=[Command.create({"name": "Call", "user_id": self.rep.id})],
        )
        self._refused(
            "SP-DEV-11",
            "crm.lead",
            "write",
            [
                [lead.id],
                {
                    "dev_credit_check_date": "2026-12-01 10:00:00",
                    "dev_credit_checked_by_id": self.rep.id,
                },
            ],
        )
        self._refused("SP-DEV-11", "crm.lead", "action_dev_credit_check", [[lead.id]])
        self._refused(
            "SP-DEV-11",
            "crm.lead",
            "write",
            [[lead.id], {"stage_id": self.stages["proposal"].id}],
        )
        self.assertRecordValues(
            lead,
            [
                {
                    "dev_credit_check_date": False,
                    "dev_credit_checked_by_id": False,
                    "stage_id": self.stages["research"].id,
                }
            ],
        )

    def test_rep_cannot_mass_mail_customers_without_consent_over_rpc(self):
        self.customer.email = "buyer@rep-customer.example.com"
        composer_id = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rep.id,
            self.password,
            "mail.compose.message",
            "create",
            [{"subject": "Spring offer", "body": "<p>New products</p>"}],
            {
                "context": dict(
                    FORGED_CONTEXT,
                    default_model="res.partner",
                    default_res_ids=self.customer.ids,
                    default_composition_mode="mass_mail",
                    sales_marketing_consent=True,
                )
            },
        )
        self._refused(
            "SP-DEV-10",
            "mail.compose.message",
            "action_send_mail",
            [[composer_id]],
            context=dict(FORGED_CONTEXT, sales_marketing_consent=True),
        )
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("subject", "=", "Spring offer")])
        )
