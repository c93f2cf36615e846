# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestApprovalBypass(SalesPolicySaleCommon):
    """Ways around the approvals a salesperson might try over RPC."""

    def test_rep_cannot_write_state_directly(self):
        order = self._order().with_user(self.rep)
        with self.assertRefused(UserError, "Quotation reviewed by a sales manager"):
            order.write({"state": "sale"})
        with self.assertRefused(UserError, "Quotation reviewed by a sales manager"):
            order.write({"state": "sent"})
        self.assertEqual(order.state, "draft")

    def test_rep_cannot_create_an_order_already_confirmed(self):
        with self.assertRefused(UserError, "must approve it first"):
            self.env["sale.order"].with_user(self.rep).create(
                {"partner_id": self.customer.id, "state": "sale"}
            )

    def test_duplicate_of_approved_order_needs_its_own_approval(self):
        order = self._order()
        self._submit_and_approve_all(order)
        copy = order.with_user(self.rep).copy()
        self.assertFalse(self._requests(copy))
        self.assertEqual(copy.approval_status, "to_submit")
        with self.assertRefused(UserError, "Request Approval"):
            copy.action_confirm()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_editing_lines_after_approval_reopens_review(self):
        order = self._order()
        self._submit_and_approve_all(order)
        approved = self._requests(order, "approved")
        self.assertEqual(len(approved), 2)
        # the rep lowers the price below the floor (85 < 90)
        order.order_line.with_user(self.rep).write({"price_unit": 85.0})
        self.assertEqual(set(approved.mapped("state")), {"outdated"})
        pending = self._requests(order, "pending")
        self.assertEqual(
            pending.rule_id, self.rule_manager | self.rule_floor | self.rule_legal
        )
        with self.assertRefused(UserError, "must approve it first"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_adding_a_line_through_the_order_reopens_review(self):
        order = self._order()
        self._submit_and_approve_all(order)
        order.with_user(self.rep).write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product_free.id, "product_uom_qty": 1}
                    )
                ]
            }
        )
        self.assertFalse(self._requests(order, "approved"))
        self.assertEqual(order.with_user(self.rep).approval_status, "pending")

    def test_confirming_a_recordset_checks_every_order(self):
        approved, unapproved = self._order(), self._order()
        self._submit_and_approve_all(approved)
        orders = (approved | unapproved).with_user(self.rep)
        with self.assertRefused(UserError, unapproved.name):
            orders.action_confirm()
        self.assertEqual(orders.mapped("state"), ["draft", "draft"])
        approved.with_user(self.rep).action_confirm()
        self.assertEqual(approved.state, "sale")

    def test_rep_cannot_forge_an_approval(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order)[:1].with_user(self.rep)
        with self.assertRefused(UserError, "only the comment"):
            request.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.env["sales.policy.approval.request"].with_user(self.rep).create(
                {
                    "rule_id": self.rule_manager.id,
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "state": "approved",
                }
            )
        with self.assertRefused(UserError, "not an approver"):
            request.action_approve()

    def test_requests_are_visible_to_their_people_only(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        Request = self.env["sales.policy.approval.request"]
        domain = [("res_id", "=", order.id), ("res_model", "=", "sale.order")]
        self.assertEqual(Request.with_user(self.rep).search_count(domain), 2)
        self.assertEqual(Request.with_user(self.manager).search_count(domain), 2)
        self.assertEqual(Request.with_user(self.legal_reviewer).search_count(domain), 1)
        self.assertEqual(Request.with_user(self.rep_2).search_count(domain), 0)
        self.assertEqual(
            Request.with_user(self.admin_company_b).search_count(domain), 0
        )
