# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import TenderCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "default_state": "won",
    "default_decision": "bid",
    "default_outcome_date": "2026-01-01",
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestTenderRpc(RepRpcAttackerMixin, TenderCommon, HttpCase):
    """What the tender policy forbids stays forbidden over XML-RPC, with forged
    context keys: the call is refused (or the key ignored) and nothing changed."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-tender-Rpc1"
        cls.rep.password = cls.password
        cls.tender = cls._tender(20000.0)
        cls.other = cls._tender(user=cls.rep_2)

    def _vals(self, **extra):
        return {
            "title": "Forged tender",
            "partner_id": self.customer.id,
            "deadline": fields.Datetime.to_string(
                fields.Datetime.now() + timedelta(days=5)
            ),
            "estimated_value": 100.0,
            **extra,
        }

    def test_rep_cannot_write_state_or_decision(self):
        for vals in (
            {"state": "bid"},
            {"state": "won", "outcome_date": "2026-01-01"},
            {"decision": "bid"},
            {"decided_by_id": self.manager.id, "decision_date": "2026-01-01 08:00:00"},
            {"bid_reviewer_id": self.manager.id},
            {"submitted_date": "2026-01-01 08:00:00"},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "SP-TND-01", "sales.tender", "write", [[self.tender.id], vals]
                )
        self.assertRecordValues(
            self.tender,
            [
                {
                    "state": "draft",
                    "decision": False,
                    "decided_by_id": False,
                    "bid_reviewer_id": False,
                    "submitted_date": False,
                    "outcome_date": False,
                }
            ],
        )

    def test_rep_cannot_create_a_decided_or_closed_tender(self):
        for extra in ({"state": "won"}, {"state": "bid"}, {"decision": "bid"}):
            with self.subTest(extra=extra):
                self._refused(
                    "SP-TND-01", "sales.tender", "create", [self._vals(**extra)]
                )
        # the forged default_* keys are ignored: a plain draft
        rid = self._rpc("sales.tender", "create", [self._vals()])
        self.assertRecordValues(
            self.env["sales.tender"].browse(rid),
            [{"state": "draft", "decision": False, "outcome_date": False}],
        )

    def test_rep_cannot_decide_own_tender(self):
        self._rpc("sales.tender", "action_request_decision", [[self.tender.id]])
        self._refused(
            "No approval request",
            "sales.tender",
            "action_approval_approve",
            [[self.tender.id]],
        )
        requests = self._requests(self.tender)
        self.assertEqual(len(requests), 2)  # 20,000: manager and senior manager
        self._refused(
            "approver|access|not allowed|benefit",
            "sales.policy.approval.request",
            "action_approve",
            [requests.ids],
        )
        self.assertEqual(self.tender.state, "decision")
        self.assertEqual(set(requests.mapped("state")), {"pending"})

    def test_rep_cannot_edit_terms_after_the_decision_request(self):
        self._rpc("sales.tender", "action_request_decision", [[self.tender.id]])
        for vals in (
            {"estimated_value": 1.0},
            {"partner_id": self.distributor.id},
            {"deadline": "2099-01-01 00:00:00"},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "cannot change any more",
                    "sales.tender",
                    "write",
                    [[self.tender.id], vals],
                )
        self.assertRecordValues(
            self.tender,
            [{"estimated_value": 20000.0, "partner_id": self.customer.id}],
        )

    def test_rep_cannot_skip_the_review_or_the_outcome_rules(self):
        tender = self._quoted(self._decided_bid())
        self._refused("SP-TND-04", "sales.tender", "action_submit_bid", [[tender.id]])
        self._refused("cannot be won", "sales.tender", "action_mark_won", [[tender.id]])
        self.assertEqual(tender.state, "bid")

    def test_batch_mixing_own_and_others_tenders(self):
        ids = [self.tender.id, self.other.id]
        self._refused("exactly one", "sales.tender", "action_cancel", [ids])
        self._refused("exactly one", "sales.tender", "action_request_decision", [ids])
        self._refused(
            "access|not allowed|Only the salesperson",
            "sales.tender",
            "write",
            [ids, {"title": "Taken over"}],
        )
        self._refused(
            "access|not allowed|Only the salesperson",
            "sales.tender",
            "action_cancel",
            [[self.other.id]],
        )
        self.assertRecordValues(
            self.tender | self.other,
            [
                {"state": "draft", "title": "Filler supply"},
                {"state": "draft", "title": "Filler supply"},
            ],
        )
