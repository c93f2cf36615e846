# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ForecastCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "default_state": "published",
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestForecastRpc(ForecastCommon, HttpCase):
    """What the forecast policy forbids stays forbidden over XML-RPC, forged
    context keys included: the call is refused and nothing changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.passwords = {}
        for user in (cls.rep, cls.rep_2, cls.manager):
            cls.passwords[user.id] = f"{user.login}-rpc-Secret1"
            user.password = cls.passwords[user.id]
        cls.forecast = cls._forecast(lines=[(cls.customer, cls.categ_a, 2, 200.0)])
        cls.other = cls._forecast(user=cls.rep_2)

    def _rpc(self, user, model, method, args, kwargs=None):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            self.passwords[user.id],
            model,
            method,
            args,
            {"context": FORGED_CONTEXT, **(kwargs or {})},
        )

    def _refused(self, regex, user, model, method, args):
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._rpc(user, model, method, args)
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def test_rep_cannot_create_a_published_forecast(self):
        month = str(self.next_month.replace(year=self.next_month.year + 1))
        self._refused(
            "SP-FOR-02",
            self.rep,
            "sales.forecast",
            "create",
            [{"user_id": self.rep.id, "month": month, "state": "published"}],
        )
        # the forged default_state alone does not publish it either
        rid = self._rpc(
            self.rep,
            "sales.forecast",
            "create",
            [{"user_id": self.rep.id, "month": month}],
        )
        self.assertEqual(self.env["sales.forecast"].browse(rid).state, "draft")

    def test_rep_cannot_write_the_state(self):
        for state in ("submitted", "approved", "published"):
            self._refused(
                "SP-FOR-02",
                self.rep,
                "sales.forecast",
                "write",
                [[self.forecast.id], {"state": state}],
            )
        self._refused(
            "SP-FOR-02",
            self.manager,
            "sales.forecast",
            "write",
            [
                [self.forecast.id],
                {"state": "approved", "approved_by_id": self.manager.id},
            ],
        )
        self.assertRecordValues(
            self.forecast, [{"state": "draft", "approved_by_id": False}]
        )

    def test_rep_cannot_approve_own_forecast(self):
        self._rpc(self.rep, "sales.forecast", "action_submit", [[self.forecast.id]])
        self._refused(
            "No approval request",
            self.rep,
            "sales.forecast",
            "action_approval_approve",
            [[self.forecast.id]],
        )
        request = self.forecast.sudo().approval_request_ids
        self.assertTrue(request)
        self._refused(
            "approver|access|not allowed",
            self.rep,
            "sales.policy.approval.request",
            "action_approve",
            [request.ids],
        )
        self.assertEqual(self.forecast.state, "submitted")
        self.assertEqual(request.state, "pending")

    def test_rep_cannot_edit_lines_after_submission(self):
        self._rpc(self.rep, "sales.forecast", "action_submit", [[self.forecast.id]])
        line = self.forecast.line_ids
        self._refused(
            "already submitted",
            self.rep,
            "sales.forecast.line",
            "write",
            [line.ids, {"amount": 1.0}],
        )
        self._refused(
            "already submitted",
            self.rep,
            "sales.forecast",
            "write",
            [[self.forecast.id], {"line_ids": [(2, line.id)]}],
        )
        self._refused(
            "already submitted",
            self.rep,
            "sales.forecast.line",
            "create",
            [
                {
                    "forecast_id": self.forecast.id,
                    "partner_id": self.customer_2.id,
                    "amount": 9.0,
                }
            ],
        )
        self._refused(
            "already submitted|draft",
            self.rep,
            "sales.forecast.line",
            "unlink",
            [line.ids],
        )
        self.assertRecordValues(
            self.forecast.line_ids, [{"id": line.id, "amount": 200.0}]
        )

    def test_batch_submit_mixing_own_and_other_reps_forecast(self):
        self._refused(
            "Only the salesperson submits|access",
            self.rep,
            "sales.forecast",
            "action_submit",
            [[self.forecast.id, self.other.id]],
        )
        self.assertEqual(
            (self.forecast | self.other).mapped("state"), ["draft", "draft"]
        )
        self.assertFalse(self.forecast.sudo().approval_request_ids)
