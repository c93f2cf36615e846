# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The base's guards hold for a caller who talks XML-RPC with any context."""

from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

FORGED = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_grade_engine": True,
    "active_test": False,
}


@tagged("post_install", "-at_install")
class TestRpcGuards(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="rpc_rep",
            password="rpc_rep_pw",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "RPC Customer", "is_company": True, "user_id": cls.rep.id}
        )

    def _call(self, model, method, args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rep.id,
            "rpc_rep_pw",
            model,
            method,
            args,
            {"context": FORGED, **kwargs},
        )

    def test_rep_over_rpc_cannot_set_distributor_or_grade(self):
        for vals in (
            {"sales_policy_is_distributor": True},
            {"sales_grade": "a"},
            {"sales_grade_override": "a", "sales_grade_override_reason": "friend"},
        ):
            with self.assertRaises(Fault) as refusal:
                self._call("res.partner", "write", [[self.customer.id], vals])
            self.assertIn("Only sales managers", refusal.exception.faultString)
        with self.assertRaises(Fault):
            self._call(
                "res.partner",
                "create",
                [{"name": "Forged", "sales_policy_is_distributor": True}],
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            self.customer,
            [
                {
                    "sales_policy_is_distributor": False,
                    "sales_grade": False,
                    "sales_grade_override": False,
                }
            ],
        )
        self.assertFalse(
            self.env["res.partner"].search_count([("name", "=", "Forged")])
        )
