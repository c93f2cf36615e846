# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from .common import OrderExecutionCommon


@tagged("post_install", "-at_install")
class TestOrderExecutionTour(OrderExecutionCommon, HttpCase):
    def test_confirm_slip_notify_reason_tour(self):
        """Confirm -> the delivery slips -> the rep is notified -> the reason
        is recorded."""
        self.company.execution_require_delivery_terms = True
        self.rep.password = "sp-rep-execution-Tour1"
        order = self._order()
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "sales_order_execution_confirm_tour",
            login=self.rep.login,
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.sudo().execution_handover_ids), 3)
        picking = order.picking_ids
        picking.scheduled_date = order.commitment_date + timedelta(days=4)
        self._detect()
        delay = self._delays(order)
        self.assertEqual(delay.activity_ids.user_id, self.rep)
        self.start_tour(
            "/odoo/action-sales_order_execution.sales_order_delay_action",
            "sales_order_execution_delay_tour",
            login=self.rep.login,
        )
        self.assertRecordValues(
            delay, [{"state": "closed", "reason_id": self.reason.id}]
        )
