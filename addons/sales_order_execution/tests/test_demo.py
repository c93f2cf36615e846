# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderExecutionCommon

ENGINE = "sales.order.delay.engine"


@tagged("post_install", "-at_install")
class TestDemoLateDelivery(OrderExecutionCommon):
    """The demo function: an order approved through the engine, confirmed,
    late, its delay open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_policy_allow_self_approval = False
        cls.rule = cls.env.ref("sales_policy_sale.approval_rule_quotation_manager")
        cls.rule.active = True
        cls.order = cls._order(commitment=datetime(2030, 1, 10, 12, 0))
        cls.env["ir.model.data"].create(
            {
                "module": "sales_order_execution",
                "name": "test_late_order",
                "model": "sale.order",
                "res_id": cls.order.id,
                "noupdate": True,
            }
        )

    def _requests(self):
        return (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)])
        )

    def test_demo_order_is_approved_confirmed_and_late(self):
        with self.assertRefused(UserError, "."):
            self.order.with_user(self.rep).action_confirm()
        self.assertTrue(
            self.env[ENGINE]._demo_late_delivery(
                "sales_order_execution.test_late_order"
            )
        )
        self.assertEqual(self.order.state, "sale")
        self.assertLess(self.order.commitment_date, fields.Datetime.now())
        requests = self._requests()
        self.assertTrue(requests)
        self.assertEqual(set(requests.mapped("state")), {"approved"})
        self.assertNotIn(self.rep, requests.decided_by_id)
        delay = self._delays(self.order)
        self.assertEqual(len(delay), 1)
        self.assertEqual(delay.state, "open")
        self.assertEqual(delay.user_id, self.rep)
        self.assertTrue(delay.activity_ids)
        # a second run does nothing: the order is no longer a quotation
        self.assertFalse(
            self.env[ENGINE]._demo_late_delivery(
                "sales_order_execution.test_late_order"
            )
        )
        self.assertEqual(len(self._delays(self.order)), 1)

    def test_demo_order_the_policy_holds_stays_a_quotation(self):
        with (
            patch.object(
                self.env.registry["sale.order"],
                "_execution_check_delivery_terms",
                side_effect=UserError("held"),
            ),
            self.assertLogs(
                "odoo.addons.sales_order_execution.models.sales_order_delay_engine",
                "WARNING",
            ),
        ):
            done = self.env[ENGINE]._demo_late_delivery(
                "sales_order_execution.test_late_order"
            )
        self.assertFalse(done)
        self.assertEqual(self.order.state, "draft")
        self.assertEqual(self.order.commitment_date, datetime(2030, 1, 10, 12, 0))
        self.assertFalse(self._requests())
        self.assertFalse(self._delays(self.order))
        self.assertFalse(self.env[ENGINE]._demo_late_delivery("no_module.no_order"))
