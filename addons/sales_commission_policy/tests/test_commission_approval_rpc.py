# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bonus and settlement approvals attacked over real XML-RPC: forged context
keys, direct writes of the state and the approver, records created or copied
in a final state. Each call is refused and nothing changes."""

import xmlrpc.client
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import SalesCommissionCommon

#: context keys an attacker might hope the server honours
FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "skip_approval": True,
    "tracking_disable": True,
    "active_test": False,
}


@tagged("post_install", "-at_install")
class TestCommissionApprovalRpc(SalesCommissionCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_manager = new_test_user(
            cls.env,
            login="sp_rpc_commission_manager",
            password="sp-rpc-commission-manager",
            groups="base.group_user,sales_policy_base.group_sales_policy_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.passwords = {cls.rpc_manager: "sp-rpc-commission-manager"}
        cls.bonus = (
            cls.env["sales.commission.bonus"]
            .with_user(cls.senior_manager)
            .create(
                {
                    "name": "Dockside Project",
                    "company_id": cls.company.id,
                    "date": date(2026, 3, 15),
                    "amount": 2000.0,
                    "beneficiary_ids": [
                        Command.create({"user_id": cls.rpc_manager.id, "percent": 50}),
                        Command.create({"user_id": cls.rep.id, "percent": 50}),
                    ],
                }
            )
        )
        cls.bonus.with_user(cls.senior_manager).action_request_approval()
        cls._invoice([(cls.pump, 1, 1000.0)])
        cls.Line._generate(companies=cls.company)
        cls.settlement = cls.env["sales.commission.settlement"]._settle(
            date(2026, 3, 1), date(2026, 3, 31), cls.company
        )

    def _execute(self, user, model, method, args, kwargs=None):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            self.passwords[user],
            model,
            method,
            args,
            {"context": FORGED_CONTEXT, **(kwargs or {})},
        )

    def _refused(self, regex, *call):
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(xmlrpc.client.Fault, regex),
        ):
            self._execute(self.rpc_manager, *call)
        self.env.invalidate_all()

    def test_manager_cannot_forge_a_bonus_approval_over_xmlrpc(self):
        bonus = self.bonus
        self._refused(
            "own buttons",
            "sales.commission.bonus",
            "write",
            [bonus.ids, {"state": "approved"}],
        )
        self._refused(
            "own buttons",
            "sales.commission.bonus",
            "write",
            [bonus.ids, {"approved_by_id": self.rpc_manager.id}],
        )
        # a manager benefiting from the bonus may not decide it either way
        self._refused(
            "SP-COM-05",
            "sales.commission.bonus",
            "action_approval_approve",
            [bonus.ids],
        )
        request = bonus.sudo().approval_request_ids
        self._refused(
            "SP-COM-05",
            "sales.policy.approval.request",
            "action_approve",
            [request.ids],
        )
        self._refused(
            "Approve, Reject or Delegate",
            "sales.policy.approval.request",
            "write",
            [request.ids, {"state": "approved"}],
        )
        # private steps are not callable
        self._refused(
            "Private methods", "sales.commission.bonus", "_grant", [bonus.ids]
        )
        self.assertRecordValues(bonus, [{"state": "draft", "approved_by_id": False}])
        self.assertFalse(bonus.line_ids)
        self.assertEqual(request.state, "pending")

    def test_manager_cannot_create_or_copy_an_approved_bonus_over_xmlrpc(self):
        Bonus = self.env["sales.commission.bonus"]
        count = Bonus.search_count([])
        self._refused(
            "own buttons",
            "sales.commission.bonus",
            "create",
            [
                {
                    "name": "Forged Project",
                    "company_id": self.company.id,
                    "amount": 5000.0,
                    "state": "approved",
                    "approved_by_id": self.senior_manager.id,
                }
            ],
        )
        self._refused(
            "own buttons",
            "sales.commission.bonus",
            "copy",
            [self.bonus.ids],
            {"default": {"state": "approved"}},
        )
        self.assertEqual(Bonus.search_count([]), count)

    def test_manager_cannot_forge_a_settlement_state_over_xmlrpc(self):
        settlement = self.settlement
        for vals in (
            {"state": "approved"},
            {"state": "paid"},
            {"approved_by_id": self.rpc_manager.id},
        ):
            self._refused(
                "only through its buttons",
                "sales.commission.settlement",
                "write",
                [settlement.ids, vals],
            )
        # the vendor bill waits for the approval, whatever the context says
        self._refused(
            "must approve it first",
            "sales.commission.settlement",
            "action_pay",
            [settlement.ids],
        )
        self._refused(
            "only through its buttons",
            "sales.commission.settlement",
            "create",
            [
                {
                    "user_id": self.rep_2.id,
                    "date_from": "2026-05-01",
                    "date_to": "2026-05-31",
                    "state": "paid",
                }
            ],
        )
        self.assertRecordValues(
            settlement,
            [{"state": "draft", "approved_by_id": False, "bill_id": False}],
        )
        self.assertFalse(
            self.env["sales.commission.settlement"].search(
                [("date_from", "=", date(2026, 5, 1))]
            )
        )
