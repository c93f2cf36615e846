# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SalesQualificationCommon
from .test_rpc import FORGED_CONTEXT


@tagged("post_install", "-at_install")
class TestStopSellingRpc(SalesQualificationCommon, HttpCase):
    """Selling, lending and resuming a suspended certificate stay refused for
    a caller of the server, forged context keys included; nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.passwords = {}
        for user in (cls.rep, cls.manager, cls.senior_manager):
            cls.passwords[user.id] = f"{user.login}-rpc-Secret1"
            user.password = cls.passwords[user.id]
        cls.service = cls.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "qualification_id": cls.active_qualification.id,
            }
        )
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.rep)
            .create(
                {
                    "partner_id": cls.env["res.partner"].create({"name": "C"}).id,
                    "user_id": cls.rep.id,
                    "order_line": [(0, 0, {"product_id": cls.service.id})],
                }
            )
        )
        cls.suspension = (
            cls.env["sales.qualification.suspension"]
            .with_user(cls.manager)
            .create(
                {
                    "qualification_id": cls.active_qualification.id,
                    "reason": "Bureau audit",
                    "resume_note": "Audit passed",
                }
            )
        )

    def _call(self, user, model, method, args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            self.passwords[user.id],
            model,
            method,
            args,
            {"context": FORGED_CONTEXT},
        )

    def _refused(self, regex, user, model, method, args):
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._call(user, model, method, args)
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()

    def _assert_still_suspended(self):
        self.assertRecordValues(
            self.active_qualification,
            [{"state": "suspended", "suspension_id": self.suspension.id}],
        )
        self.assertEqual(self.suspension.state, "suspended")

    def test_rep_cannot_sell_or_lend_a_suspended_certificate(self):
        self._refused(
            "suspended", self.rep, "sale.order", "action_confirm", [[self.order.id]]
        )
        self.assertEqual(self.order.state, "draft")
        self._refused(
            "cannot be borrowed",
            self.rep,
            "sales.qualification.loan",
            "create",
            [{"qualification_id": self.active_qualification.id, "purpose": "Tender"}],
        )
        self.assertFalse(self.active_qualification.loan_ids)
        self._assert_still_suspended()

    def test_manager_cannot_resume_without_the_senior_managers_approval(self):
        self._refused(
            "SP-QUA-02",
            self.manager,
            "sales.qualification",
            "write",
            [
                [self.active_qualification.id],
                {"state": "active", "suspension_id": False},
            ],
        )
        self._refused(
            "SP-QUA-11",
            self.manager,
            "sales.qualification.suspension",
            "write",
            [[self.suspension.id], {"state": "resumed"}],
        )
        self._call(
            self.manager,
            "sales.qualification.suspension",
            "action_request_resume",
            [[self.suspension.id]],
        )
        self.env.invalidate_all()
        self.assertEqual(self.suspension.state, "resume_requested")
        self._refused(
            "Only a senior manager",
            self.manager,
            "sales.qualification.suspension",
            "action_approval_approve",
            [[self.suspension.id]],
        )
        self.assertEqual(self.active_qualification.state, "suspended")
        # the senior manager's approval is the one door
        self._call(
            self.senior_manager,
            "sales.qualification.suspension",
            "action_approval_approve",
            [[self.suspension.id]],
        )
        self.env.invalidate_all()
        self.assertEqual(self.active_qualification.state, "active")

    def test_bad_input_gets_clear_errors(self):
        risk = self.env["sales.qualification.risk"].create({"name": "Rules change"})
        self._refused(
            "rated from 1",
            self.manager,
            "sales.qualification.risk.assessment",
            "create",
            [{"risk_id": risk.id, "likelihood": 6, "impact": 3}],
        )
        self.assertFalse(risk.assessment_ids)
        self._refused(
            "needs a severity",
            self.manager,
            "sales.qualification.emergency",
            "create",
            [{"name": "Seized", "description": "x", "severity": False}],
        )
        self.assertFalse(
            self.env["sales.qualification.emergency"].search([("name", "=", "Seized")])
        )
        self._refused(
            "SP-QUA-11",
            self.manager,
            "sales.qualification.suspension",
            "create",
            [
                {
                    "qualification_id": self._create_qualification("B", "B-9").id,
                    "reason": "x",
                    "state": "resumed",
                }
            ],
        )
        self._assert_still_suspended()
