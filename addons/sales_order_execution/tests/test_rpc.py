# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import OrderExecutionCommon

FORGED_CONTEXT = {
    "sales_policy_approval_transition": True,
    "sales_policy_transition": True,
    "sales_policy_skip_approval": True,
    "default_state": "closed",
    "default_closed_by_id": 1,
    "mark_delay_notified": True,
}


@tagged("post_install", "-at_install")
class TestOrderExecutionRpc(RepRpcAttackerMixin, OrderExecutionCommon, HttpCase):
    """The execution policy holds for a rep calling XML-RPC with forged context."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-execution-Rpc1"
        cls.rep.password = cls.password
        cls.company.execution_require_delivery_terms = True

    def test_confirm_without_terms_over_rpc(self):
        order = self._order()
        order.write({"commitment_date": False, "incoterm": False})
        self._refused("SP-EXE-02", "sale.order", "action_confirm", [order.ids])
        self.assertEqual(order.state, "draft")
        self._refused(
            "through its Confirm button",
            "sale.order",
            "write",
            [order.ids, {"state": "sale"}],
        )
        self.assertEqual(order.state, "draft")

    def test_forged_delay_state_and_final_create(self):
        order = self._confirmed()
        delay = self.env["sales.order.delay"].create({"order_id": order.id})
        self._refused(
            "SP-EXE-04",
            "sales.order.delay",
            "write",
            [delay.ids, {"state": "closed", "closed_by_id": self.rep.id}],
        )
        self._refused(
            "SP-EXE-04",
            "sales.order.delay",
            "write",
            [delay.ids, {"customer_notified": True}],
        )
        self.assertRecordValues(
            delay,
            [{"state": "open", "closed_by_id": False, "customer_notified": False}],
        )
        delay.unlink()
        self._refused(
            "SP-EXE-04",
            "sales.order.delay",
            "create",
            [{"order_id": order.id, "state": "closed", "reason_id": self.reason.id}],
        )
        # the forged default_state key is dropped: a plain create stays open
        new_id = self._rpc("sales.order.delay", "create", [{"order_id": order.id}])
        self.assertEqual(self.env["sales.order.delay"].browse(new_id).state, "open")
        self._refused("reason", "sales.order.delay", "action_close", [[new_id]])
        self.assertEqual(self.env["sales.order.delay"].browse(new_id).state, "open")

    def test_commitment_frozen_over_rpc(self):
        order = self._confirmed()
        self._refused(
            "SP-EXE-03",
            "sale.order",
            "write",
            [order.ids, {"commitment_date": "2031-01-01 00:00:00"}],
        )
        self.assertEqual(order.commitment_date, datetime(2030, 1, 10, 12, 0))

    def test_handover_receipt_cannot_be_forged(self):
        order = self._confirmed()
        line = order.sudo().execution_handover_ids[:1]
        self._refused(
            "not allowed to modify",
            "sales.order.handover",
            "write",
            [line.ids, {"date_received": "2026-01-01 00:00:00"}],
        )
        self._refused(
            "no contract hand-over",
            "sale.order",
            "action_execution_acknowledge",
            [order.ids],
        )
        self.assertFalse(line.date_received)
