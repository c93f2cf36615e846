# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestCreditHoldRpc(SalesReceivablesCommon, HttpCase):
    """The credit hold holds for a salesperson calling the server directly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("sales_receivables.approval_rule_credit_hold_manager").active = True
        cls.company.sales_policy_allow_self_approval = False
        cls.customer.with_user(cls.manager)._sales_write_credit(
            {"sales_credit_limit": 100.0}
        )
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.rep)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": cls.rep.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": 3,
                                "price_unit": 100.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _call(self, model, method, ids):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": [ids], "kwargs": {}},
        )

    def test_rep_confirm_over_rpc_is_refused_until_approved(self):
        self.authenticate("sp_rep", "sp_rep")
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "UserError"),
        ):
            self._call("sale.order", "action_confirm", self.order.ids)
        self.order.invalidate_recordset()
        self.assertEqual(self.order.state, "draft")
        # the rep cannot lift the hold by changing the customer's limit either
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "AccessError"),
        ):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/res.partner/write",
                {
                    "model": "res.partner",
                    "method": "write",
                    "args": [self.customer.ids, {"sales_credit_limit": 10000.0}],
                    "kwargs": {},
                },
            )
        self._call("sale.order", "action_request_approval", self.order.ids)
        request = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", self.order.id)])
        )
        request.with_user(self.manager).action_approve()
        self._call("sale.order", "action_confirm", self.order.ids)
        self.order.invalidate_recordset()
        self.assertEqual(self.order.state, "sale")

    def test_rep_cannot_skip_the_watch_rating_over_rpc(self):
        # no credit limit problem: only the Watch rating holds this order
        self.customer.with_user(self.manager)._sales_write_credit(
            {"sales_credit_limit": 0.0, "sales_credit_rating": "watch"}
        )
        self.company.sales_credit_watch_amount = 200.0  # the order is 300
        self.authenticate("sp_rep", "sp_rep")
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "UserError"),
        ):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/sale.order/action_confirm",
                {
                    "model": "sale.order",
                    "method": "action_confirm",
                    "args": [self.order.ids],
                    # forged keys grant nothing
                    "kwargs": {
                        "context": {
                            "sales_policy_skip_approval": True,
                            "sales_credit_hold_released": True,
                        }
                    },
                },
            )
        # nor can the rep lower the company's watch amount
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "AccessError"),
        ):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/res.company/write",
                {
                    "model": "res.company",
                    "method": "write",
                    "args": [self.company.ids, {"sales_credit_watch_amount": 1e9}],
                    "kwargs": {},
                },
            )
        self.order.invalidate_recordset()
        self.company.invalidate_recordset()
        self.assertEqual(self.order.state, "draft")
        self.assertEqual(self.company.sales_credit_watch_amount, 200.0)
