# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Appraisals and the rewards register attacked over real XML-RPC: forged
context keys, direct writes of the state, someone else's acknowledgement, a
closed appraisal edited, a reward created approved. Each call is refused and
nothing changes."""

import xmlrpc.client
from datetime import date

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import SalesAppraisalCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "default_state": "closed",
    "active_test": False,
}


@tagged("post_install", "-at_install")
class TestAppraisalRpc(SalesAppraisalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_manager = new_test_user(
            cls.env,
            login="sp_rpc_appraisal_manager",
            password="sp-rpc-appraisal-manager",
            groups="base.group_user,sales_policy_base.group_sales_policy_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.rpc_rep = new_test_user(
            cls.env,
            login="sp_rpc_appraisal_rep",
            password="sp-rpc-appraisal-rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.team.user_id = cls.rpc_manager
        cls.team.crm_team_member_ids = [Command.create({"user_id": cls.rpc_rep.id})]
        cls.passwords = {
            cls.rpc_manager: "sp-rpc-appraisal-manager",
            cls.rpc_rep: "sp-rpc-appraisal-rep",
        }
        cls._target(cls.rep, cls.team)
        cls._target(cls.rpc_rep, cls.team)
        engine = cls.env["sales.appraisal.engine"].sudo()
        appraisals = engine._compute_month(cls.company, date(2025, 3, 1))
        cls.appraisal = appraisals.filtered(lambda a: a.user_id == cls.rep)
        cls.own = appraisals.filtered(lambda a: a.user_id == cls.rpc_rep)
        cls.closed = engine._compute_month(cls.company, date(2025, 4, 1)).filtered(
            lambda a: a.user_id == cls.rep
        )
        cls.closed.write({"manager_comment": "Fine."})
        cls.closed._transition({"state": "closed"})

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

    def _refused(self, user, regex, *call):
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(xmlrpc.client.Fault, regex),
        ):
            self._execute(user, *call)

    def test_forged_state_write_refused(self):
        self._refused(
            self.rpc_manager,
            "SP-APR-03",
            "sales.appraisal",
            "write",
            [
                self.appraisal.ids,
                {"state": "closed", "reviewed_by_id": self.rpc_manager.id},
            ],
        )
        self._refused(
            self.rpc_rep,
            "not allowed|access",
            "sales.appraisal",
            "write",
            [self.own.ids, {"state": "acknowledged"}],
        )
        self.appraisal.invalidate_recordset()
        self.assertRecordValues(
            self.appraisal, [{"state": "draft", "reviewed_by_id": False}]
        )

    def test_acknowledging_someone_elses_appraisal_refused(self):
        self.appraisal._transition({"state": "reviewed"})
        self.own._transition({"state": "reviewed"})
        self._refused(
            self.rpc_manager,
            "their own appraisal",
            "sales.appraisal",
            "action_acknowledge",
            [self.appraisal.ids],
        )
        # a batch mixing one's own and another's appraisal
        self._refused(
            self.rpc_rep,
            "their own appraisal|not allowed|access",
            "sales.appraisal",
            "action_acknowledge",
            [(self.own | self.appraisal).ids],
        )
        (self.appraisal | self.own).invalidate_recordset()
        self.assertEqual(set((self.appraisal | self.own).mapped("state")), {"reviewed"})
        self._execute(
            self.rpc_rep, "sales.appraisal", "action_acknowledge", [self.own.ids]
        )
        self.own.invalidate_recordset()
        self.assertEqual(self.own.state, "acknowledged")

    def test_closed_appraisal_not_edited(self):
        self._refused(
            self.rpc_manager,
            "closed",
            "sales.appraisal",
            "write",
            [self.closed.ids, {"manager_comment": "Rewritten"}],
        )
        line = self.closed.line_ids[:1]
        self._refused(
            self.rpc_manager,
            "SP-APR-03",
            "sales.appraisal.line",
            "write",
            [line.ids, {"actual": 99999.0}],
        )
        self._refused(
            self.rpc_manager,
            "draft appraisals",
            "sales.appraisal",
            "unlink",
            [self.closed.ids],
        )
        self.closed.invalidate_recordset()
        self.assertRecordValues(
            self.closed, [{"state": "closed", "manager_comment": "Fine."}]
        )

    def test_appraisal_created_by_hand_refused(self):
        self._refused(
            self.rpc_manager,
            "not allowed|access",
            "sales.appraisal",
            "create",
            [
                {
                    "user_id": self.rep.id,
                    "template_id": self.template.id,
                    "date_from": "2025-06-01",
                    "date_to": "2025-07-01",
                    "state": "closed",
                }
            ],
        )

    def test_reward_created_approved_refused(self):
        self._refused(
            self.rpc_manager,
            "SP-APR-05",
            "sales.reward.penalty",
            "create",
            [
                {
                    "user_id": self.rep.id,
                    "kind": "reward",
                    "reason": "Forged",
                    "amount": 900.0,
                    "state": "approved",
                    "approved_by_id": self.rpc_manager.id,
                }
            ],
        )
        self.assertFalse(
            self.env["sales.reward.penalty"].search([("reason", "=", "Forged")])
        )
        entry_id = self._execute(
            self.rpc_manager,
            "sales.reward.penalty",
            "create",
            [{"user_id": self.rep.id, "reason": "Late report", "amount": 50.0}],
        )
        self._refused(
            self.rpc_manager,
            "must approve it first",
            "sales.reward.penalty",
            "action_register",
            [[entry_id]],
        )
        self.assertEqual(
            self.env["sales.reward.penalty"].browse(entry_id).state, "draft"
        )
