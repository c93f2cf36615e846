# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import ExitStack
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestSaleApproval(SalesPolicySaleCommon):
    def test_rep_cannot_send_quotation_before_manager_approval(self):
        order = self._order()
        with self.assertRefused(UserError, "Quotation reviewed by a sales manager"):
            order.with_user(self.rep).action_quotation_send()
        with self.assertRefused(UserError, "Request Approval"):
            order.with_user(self.rep).action_quotation_sent()
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.with_user(self.rep).approval_status, "to_submit")

    def test_rep_submits_manager_and_legal_approve_then_rep_confirms(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        requests = self._requests(order)
        # 2 x 100 = 200 < 10,000 and 100 >= floor 90: the quotation and
        # contract rules apply, not the large-bid nor the floor rule.
        self.assertEqual(requests.rule_id, self.rule_manager | self.rule_legal)
        self.assertRecordValues(
            requests.sorted("rule_id"),
            [
                {"state": "pending", "requester_id": self.rep.id},
                {"state": "pending", "requester_id": self.rep.id},
            ],
        )
        manager_request = requests.filtered(lambda r: r.rule_id == self.rule_manager)
        self.assertIn(self.manager, manager_request.approver_ids)
        self.assertNotIn(self.rep, manager_request.approver_ids)
        self.assertIn(self.legal_reviewer, (requests - manager_request).approver_ids)
        self.assertTrue(
            order.activity_ids.filtered(lambda a: a.user_id == self.manager),
            "the manager has an approval activity on the quotation",
        )
        self.assertEqual(order.with_user(self.rep).approval_status, "pending")

        manager_request.with_user(self.manager).comment = "Fine for this customer"
        manager_request.with_user(self.manager).action_approve()
        self.assertRecordValues(
            manager_request,
            [{"state": "approved", "decided_by_id": self.manager.id}],
        )
        self.assertFalse(manager_request.activity_link_ids.exists())
        # sending is allowed now, confirmation still waits for legal
        order.with_user(self.rep).action_quotation_sent()
        self.assertEqual(order.state, "sent")
        with self.assertRefused(UserError, "Contract reviewed by legal"):
            order.with_user(self.rep).action_confirm()

        (requests - manager_request).with_user(self.legal_reviewer).action_approve()
        self.assertEqual(order.with_user(self.rep).approval_status, "approved")
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertIn(
            "Approved by Sp Manager",
            " ".join(order.message_ids.mapped("preview")),
        )

    def test_large_bid_needs_a_senior_manager(self):
        # 120 x 100 = 12,000 >= threshold 10,000
        order = self._order(lines=[(self.product, 120, 100.0)])
        order.with_user(self.rep).action_request_approval()
        senior_request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_senior
        )
        self.assertTrue(senior_request)
        with self.assertRefused(UserError, "not an approver"):
            senior_request.with_user(self.manager).action_approve()
        senior_request.with_user(self.senior_manager).action_approve()
        self.assertEqual(senior_request.state, "approved")

    def test_rejected_quotation_cannot_be_confirmed(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        request.with_user(self.manager).action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(order.with_user(self.rep).approval_status, "rejected")
        with self.assertRefused(UserError, "rejected"):
            order.with_user(self.rep).action_confirm()
        with self.assertRefused(UserError, "only pending requests"):
            request.with_user(self.manager).action_approve()

    def test_approver_cannot_approve_own_request_unless_allowed(self):
        order = self._order(user=self.manager)
        order.with_user(self.manager).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        with self.assertRefused(UserError, "forbids approving one's own"):
            request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")
        self.company.sales_policy_allow_self_approval = True
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_print_refused_until_approved(self):
        order = self._order()
        report = self.env["ir.actions.report"].with_user(self.rep)
        with self.assertRefused(UserError, "Quotation reviewed by a sales manager"):
            report._render_qweb_html("sale.action_report_saleorder", order.ids)
        self._submit_and_approve_all(order)
        html, _type = report._render_qweb_html(
            "sale.action_report_saleorder", order.ids
        )
        self.assertIn(order.name, html.decode())

    def test_portal_signature_refused_until_contract_reviewed(self):
        order = self._order()
        signature = (  # a 1x1 PNG
            b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
            b"60e6kgAAAABJRU5ErkJggg=="
        )
        with self.assertRefused(UserError, "Contract reviewed by legal"):
            order.sudo().write({"signature": signature, "signed_by": "Customer"})
        self.assertFalse(order.signature)
        self._submit_and_approve_all(order)
        order.sudo().write({"signature": signature, "signed_by": "Customer"})
        self.assertEqual(order.signed_by, "Customer")

    def test_salesperson_form_shows_status_and_floor_badge(self):
        with Form(self.env["sale.order"].with_user(self.rep)) as form:
            form.partner_id = self.customer
            with form.order_line.new() as line:
                line.product_id = self.product
                line.price_unit = 85.0
                self.assertEqual(line.sales_policy_floor_price, 90.0)
                self.assertEqual(line.sales_policy_floor_state, "below")
        order = form.save()
        self.assertEqual(order.approval_status, "to_submit")
        self.assertIn(self.rule_floor.name, order.approval_pending_rules)
        action = order.action_view_approval_requests()
        self.assertEqual(action["res_model"], "sales.policy.approval.request")

    def test_reminder_cron_reminds_old_requests_only(self):
        self.company.sales_policy_approval_reminder_days = 3
        old_order, new_order = self._order(), self._order()
        (old_order | new_order).with_user(self.rep).action_request_approval()
        old = self._requests(old_order)
        new = self._requests(new_order)
        old.write({"request_date": "2020-01-01 08:00:00"})
        self.env["sales.policy.approval.request"]._cron_remind_approvers()
        self.assertTrue(all(old.mapped("reminder_date")))
        self.assertFalse(any(new.mapped("reminder_date")))
        self.assertIn("Reminder", " ".join(old[:1].message_ids.mapped("preview")))

    def test_confirm_query_count_when_approved(self):
        warm_up, order = self._order(), self._order()
        self._submit_and_approve_all(warm_up)
        self._submit_and_approve_all(order)
        # measured: stock sale confirmation plus the gate (one query for the
        # fingerprint and floors, one for the requests; the rules are cached);
        # a regression in the gate shows here. With sale_stock installed (the
        # glue module sales_policy_sale_stock), the delivery it creates on
        # confirmation is not the gate's cost: it is left out. A first order
        # is confirmed before, so that the count does not depend on which
        # caches the tests run before this one left warm.
        Line = self.env.registry["sale.order.line"]
        for confirmed, expected in ((warm_up, None), (order, 27)):
            self.env.invalidate_all()
            # and the fixtures' pending bus notifications (users joining
            # #general), which the first cursor flush inside the confirmation
            # would otherwise write: 3 queries that are not the confirmation's
            self.env.cr.flush()
            with ExitStack() as stack:
                if hasattr(Line, "_action_launch_stock_rule"):
                    stack.enter_context(
                        patch.object(
                            Line, "_action_launch_stock_rule", return_value=True
                        )
                    )
                if expected:
                    stack.enter_context(self.assertQueryCount(expected))
                confirmed.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
