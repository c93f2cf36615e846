# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon

#: context keys a caller might forge to slip past the gates
FORGED_CONTEXT = {
    "sales_policy_approval_transition": True,
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "skip_approval": True,
    "sudo": True,
}


class RepOverRpcMixin:
    """For an HttpCase: the salesperson ``rep`` calling XML-RPC with forged
    context keys."""

    rep_password = "sp-rep-rpc-1"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep.password = cls.rep_password

    def _rpc(self, model, method, *args):
        self.env.flush_all()  # the RPC reads the database
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.rep.id,
            self.rep_password,
            model,
            method,
            list(args),
            {"context": FORGED_CONTEXT},
        )

    def assertFault(self, regex):
        return self.assertRaisesRegex(xmlrpc.client.Fault, regex)


class SalesPolicySaleCommon(SalesPolicyCommon):
    """Customers, products with price floors and the shipped sale.order rules.

    Large bid threshold: 10,000. Product "Pump": list 100, cost 60, market
    120, minimum ex-factory 90, distributor minimum 80.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_policy_large_bid_amount = 10000.0
        cls.company.sales_policy_allow_self_approval = False
        cls.rule_manager = cls.env.ref(
            "sales_policy_sale.approval_rule_quotation_manager"
        )
        cls.rule_senior = cls.env.ref(
            "sales_policy_sale.approval_rule_large_bid_senior"
        )
        cls.rule_floor = cls.env.ref(
            "sales_policy_sale.approval_rule_below_floor_manager"
        )
        cls.rule_legal = cls.env.ref("sales_policy_sale.approval_rule_contract_legal")
        cls.shipped_rules = (
            cls.rule_manager | cls.rule_senior | cls.rule_floor | cls.rule_legal
        )
        # only the rules shipped by this module take part in these tests
        cls.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "sale.order"), ("id", "not in", cls.shipped_rules.ids)]
        ).active = False
        cls.customer = cls.env["res.partner"].create({"name": "Policy Customer"})
        cls.distributor = cls.env["res.partner"].create(
            {
                "name": "Policy Distributor",
                "is_company": True,
                "sales_policy_is_distributor": True,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Pump",
                "list_price": 100.0,
                "standard_price": 60.0,
                "sales_policy_market_price": 120.0,
                "sales_policy_min_price": 90.0,
                "sales_policy_distributor_min_price": 80.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.product_free = cls.env["product.product"].create(
            {"name": "Spare Part", "list_price": 10.0, "taxes_id": [Command.clear()]}
        )

    @classmethod
    def _order(cls, user=None, partner=None, lines=None):
        """A quotation made by ``user`` (the rep by default).

        ``lines``: [(product, quantity, unit price)], default one Pump 2 x 100.
        """
        user = user or cls.rep
        lines = lines or [(cls.product, 2, 100.0)]
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or cls.customer).id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                                "tax_id": [Command.clear()],
                            }
                        )
                        for product, qty, price in lines
                    ],
                }
            )
        )

    def _requests(self, order, state=None):
        domain = [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        if state:
            domain.append(("state", "=", state))
        return self.env["sales.policy.approval.request"].sudo().search(domain)

    def _approver_for(self, rule):
        return {
            self.rule_manager: self.manager,
            self.rule_senior: self.senior_manager,
            self.rule_floor: self.manager,
            self.rule_legal: self.legal_reviewer,
        }[rule]

    def _submit_and_approve_all(self, order):
        order.with_user(self.rep).action_request_approval()
        for request in self._requests(order, "pending"):
            request.with_user(self._approver_for(request.rule_id)).action_approve()


class ConfirmedEditCommon(SalesPolicySaleCommon):
    """Pump: floor 90; the rep's discount limit is 10 %."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_review = cls.env.ref(
            "sales_policy_sale.approval_rule_confirmed_edit_manager"
        )
        cls.rule_review.active = True
        if not cls.company.chart_template:
            # invoices need accounts and a sales journal
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )

    def _confirmed(self, lines=None):
        order = self._order(lines=lines)
        self._submit_and_approve_all(order)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _review_mode(self):
        self.company.sales_policy_confirmed_edit_mode = "review"

    def _review_requests(self, order, state=None):
        return self._requests(order, state).filtered(
            lambda request: request.rule_id == self.rule_review
        )

    def _invoice_wizard(self, order):
        return (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "delivered"})
        )
