# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSalesPolicySaleUi(HttpCase):
    def test_rep_submits_manager_approves_from_my_approvals_order_confirms(self):
        rep = new_test_user(
            self.env,
            login="sp_tour_rep",
            password="sp_tour_rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        new_test_user(
            self.env,
            login="sp_tour_manager",
            password="sp_tour_manager",
            groups="base.group_user,sales_policy_base.group_sales_policy_manager",
        )
        # the tour follows the quotation rule; the contract rule is switched off
        # here (rules are editable data) to keep the tour to two people
        rules = self.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "sale.order")]
        )
        (
            rules - self.env.ref("sales_policy_sale.approval_rule_quotation_manager")
        ).active = False
        customer = self.env["res.partner"].create({"name": "Tour Customer"})
        product = self.env["product.product"].create(
            {"name": "Tour Pump", "list_price": 100.0}
        )
        order = (
            self.env["sale.order"]
            .with_user(rep)
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": rep.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
        )
        url = f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}"
        self.start_tour(url, "sales_policy_sale_submit", login="sp_tour_rep")
        self.assertEqual(order.approval_status, "pending")
        self.start_tour("/odoo", "sales_policy_sale_approve", login="sp_tour_manager")
        self.assertEqual(order.approval_status, "approved")
        self.start_tour(url, "sales_policy_sale_confirm", login="sp_tour_rep")
        self.assertEqual(order.state, "sale")
