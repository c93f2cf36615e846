# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import SalesCompetitorCommon

FORGED_CONTEXT = {
    "mark_so_as_sent": True,
    "tracking_disable": True,
    "sales_policy_transition": True,
    "sales_competitor_skip_check": True,
    "sales_competitor_price_days": 0,
    "default_state": "sent",
}


@tagged("post_install", "-at_install")
class TestCompetitorRpc(RepRpcAttackerMixin, SalesCompetitorCommon, HttpCase):
    """A salesperson over XML-RPC with forged context keys cannot send a
    quotation lacking a recent competitor price, nor act as a manager."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-competitor-Rpc1"
        cls.rep.password = cls.password
        cls.company.sales_competitor_price_days = 30
        cls._observe(cls.competitor_north, cls.product_gcc, 100.0, days_ago=5)
        cls.order = cls._quotation(cls.product_gcc + cls.product_pcc)

    def test_rep_cannot_send_without_observation_over_rpc(self):
        for method, args, kwargs in (
            ("action_quotation_send", [[self.order.id]], {}),
            ("action_quotation_sent", [[self.order.id]], {}),
            ("write", [[self.order.id], {"state": "sent"}], {}),
            ("message_post", [[self.order.id]], {"body": "Your quotation"}),
        ):
            with self.subTest(method=method):
                self._refused(
                    "PCC filler.*SP-CMP-03", "sale.order", method, args, kwargs
                )
        self.assertEqual(self.order.state, "draft")
        orders = self.env["sale.order"].search_count(
            [("partner_id", "=", self.customer.id)]
        )
        self._refused(
            "SP-CMP-03",
            "sale.order",
            "create",
            [
                {
                    "partner_id": self.customer.id,
                    "state": "sent",
                    "order_line": [(0, 0, {"product_id": self.product_pcc.id})],
                }
            ],
        )
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("partner_id", "=", self.customer.id)]
            ),
            orders,
        )
        # the rep records an observation over RPC, then sending goes through
        self._rpc(
            "sales.competitor.price",
            "create",
            [
                {
                    "competitor_id": self.competitor_coast.id,
                    "product_id": self.product_pcc.id,
                    "price_unit": 71.0,
                    "source": "visit",
                }
            ],
        )
        action = self._rpc("sale.order", "action_quotation_send", [[self.order.id]])
        self.assertEqual(action["res_model"], "mail.compose.message")
        # (action_quotation_sent returns None, which XML-RPC cannot answer)
        self._rpc("sale.order", "write", [[self.order.id], {"state": "sent"}])
        self.env.invalidate_all()
        self.assertEqual(self.order.state, "sent")

    def test_rep_cannot_manage_competitors_or_others_observations(self):
        observation = self._observe(
            self.competitor_north, self.product_pcc, 50.0, user_id=self.rep_2.id
        )
        self._refused(
            "not allowed|access", "sales.competitor", "create", [{"name": "Forged"}]
        )
        self._refused(
            "not allowed|access",
            "sales.competitor",
            "write",
            [[self.competitor_north.id], {"name": "Renamed"}],
        )
        self._refused(
            "restrict|not allowed|access",
            "sales.competitor.price",
            "write",
            [[observation.id], {"price_unit": 1.0}],
        )
        self._refused(
            "restrict|not allowed|access",
            "sales.competitor.price",
            "create",
            [
                {
                    "competitor_id": self.competitor_north.id,
                    "product_id": self.product_pcc.id,
                    "price_unit": 1.0,
                    "user_id": self.rep_2.id,
                }
            ],
        )
        self.assertRecordValues(
            self.competitor_north, [{"name": "Northern Minerals Test"}]
        )
        self.assertRecordValues(observation, [{"price_unit": 50.0}])
        self.assertEqual(
            self.env["sales.competitor"].search_count([("name", "=", "Forged")]), 0
        )
