# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import SalesCommissionCommon


class GenerationAccessCommon(SalesCommissionCommon):
    """rep_2 has a 10,000 monthly target; above 50 % of it +1 %.

    rep_2 already earned on 4,000 (generated earlier); a later 3,000 invoice
    waits for the next generation. Default rate 2 %:
    3,000 * 2 % = 60 + (7,000 - 5,000) * 1 % = 20 -> 80 with the tier bonus.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.write(
            {
                "target_ids": [
                    Command.create({"user_id": cls.rep_2.id, "amount": 10000})
                ],
                "tier_ids": [
                    Command.create({"threshold": 0.0, "rate": 0.0}),
                    Command.create({"threshold": 50.0, "rate": 1.0}),
                ],
            }
        )
        cls._invoice([(cls.service, 1, 4000.0)], partner=cls.customer_c)
        cls.Line._generate(companies=cls.company)
        cls.later = cls._invoice([(cls.service, 1, 3000.0)], partner=cls.customer_c)


@tagged("post_install", "-at_install")
class TestCommissionGenerationAccess(GenerationAccessCommon):
    def test_rep_cannot_generate_commission_lines(self):
        count = self.Line.search_count([])
        with self.assertRefused(AccessError, "SP-COM-06"):
            self.plan.with_user(self.rep).action_generate_lines()
        with self.assertRefused(AccessError, "SP-COM-06"):
            self.Line.with_user(self.rep)._generate(companies=self.company)
        self.assertEqual(self.Line.search_count([]), count)
        self.assertFalse(self._lines(self.later))

    def test_tiers_ignore_the_callers_record_rules(self):
        # a deployment hides rep_2's commission from everybody but the
        # superuser: the manager generating lines must still continue rep_2's
        # achievement from the 4,000 earned before
        self.env["ir.rule"].create(
            {
                "name": "Test: rep_2's commission is hidden",
                "model_id": self.env["ir.model"]._get_id("sales.commission.line"),
                "domain_force": f"[('user_id', '!=', {self.rep_2.id})]",
            }
        )
        self.assertTrue(self.plan.with_user(self.manager).action_generate_lines())
        self.assertRecordValues(
            self._lines(self.later), [{"tier_amount": 20.0, "amount": 80.0}]
        )


@tagged("post_install", "-at_install")
class TestCommissionGenerationRpc(GenerationAccessCommon, HttpCase):
    """Generation refused to a salesperson calling the server directly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_rep = new_test_user(
            cls.env,
            login="sp_rpc_rep",
            password="sp-rpc-rep-password",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _execute(self, model, method, args, kwargs=None):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rpc_rep.id,
            "sp-rpc-rep-password",
            model,
            method,
            args,
            kwargs or {},
        )

    def test_rep_generating_over_xmlrpc_is_refused(self):
        # the rep is logged in and reads the plan over RPC...
        plan = self._execute("sales.commission.plan", "read", [self.plan.ids, ["name"]])
        self.assertEqual(plan[0]["name"], "Standard Plan")
        # ...but may not generate commission lines
        count = self.Line.search_count([])
        # forged context keys grant nothing
        context = {"active_test": False, "sales_grade_engine": True}
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(xmlrpc.client.Fault, "SP-COM-06"),
        ):
            self._execute(
                "sales.commission.plan",
                "action_generate_lines",
                [self.plan.ids],
                {"context": context},
            )
        self.assertEqual(self.Line.search_count([]), count)
        self.assertFalse(self._lines(self.later))
