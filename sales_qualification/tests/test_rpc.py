# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SalesQualificationCommon

#: the context keys that used to open the qualification's steps, and the
#: engine's own marker names: a caller may send any of them
FORGED_CONTEXT = {
    "sales_qualification_loan_transition": 1,
    "sales_qualification_review_decision": 1,
    "sales_qualification_evaluation_decision": 1,
    "sales_qualification_transition": 1,
    "sales_policy_approval_transition": 1,
    "sales_policy_transition": 1,
    "sales_policy_approval_checked": 1,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestQualificationRpc(SalesQualificationCommon, HttpCase):
    """Approvals and transitions of qualifications stay out of reach of a
    caller of the server, forged context keys included: the call is refused
    with a clear error and nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.passwords = {}
        for user in (cls.rep, cls.manager, cls.finance_reviewer):
            cls.passwords[user.id] = f"{user.login}-rpc-Secret1"
            user.password = cls.passwords[user.id]
        cls.loan = cls._request_loan_as(cls.rep, cls.active_qualification)
        # a certificate under review: its three reviews wait for their reviewers
        cls.reviewed = cls._create_qualification(
            "Reviewed licence", "RPC-1", state="evaluation"
        )
        cls._evaluation_as(cls.manager, cls.reviewed).with_user(
            cls.senior_manager
        ).action_approval_approve()
        cls.reviewed.with_user(cls.manager).action_submit_review()
        # a certificate whose evaluation waits for management
        cls.evaluated = cls._create_qualification(
            "Evaluated licence", "RPC-2", state="evaluation"
        )
        cls.evaluation = cls._evaluation_as(cls.manager, cls.evaluated)

    @classmethod
    def _request_loan_as(cls, user, qualification):
        return cls.Loan.with_user(user).create(
            {"qualification_id": qualification.id, "purpose": "Tender"}
        )

    @classmethod
    def _evaluation_as(cls, user, qualification):
        return (
            cls.env["sales.qualification.evaluation"]
            .with_user(user)
            .create(
                {
                    "qualification_id": qualification.id,
                    "legality": "Lawful",
                    "market_demand": "Tenders need it",
                    "value_assessment": "Pays back in a year",
                }
            )
        )

    def _refused(self, regex, user, model, method, args, kwargs=None):
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                self.passwords[user.id],
                model,
                method,
                args,
                {"context": FORGED_CONTEXT, **(kwargs or {})},
            )
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def _pending_requests(self, records):
        return self.env["sales.policy.approval.request"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("state", "=", "pending"),
            ]
        )

    def test_salesperson_cannot_hand_out_own_loan_by_writing_its_state(self):
        Loan = "sales.qualification.loan"
        self._refused(
            "moves on only with its buttons",
            self.rep,
            Loan,
            "write",
            [[self.loan.id], {"state": "out", "approved_by_id": self.rep.id}],
        )
        self._refused(
            "Only a sales manager approves",
            self.rep,
            Loan,
            "action_approval_approve",
            [[self.loan.id]],
        )
        self._refused(
            "starts as requested|moves on only with its buttons",
            self.rep,
            Loan,
            "create",
            [
                {
                    "qualification_id": self.active_qualification.id,
                    "purpose": "Tender",
                    "state": "out",
                    "approved_by_id": self.rep.id,
                }
            ],
        )
        self.assertRecordValues(
            self.loan,
            [{"state": "requested", "approved_by_id": False, "handed_out_date": False}],
        )
        self.assertFalse(self.active_qualification.current_loan_id)
        self.assertEqual(self.Loan.search_count([("borrower_id", "=", self.rep.id)]), 1)
        self.assertEqual(len(self._pending_requests(self.loan)), 1)

    def test_finance_reviewer_cannot_decide_the_legal_and_technical_reviews(self):
        others = self.reviewed.review_ids.filtered(
            lambda r: r.review_type in ("legal", "technical")
        )
        self.assertEqual(len(others), 2)
        self._refused(
            "Approve and Reject buttons",
            self.finance_reviewer,
            "sales.qualification.review",
            "write",
            [
                others.ids,
                {
                    "state": "approved",
                    "reviewer_id": self.finance_reviewer.id,
                    "review_date": "2026-01-01",
                },
            ],
        )
        self._refused(
            "Only a (Legal|Technical) reviewer",
            self.finance_reviewer,
            "sales.qualification.review",
            "action_approval_approve",
            [others.ids],
        )
        self.assertRecordValues(
            others,
            [{"state": "pending", "reviewer_id": False, "review_date": False}] * 2,
        )
        self.assertEqual(self.reviewed.state, "under_review")
        self.assertEqual(len(self._pending_requests(others)), 2)

    def test_manager_cannot_approve_an_evaluation_by_writing_its_decision(self):
        Evaluation = "sales.qualification.evaluation"
        self._refused(
            "Approve and Reject buttons",
            self.manager,
            Evaluation,
            "write",
            [
                [self.evaluation.id],
                {"decision": "approved", "decided_by_id": self.manager.id},
            ],
        )
        self._refused(
            "senior managers",
            self.manager,
            Evaluation,
            "action_approval_approve",
            [[self.evaluation.id]],
        )
        self.assertRecordValues(
            self.evaluation, [{"decision": "pending", "decided_by_id": False}]
        )
        self._refused(
            "no evaluation report approved",
            self.manager,
            "sales.qualification",
            "action_submit_review",
            [[self.evaluated.id]],
        )
        self.assertEqual(self.evaluated.state, "evaluation")

    def test_manager_cannot_activate_a_certificate_by_writing_its_state(self):
        Qualification = "sales.qualification"
        self._refused(
            "only changes through",
            self.manager,
            Qualification,
            "write",
            [[self.evaluated.id], {"state": "active"}],
        )
        self._refused(
            "only changes through",
            self.manager,
            Qualification,
            "write",
            [[self.reviewed.id], {"state": "active", "rejection_reason": False}],
        )
        self._refused(
            "only changes through",
            self.manager,
            Qualification,
            "create",
            [{"name": "Shortcut", "state": "active"}],
        )
        self.assertRecordValues(
            self.evaluated | self.reviewed,
            [{"state": "evaluation"}, {"state": "under_review"}],
        )
        self.assertFalse(self.Qualification.search([("name", "=", "Shortcut")]))
