# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..tools.credit_merge import stricter_credit_terms
from .common import SalesReceivablesCommon

FORGED_CONTEXT = {
    "sales_receivables_partner_merge": True,
    "sales_credit_reason": "Merged contacts",
    "sales_policy_transition": True,
    "active_test": False,
}


class PartnerMergeCommon(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a salesperson with Odoo's right to merge contacts (Contact Creation)
        cls.merger = new_test_user(
            cls.env,
            login="sp_merger",
            groups="base.group_user,base.group_partner_manager,"
            "sales_policy_base.group_sales_policy_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        Partner = cls.env["res.partner"].with_company(cls.company)
        cls.watched = Partner.create(
            {"name": "Watched Buyer", "is_company": True, "user_id": cls.merger.id}
        )
        cls.duplicate = Partner.create(
            {"name": "Watched Buyer Ltd", "is_company": True, "user_id": cls.merger.id}
        )
        cls.watched.sudo().write(
            {"sales_credit_limit": 5000.0, "sales_credit_rating": "watch"}
        )
        cls.duplicate.sudo().write(
            {"sales_credit_rating": "good", "sales_collection_status": "escalated"}
        )

    def _merge_as(self, user, partners, dst):
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(user)
            .with_company(self.company)
            .create(
                {"partner_ids": [Command.set(partners.ids)], "dst_partner_id": dst.id}
            )
        )
        wizard.action_merge()


@tagged("post_install", "-at_install")
class TestPartnerMerge(PartnerMergeCommon):
    def test_stricter_credit_terms(self):
        # no limit (0) and 5,000 -> 5,000; 8,000 and 5,000 -> 5,000
        self.assertEqual(
            stricter_credit_terms(
                [
                    {"sales_credit_limit": 0.0, "sales_credit_rating": "good"},
                    {"sales_credit_limit": 5000.0, "sales_credit_rating": "watch"},
                ]
            ),
            {
                "sales_credit_limit": 5000.0,
                "sales_credit_rating": "watch",
                "sales_collection_status": "normal",
            },
        )
        self.assertEqual(
            stricter_credit_terms(
                [
                    {"sales_credit_limit": 8000.0, "sales_collection_status": "legal"},
                    {"sales_credit_limit": 5000.0, "sales_credit_rating": "bad"},
                    {"sales_collection_status": "escalated"},
                ]
            ),
            {
                "sales_credit_limit": 5000.0,
                "sales_credit_rating": "bad",
                "sales_collection_status": "legal",
            },
        )

    def test_user_merges_two_customers_with_the_stricter_credit(self):
        kept = self.duplicate
        self._merge_as(self.merger, self.watched | self.duplicate, kept)
        self.assertFalse(self.watched.exists())
        kept = kept.with_company(self.company)
        self.assertRecordValues(
            kept,
            [
                {
                    "sales_credit_limit": 5000.0,
                    "sales_credit_rating": "watch",
                    "sales_collection_status": "escalated",
                }
            ],
        )
        history = (
            self.env["sales.credit.history"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", kept.id),
                    ("reason", "like", "Merged contacts"),
                ]
            )
        )
        self.assertEqual(
            set(history.mapped("field_name")),
            {"sales_credit_limit", "sales_credit_rating"},
        )
        self.assertEqual(history.user_id, self.merger)
        # the history of the merged contact moved to the kept one
        self.assertTrue(
            self.env["sales.credit.history"]
            .sudo()
            .search([("partner_id", "=", kept.id), ("new_value", "=", "Escalated")])
        )

    def test_merge_keeps_the_destinations_stricter_terms(self):
        self.duplicate.sudo().with_company(self.company).sales_credit_limit = 1000.0
        self._merge_as(self.merger, self.watched | self.duplicate, self.duplicate)
        self.assertEqual(
            self.duplicate.with_company(self.company).sales_credit_limit, 1000.0
        )

    def test_user_without_merge_right_cannot_merge(self):
        with self.assertRaises(AccessError):
            self._merge_as(self.rep, self.watched | self.duplicate, self.duplicate)
        self.assertTrue(self.watched.exists())

    def test_merging_user_still_cannot_write_credit_fields(self):
        with self.assertRefused(AccessError, "sales manager"):
            self.watched.with_user(self.merger).with_context(**FORGED_CONTEXT).write(
                {"sales_credit_limit": 0.0}
            )
        self.assertEqual(
            self.watched.with_company(self.company).sales_credit_limit, 5000.0
        )


@tagged("post_install", "-at_install")
class TestPartnerMergeRpc(PartnerMergeCommon, HttpCase):
    """Over RPC, a forged context never opens the merge's door."""

    def _rpc(self, model, method, args, context):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context},
            },
        )

    def test_attacker_cannot_write_credit_fields_with_a_forged_context(self):
        self.authenticate("sp_merger", "sp_merger")
        context = dict(
            FORGED_CONTEXT,
            allowed_company_ids=self.company.ids,
            sales_receivables_partner_merge=self.watched.ids,
        )
        for vals in (
            {"sales_credit_limit": 0.0},
            {"sales_credit_rating": "good"},
            {"sales_collection_status": "normal"},
        ):
            with (
                mute_logger("odoo.http"),
                self.assertRaisesRegex(JsonRpcException, "AccessError"),
            ):
                self._rpc("res.partner", "write", [self.watched.ids, vals], context)
        # the wizard's private merge is not callable either
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "AccessError"),
        ):
            self._rpc(
                "base.partner.merge.automatic.wizard",
                "_merge",
                [[], (self.watched | self.duplicate).ids],
                context,
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            self.watched.with_company(self.company),
            [
                {
                    "sales_credit_limit": 5000.0,
                    "sales_credit_rating": "watch",
                }
            ],
        )
        self.assertTrue(self.duplicate.exists())

    def test_merge_over_rpc_cannot_loosen_credit(self):
        """Merging a watched customer into a fresh contact over RPC gives the
        fresh contact the watched terms, not the other way round."""
        fresh = self.env["res.partner"].create(
            {"name": "Fresh Buyer", "is_company": True, "user_id": self.merger.id}
        )
        self.authenticate("sp_merger", "sp_merger")
        context = dict(FORGED_CONTEXT, allowed_company_ids=self.company.ids)
        wizard_id = self._rpc(
            "base.partner.merge.automatic.wizard",
            "create",
            [
                {
                    "partner_ids": [Command.set((self.watched | fresh).ids)],
                    "dst_partner_id": fresh.id,
                }
            ],
            context,
        )
        self._rpc(
            "base.partner.merge.automatic.wizard",
            "action_merge",
            [[wizard_id]],
            context,
        )
        self.env.invalidate_all()
        self.assertFalse(self.watched.exists())
        self.assertRecordValues(
            fresh.with_company(self.company),
            [{"sales_credit_limit": 5000.0, "sales_credit_rating": "watch"}],
        )
