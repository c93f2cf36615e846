# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.sales_policy_base.tests.common import (
    archive_approval_rules,
    create_grading_policy,
)


@tagged("post_install", "-at_install")
class TestCustomerDevelopmentFlow(HttpCase):
    """A rep plans a week and reports a visit; orders follow; the grade rises.

    Grading policy: revenue 40% (full marks 1,000), frequency 20% (full marks
    4 orders), intent 20%, ability 20%; A from 70, B from 40.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls.rep = new_test_user(
            cls.env,
            login="sp_flow_rep",
            password="sp_flow_rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="sp_flow_manager",
            password="sp_flow_manager",
            groups="base.group_user,sales_policy_base.group_sales_policy_manager",
        )
        # the manager leads the rep's team: managers read their team's customers
        cls.env["crm.team"].create(
            {
                "name": "Flow Team",
                "user_id": cls.manager.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep.id})],
            }
        )
        create_grading_policy(cls.env, cls.env.company, name="Flow Grading")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Customer Works",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.rep.id,
                "sales_purchase_intent": 50,
                "sales_purchase_ability": 50,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Flow Valve", "list_price": 250.0, "taxes_id": [Command.clear()]}
        )

    def _confirm_order(self):
        order = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 250.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        return order

    def test_visit_then_orders_raise_the_grade(self):
        # before any order: 50 x 20% + 50 x 20% = 20 -> C
        self.env["res.partner"]._cron_sales_regrade()
        self.assertEqual(self.customer.sales_grade, "c")

        self.start_tour(
            "/odoo/action-sales_customer_dev.sales_visit_plan_action",
            "sales_customer_dev_visit_tour",
            login="sp_flow_rep",
        )
        report = self.env["sales.visit.report"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertRecordValues(report, [{"user_id": self.rep.id, "state": "done"}])

        # four orders of 250: revenue 1,000 (40) + 4 orders (20) + 20 = 80 -> A
        for _i in range(4):
            self._confirm_order()
        self.assertEqual(self.customer.sales_grade, "c")
        self.start_tour(
            f"/odoo/res.partner/{self.customer.id}",
            "sales_policy_suite_regrade_tour",
            login="sp_flow_manager",
        )
        self.assertRecordValues(
            self.customer, [{"sales_grade": "a", "sales_grade_score": 80.0}]
        )
        self.assertRecordValues(
            self.customer.sales_grade_history_ids[0],
            [
                {
                    "old_grade": "c",
                    "new_grade": "a",
                    "source": "manual",
                    "user_id": self.manager.id,
                }
            ],
        )
