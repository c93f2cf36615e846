# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import SatisfactionCommon

#: context keys a caller might forge to slip past the guards
FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_transition": True,
    "default_satisfied": True,
    "default_score": 100,
    "default_user_id": 1,
    "active_test": False,
    "sudo": True,
}


@tagged("post_install", "-at_install")
class TestSatisfactionRpc(RepRpcAttackerMixin, SatisfactionCommon, HttpCase):
    """A salesperson calling XML-RPC with forged context keys neither creates
    nor changes satisfaction measurements, and reads only their customers'."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-sat-rpc-Secret1"
        cls.rep.password = cls.password
        cls.own = cls.Response._record_score(cls.customer, 40.0, "periodic")
        cls.other = cls.Response._record_score(cls.customer_2, 90.0, "periodic")

    def test_rep_cannot_create_a_measurement(self):
        self._refused(
            "not allowed to create",
            "sales.satisfaction.response",
            "create",
            [
                {
                    "partner_id": self.customer.id,
                    "score": 100.0,
                    "trigger": "periodic",
                    "user_id": self.rep.id,
                }
            ],
        )
        self.assertEqual(
            self.Response.search_count([("partner_id", "=", self.customer.id)]), 1
        )

    def test_rep_cannot_raise_a_score(self):
        for vals in ({"score": 100.0}, {"satisfied": True}, {"user_id": self.rep_2.id}):
            self._refused(
                "not allowed to modify",
                "sales.satisfaction.response",
                "write",
                [self.own.ids, vals],
            )
        self.assertRecordValues(
            self.own, [{"score": 40.0, "satisfied": False, "user_id": self.rep.id}]
        )
        self._refused(
            "not allowed to delete",
            "sales.satisfaction.response",
            "unlink",
            [self.own.ids],
        )
        self.assertTrue(self.own.exists())

    def test_rep_cannot_call_the_private_recorder(self):
        for method, args in (
            ("_record_score", [self.customer.id, 100.0, "periodic"]),
            ("_check_score_value", [50.0]),
        ):
            self._refused(
                "Private methods", "sales.satisfaction.response", method, args
            )
        self._refused(
            "Private methods",
            "res.partner",
            "_sales_satisfaction_request",
            [[self.customer.id], "periodic"],
        )
        self.assertEqual(
            self.Response.search_count([("partner_id", "=", self.customer.id)]), 1
        )

    def test_rep_cannot_flag_a_survey_answer(self):
        answer = self.survey._create_answer(partner=self.customer, check_attempts=False)
        self._refused(
            "not allowed|cannot be turned",
            "survey.user_input",
            "write",
            [answer.ids, {"sales_satisfaction_trigger": "periodic"}],
        )
        self.assertFalse(answer.sales_satisfaction_trigger)

    def test_rep_reads_only_own_customers_rows(self):
        rows = self._rpc(
            "sales.satisfaction.response",
            "search_read",
            [[]],
            {"fields": ["partner_id", "score"]},
        )
        self.assertEqual([row["id"] for row in rows], self.own.ids)
        self._refused(
            "have 'read' access",
            "sales.satisfaction.response",
            "read",
            [self.other.ids, ["score"]],
        )
