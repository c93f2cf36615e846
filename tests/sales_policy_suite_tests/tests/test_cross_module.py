# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestCrossModule(SalesPolicyCommon):
    """Behaviour that only shows when several modules of the suite are installed."""

    def test_approval_rule_accepts_sale_order_extended_by_other_modules(self):
        # sales_showroom and sales_customer_dev extend sale.order after
        # sales_policy_sale: the rule must still see that orders support approvals.
        rule = self.env["sales.policy.approval.rule"].create(
            {
                "name": "Orders over 1,000 need a manager",
                "model_id": self.env["ir.model"]._get_id("sale.order"),
                "action": "confirm",
                "amount_from": 1000.0,
                "approver_type": "group",
                "approver_group_id": self.env.ref(
                    "sales_policy_base.group_sales_policy_manager"
                ).id,
            }
        )
        self.assertTrue(rule.active)

    def test_showroom_contract_waits_for_the_order_approvals(self):
        # With the approval engine installed, contracting a unit confirms its order,
        # which every applicable approval rule must have approved first.
        project = self.env["sales.showroom.project"].create({"name": "Cross Gardens"})
        building = self.env["sales.showroom.building"].create(
            {"name": "X1", "project_id": project.id}
        )
        unit = self.env["sales.showroom.unit"].create(
            {
                "building_id": building.id,
                "floor": 1,
                "number": "101",
                "list_price": 500_000,
            }
        )
        customer = self.env["res.partner"].create({"name": "Cross Customer"})
        booking = unit.with_user(self.rep).hold(customer)
        booking.subscribe(20_000.0)
        with self.assertRaisesRegex(UserError, "approval rule"):
            booking.action_contract()
        self.assertEqual(unit.state, "subscribed")
