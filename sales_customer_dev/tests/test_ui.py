# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerDevUi(HttpCase):
    def test_rep_plans_a_week_and_reports_a_visit(self):
        rep = new_test_user(
            self.env,
            login="sp_dev_tour_rep",
            password="sp_dev_tour_rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        customer = self.env["res.partner"].create(
            {
                "name": "Tour Customer Works",
                "is_company": True,
                "customer_rank": 1,
                "user_id": rep.id,
            }
        )
        self.start_tour(
            "/odoo/action-sales_customer_dev.sales_visit_plan_action",
            "sales_customer_dev_visit_tour",
            login="sp_dev_tour_rep",
        )
        report = self.env["sales.visit.report"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertRecordValues(
            report,
            [
                {
                    "user_id": rep.id,
                    "state": "done",
                    "outcome": "Samples approved",
                    "satisfaction": "4",
                }
            ],
        )
        self.assertTrue(report.plan_line_id.is_done)
