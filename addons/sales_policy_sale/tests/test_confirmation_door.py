# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import RepOverRpcMixin, SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestConfirmationDoor(SalesPolicySaleCommon):
    """An order becomes a sales order through its Confirm button only, and a
    confirmed order keeps the approvals it was confirmed with."""

    def test_rep_cannot_write_sale_state_when_no_rule_applies(self):
        # no approval rule at all: the other checks of the confirmation
        # (qualifications, credit holds, showroom units) still stand
        self.shipped_rules.active = False
        order = self._order().with_user(self.rep)
        with self.assertRefused(UserError, "only through its Confirm button"):
            order.write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_rep_cannot_write_sale_state_of_an_approved_order(self):
        order = self._order()
        self._submit_and_approve_all(order)
        with self.assertRefused(UserError, "only through its Confirm button"):
            order.with_user(self.rep).write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_rep_cannot_create_an_order_already_confirmed_without_rules(self):
        self.shipped_rules.active = False
        Order = self.env["sale.order"].with_user(self.rep)
        count = Order.search_count([])
        with self.assertRefused(UserError, "only through its Confirm button"):
            Order.create({"partner_id": self.customer.id, "state": "sale"})
        self.assertEqual(Order.search_count([]), count)

    def test_rep_cannot_copy_an_order_into_the_confirmed_state(self):
        self.shipped_rules.active = False
        order = self._order().with_user(self.rep)
        with self.assertRefused(UserError, "only through its Confirm button"):
            order.copy({"state": "sale"})

    def test_sending_and_editing_in_one_write_is_judged_after_the_edit(self):
        order = self._order()
        self._submit_and_approve_all(order)
        line = order.order_line
        # the approved price is 100; 85 is below the floor of 90
        with self.assertRefused(UserError, "Price below floor"):
            order.with_user(self.rep).write(
                {
                    "state": "sent",
                    "order_line": [Command.update(line.id, {"price_unit": 85.0})],
                }
            )
        self.assertRecordValues(order, [{"state": "draft"}])
        self.assertEqual(line.price_unit, 100.0)
        # the terms alone re-open review too
        term = self.env["account.payment.term"].create({"name": "Policy 90 days"})
        with self.assertRefused(UserError, "must approve it first"):
            order.with_user(self.rep).write(
                {"state": "sent", "payment_term_id": term.id}
            )
        self.assertRecordValues(order, [{"state": "draft", "payment_term_id": False}])
        order.with_user(self.rep).write({"state": "sent"})
        self.assertEqual(order.state, "sent")

    def test_lines_added_to_a_confirmed_order_keep_its_approvals(self):
        order = self._order()
        self._submit_and_approve_all(order)
        order.with_user(self.rep).action_confirm()
        approved = self._requests(order, "approved")
        # an upsell line and a down payment line, as Odoo adds them
        order.with_user(self.rep).write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product_free.id, "product_uom_qty": 3}
                    ),
                    Command.create(
                        {
                            "product_id": self.product_free.id,
                            "is_downpayment": True,
                            "product_uom_qty": 0,
                            "price_unit": 0.0,
                        }
                    ),
                ]
            }
        )
        self.assertEqual(len(order.order_line), 3)
        self.assertEqual(set(approved.mapped("state")), {"approved"})
        self.assertFalse(self._requests(order, "pending"))
        self.assertFalse(self._requests(order, "outdated"))


@tagged("post_install", "-at_install")
class TestConfirmationDoorRpc(RepOverRpcMixin, SalesPolicySaleCommon, HttpCase):
    """The same doors, for a salesperson calling XML-RPC with forged context
    keys."""

    def test_rep_cannot_confirm_by_writing_the_state_over_rpc(self):
        order = self._order()
        self._submit_and_approve_all(order)
        with self.assertFault("only through its Confirm button"):
            self._rpc("sale.order", "write", order.ids, {"state": "sale"})
        self.env.invalidate_all()
        self.assertEqual(order.state, "draft")
        self._rpc("sale.order", "action_confirm", order.ids)
        self.env.invalidate_all()
        self.assertEqual(order.state, "sale")

    def test_rep_cannot_create_a_confirmed_order_over_rpc(self):
        self.shipped_rules.active = False
        count = self.env["sale.order"].search_count([])
        with self.assertFault("only through its Confirm button"):
            self._rpc(
                "sale.order",
                "create",
                {"partner_id": self.customer.id, "state": "sale"},
            )
        self.env.invalidate_all()
        self.assertEqual(self.env["sale.order"].search_count([]), count)

    def test_rep_cannot_send_and_lower_a_price_in_one_rpc_write(self):
        order = self._order()
        self._submit_and_approve_all(order)
        line = order.order_line
        with self.assertFault("must approve it first"):
            self._rpc(
                "sale.order",
                "write",
                order.ids,
                {"state": "sent", "order_line": [[1, line.id, {"price_unit": 85.0}]]},
            )
        self.env.invalidate_all()
        self.assertRecordValues(order, [{"state": "draft"}])
        self.assertEqual(line.price_unit, 100.0)
        self.assertEqual(len(self._requests(order, "approved")), 2)

    def test_rpc_line_added_to_a_confirmed_order_keeps_its_approvals(self):
        order = self._order()
        self._submit_and_approve_all(order)
        order.with_user(self.rep).action_confirm()
        approved = self._requests(order, "approved")
        self._rpc(
            "sale.order",
            "write",
            order.ids,
            {"order_line": [[0, 0, {"product_id": self.product_free.id}]]},
        )
        self.env.invalidate_all()
        self.assertEqual(len(order.order_line), 2)
        self.assertEqual(set(approved.mapped("state")), {"approved"})
        self.assertFalse(self._requests(order, "pending"))
