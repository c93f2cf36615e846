# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import YEAR, PromotionCommon

FORGED_CONTEXT = {
    "sales_policy_approval_transition": True,
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "skip_approval": True,
    "default_state": "approved",
    "default_revision": 0,
    "default_approved_by_id": 1,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestPromotionPlanRpc(RepRpcAttackerMixin, PromotionCommon, HttpCase):
    """What the promotion policy forbids stays forbidden over XML-RPC with
    forged context keys, for a salesperson and for a sales manager: the call
    is refused and nothing changed."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-promotion-Rpc1"
        cls.rep.password = cls.password
        cls.manager.password = cls.password

    def _manager_refused(self, regex, model, method, args):
        self.env.flush_all()
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                self.manager.id,
                self.password,
                model,
                method,
                args,
                {"context": self.rpc_context},
            )
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def _assert_plan(self, state, total=5000.0):
        self.assertRecordValues(
            self.plan,
            [
                {
                    "state": state,
                    "amount_total": total,
                    "revision": 0,
                    "approved_by_id": (
                        self.senior_manager.id if state == "approved" else False
                    ),
                }
            ],
        )

    def test_rep_cannot_write_state_or_approval(self):
        for vals in (
            {"state": "approved"},
            {"approved_by_id": self.rep.id},
            {"revision": 5},
            {"year": YEAR + 1},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "not allowed|own buttons|must approve it first",
                    "sales.promotion.plan",
                    "write",
                    [[self.plan.id], vals],
                )
        self._assert_plan("draft")

    def test_rep_cannot_create_an_approved_plan(self):
        count = self.env["sales.promotion.plan"].search_count([])
        self._refused(
            "not allowed|own buttons",
            "sales.promotion.plan",
            "create",
            [[{"name": "Forged", "year": YEAR + 5, "state": "approved"}]],
        )
        self._refused(
            "not allowed",
            "sales.promotion.plan",
            "create",
            [[{"name": "Forged by context", "year": YEAR + 6}]],
        )
        self.assertEqual(self.env["sales.promotion.plan"].search_count([]), count)

    def test_rep_cannot_submit_revise_or_approve(self):
        self._refused(
            "sales manager|not allowed",
            "sales.promotion.plan",
            "action_submit",
            [[self.plan.id]],
        )
        self._assert_plan("draft")
        self._approve()
        for method in ("action_revise", "action_approval_approve"):
            with self.subTest(method=method):
                self._refused(
                    "sales manager|not allowed|No approval request",
                    "sales.promotion.plan",
                    method,
                    [[self.plan.id]],
                )
        self._refused(
            "not allowed",
            "sales.promotion.campaign",
            "write",
            [[self.fair.id], {"budget": 1.0}],
        )
        self._assert_plan("approved")

    def test_manager_cannot_forge_the_approval(self):
        # the approval gate refuses the approved state first
        self._manager_refused(
            "must approve it first|own buttons",
            "sales.promotion.plan",
            "write",
            [[self.plan.id], {"state": "approved"}],
        )
        self._manager_refused(
            "must approve it first|own buttons",
            "sales.promotion.plan",
            "create",
            [[{"name": "Forged", "year": YEAR + 7, "state": "approved"}]],
        )
        self.plan.with_user(self.manager).action_submit()
        self._manager_refused(
            "No approval request",
            "sales.promotion.plan",
            "action_approval_approve",
            [[self.plan.id]],
        )
        self.assertEqual(self.plan.state, "submitted")
        self.assertFalse(
            self.env["sales.promotion.plan"].search([("year", "=", YEAR + 7)])
        )

    def test_manager_cannot_edit_an_approved_budget(self):
        self._approve()
        batch = self._plan([], year=YEAR + 8)
        # a batch mixing a draft and an approved plan is refused as a whole
        self._manager_refused(
            "SP-PRO-02",
            "sales.promotion.plan",
            "write",
            [[batch.id, self.plan.id], {"campaign_ids": [(2, self.fair.id, 0)]}],
        )
        self._manager_refused(
            "SP-PRO-02",
            "sales.promotion.campaign",
            "write",
            [[self.fair.id], {"budget": 99999.0}],
        )
        self._manager_refused(
            "SP-PRO-02",
            "sales.promotion.campaign",
            "create",
            [
                [
                    {
                        "plan_id": self.plan.id,
                        "name": "Sneaked in",
                        "date_start": "2031-10-01",
                        "date_end": "2031-10-02",
                        "budget": 5.0,
                    }
                ]
            ],
        )
        self._assert_plan("approved")
        self.assertEqual(self.fair.budget, 2000.0)
