# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import SPEC, SalesSampleCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "skip_approval": True,
    "default_state": "won",
    "default_fee_rule": "waived",
    "default_accept_date": "2031-01-01",
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestSampleRpc(RepRpcAttackerMixin, SalesSampleCommon, HttpCase):
    """What the sample policy forbids stays forbidden over XML-RPC with forged
    context keys: the call is refused and nothing changed."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-sample-Rpc1"
        cls.rep.password = cls.password
        cls.request = cls._request(cls, cls.customer_b, fee_waiver_requested=True)

    def _assert_unchanged(self):
        self.assertRecordValues(
            self.request,
            [
                {
                    "state": "draft",
                    "submit_date": False,
                    "accept_date": False,
                    "close_date": False,
                    "fee_rule": False,
                    "fee_amount": 200.0,
                    "fee_order_id": False,
                    "accepted_by_id": False,
                }
            ],
        )

    def test_rep_cannot_write_state_dates_or_fee(self):
        for vals in (
            {"state": "won"},
            {"state": "submitted"},
            {"submit_date": "2031-01-01"},
            {"accept_date": "2031-01-01", "made_date": "2031-01-02"},
            {"close_date": "2031-01-31"},
            {"fee_rule": "waived"},
            {"accepted_by_id": self.rep.id},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "own buttons|must approve it first",
                    "sales.sample.request",
                    "write",
                    [[self.request.id], vals],
                )
        self._refused(
            "Only a sales manager",
            "sales.sample.request",
            "write",
            [[self.request.id], {"fee_amount": 0.0}],
        )
        self._assert_unchanged()

    def test_rep_cannot_skip_the_waiver_approval_or_rnd(self):
        self._refused(
            "must approve it first",
            "sales.sample.request",
            "action_submit",
            [[self.request.id]],
        )
        self._refused(
            "Technical Reviewer",
            "sales.sample.request",
            "action_accept",
            [[self.request.id]],
        )
        self._assert_unchanged()

    def test_create_in_a_final_state_or_with_a_fee_is_refused(self):
        count = self.Request.search_count([])
        for forged in (
            {"state": "won"},
            {"fee_rule": "waived"},
            {"close_date": "2031-01-31"},
            {"fee_amount": 0.0},
        ):
            with self.subTest(forged=forged):
                self._refused(
                    "own buttons|Only a sales manager",
                    "sales.sample.request",
                    "create",
                    [dict(SPEC, partner_id=self.customer_a.id, **forged)],
                )
        self.assertEqual(self.Request.search_count([]), count)
        # default_<protected field> context keys are dropped
        new_id = self._rpc(
            "sales.sample.request",
            "create",
            [dict(SPEC, partner_id=self.customer_a.id)],
        )
        self.assertRecordValues(
            self.Request.browse(new_id),
            [{"state": "draft", "fee_rule": False, "accept_date": False}],
        )

    def test_batch_and_foreign_records_are_refused(self):
        other = self._request(self.customer_a, user=self.rep_2)
        mine = self._request(self.customer_a)
        self._refused(
            "one",
            "sales.sample.request",
            "action_submit",
            [[mine.id, other.id]],
        )
        self._refused(
            "not allowed|do not have|access",
            "sales.sample.request",
            "write",
            [[mine.id, other.id], {"shape": "Cube"}],
        )
        self.assertRecordValues(
            (mine | other).sudo(),
            [{"state": "draft", "shape": "Disc, 50 mm"}] * 2,
        )
