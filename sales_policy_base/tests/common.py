# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client
from contextlib import contextmanager

from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon


def archive_approval_rules(env):
    """Fixture: the company's policy has no approval rules.

    For tests of other policy areas that send or confirm orders: in a database
    where ``sales_policy_sale`` is installed, its shipped rules (every quotation
    reviewed by a manager, contracts by legal, ...) gate those flows, as they
    should in production. Those rules are the engine's own tests' subject.
    """
    env["sales.policy.approval.rule"].with_context(active_test=False).search(
        []
    ).active = False


def create_grading_policy(env, company, **values):
    """Fixture: ``company``'s only active grading policy.

    Revenue 40 % (full marks 1,000), order frequency 20 % (full marks 4
    orders), purchase intent 20 %, purchase ability 20 %; A from 70 points,
    B from 40. ``values`` adds to or overrides these.
    """
    Policy = env["sales.grading.policy"]
    Policy.search([]).active = False
    return Policy.create(
        {
            "name": "Test Grading",
            "company_id": company.id,
            "weight_revenue": 40,
            "weight_frequency": 20,
            "weight_intent": 20,
            "weight_ability": 20,
            "revenue_full_marks": 1000,
            "frequency_full_marks": 4,
            "a_threshold": 70,
            "b_threshold": 40,
            **values,
        }
    )


class SalesPolicyCommon(BaseCommon):
    """Users per policy role and a second company; feature modules subclass it.

    Fixtures are explicit: no demo xml ids are used.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Policy Test Company B"})
        cls.rep = cls._new_policy_user(
            "sp_rep", "sales_policy_base.group_sales_policy_user"
        )
        cls.rep_2 = cls._new_policy_user(
            "sp_rep_2", "sales_policy_base.group_sales_policy_user"
        )
        cls.manager = cls._new_policy_user(
            "sp_manager", "sales_policy_base.group_sales_policy_manager"
        )
        cls.senior_manager = cls._new_policy_user(
            "sp_senior", "sales_policy_base.group_sales_policy_senior_manager"
        )
        cls.policy_admin = cls._new_policy_user(
            "sp_admin", "sales_policy_base.group_sales_policy_admin"
        )
        cls.finance_reviewer = cls._new_policy_user(
            "sp_finance", "sales_policy_base.group_sales_policy_finance_reviewer"
        )
        cls.legal_reviewer = cls._new_policy_user(
            "sp_legal", "sales_policy_base.group_sales_policy_legal_reviewer"
        )
        cls.technical_reviewer = cls._new_policy_user(
            "sp_technical", "sales_policy_base.group_sales_policy_technical_reviewer"
        )
        cls.rep_company_b = cls._new_policy_user(
            "sp_rep_b",
            "sales_policy_base.group_sales_policy_user",
            company=cls.company_b,
        )
        cls.admin_company_b = cls._new_policy_user(
            "sp_admin_b",
            "sales_policy_base.group_sales_policy_admin",
            company=cls.company_b,
        )

    @classmethod
    def _new_policy_user(cls, login, groups, company=None):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            groups=f"base.group_user,{groups}",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )

    @contextmanager
    def assertRefused(self, exception, regex):
        """Expect ``exception`` matching ``regex``; roll back what the call wrote.

        unittest's assertRaisesRegex has no savepoint: without one, a value
        written before a constraint failed would stay in the test transaction.
        """
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield


class RepRpcAttackerMixin:
    """For an ``HttpCase``: the salesperson ``rep`` calls XML-RPC with the
    forged context keys ``rpc_context`` of the test module, logging in with
    ``password`` (the class sets both and gives ``rep`` that password)."""

    rpc_context = {}

    def _rpc(self, model, method, args, kwargs=None):
        self.env.flush_all()  # the RPC reads the database
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rep.id,
            self.password,
            model,
            method,
            args,
            dict(kwargs or {}, context=self.rpc_context),
        )

    def _refused(self, regex, model, method, args, kwargs=None):
        """The call is refused with a message matching ``regex``; the
        environment's cache is dropped, so what follows reads the database."""
        with (
            mute_logger("odoo.http", "odoo.sql_db"),
            self.assertRaises(xmlrpc.client.Fault) as caught,
        ):
            self._rpc(model, method, args, kwargs)
        self.assertRegex(caught.exception.faultString, regex)
        self.env.invalidate_all()
