# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tests.common import (
    archive_approval_rules,
    create_grading_policy,
)

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestCustomerGradingFromOrders(SalesPolicySaleCommon):
    """Revenue and frequency come from the confirmed orders of the window.

    Policy: revenue 40% (full marks 1,000), frequency 20% (full marks 4
    orders), intent 20%, ability 20%; A from 70, B from 40; window 12 months.
    An order of the helper ``_order()`` is 2 Pumps x 100 = 200 untaxed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls.company.sales_grade_window_months = 12
        cls.policy = create_grading_policy(
            cls.env, cls.company, name="Order-based grading"
        )
        cls.customer.write(
            {
                "is_company": True,
                "sales_purchase_intent": 50,
                "sales_purchase_ability": 50,
            }
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Buyer at Policy Customer", "parent_id": cls.customer.id}
        )

    def _confirmed_order(self, partner=None, months_ago=0):
        order = self._order(partner=partner or self.customer)
        order.action_confirm()
        if months_ago:
            order.date_order = fields.Datetime.now() - relativedelta(months=months_ago)
        return order

    def test_revenue_and_order_count_of_the_window_make_the_score(self):
        self._confirmed_order()
        self._confirmed_order(partner=self.buyer)  # a contact's order counts too
        self._order()  # a quotation does not count
        self._confirmed_order(months_ago=13)  # outside the 12-month window
        self.env["res.partner"]._sales_regrade()
        # revenue 2 x 200 = 400 / 1,000 = 40 x 40% = 16; orders 2/4 = 50 x 20% = 10
        # intent 50 x 20% = 10; ability 50 x 20% = 10; total 46: B
        self.assertRecordValues(
            self.customer, [{"sales_grade": "b", "sales_grade_score": 46.0}]
        )
        criteria = self.customer.sales_grade_details["criteria"]
        self.assertEqual(criteria["revenue"]["value"], 400.0)
        self.assertEqual(criteria["frequency"]["value"], 2)
        self.assertIn("Confirmed orders: 2", self.customer.sales_grade_explanation)

    def test_grade_rises_to_a_after_more_orders(self):
        self._confirmed_order()
        self.env["res.partner"]._sales_regrade()
        # 200/1,000 = 20 x 40% = 8; 1/4 = 25 x 20% = 5; + 10 + 10 = 33: C
        self.assertEqual(self.customer.sales_grade, "c")
        for __ in range(4):
            self._confirmed_order()
        self.env["res.partner"]._sales_regrade()
        # 5 x 200 = 1,000: 100 x 40% = 40; 5 orders, capped 100 x 20% = 20;
        # + 10 + 10 = 80: A
        self.assertRecordValues(
            self.customer, [{"sales_grade": "a", "sales_grade_score": 80.0}]
        )
        history = self.env["sales.grade.history"].search(
            [("partner_id", "=", self.customer.id)], order="id"
        )
        self.assertEqual(history.mapped("new_grade"), ["c", "a"])

    def test_order_shows_the_terms_of_the_customers_grade(self):
        self.policy.write(
            {
                "contract_template_a": "Framework agreement",
                "sample_fee_a": "waived",
                "contract_template_c": "Order confirmation terms",
                "sample_fee_c": "charged",
            }
        )
        self._confirmed_order()
        self.env["res.partner"]._sales_regrade()  # 33 points: C (see above)
        order = self._order(partner=self.buyer).with_user(self.rep)
        self.assertRecordValues(
            order,
            [
                {
                    "sales_grade": "c",
                    "sales_grade_contract_template": "Order confirmation terms",
                    "sales_grade_sample_fee": "charged",
                }
            ],
        )
        for __ in range(4):
            self._confirmed_order()
        self.env["res.partner"]._sales_regrade()  # 80 points: A
        order.invalidate_recordset()
        self.assertRecordValues(
            order,
            [
                {
                    "sales_grade": "a",
                    "sales_grade_contract_template": "Framework agreement",
                    "sales_grade_sample_fee": "waived",
                }
            ],
        )

    def test_customer_with_orders_but_no_rank_is_graded(self):
        newcomer = self.env["res.partner"].create({"name": "Walk-in Buyer"})
        self._confirmed_order(partner=newcomer)
        self.env["res.partner"]._sales_regrade()
        # 200/1,000 = 20 x 40% = 8; 1/4 = 25 x 20% = 5; total 13: C
        self.assertRecordValues(
            newcomer, [{"sales_grade": "c", "sales_grade_score": 13.0}]
        )

    def _activity_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        date_from = fields.Datetime.now() - relativedelta(months=12)
        before = self.cr.sql_log_count
        activity = self.env["res.partner"]._sales_grade_activity(None, date_from)
        return activity, self.cr.sql_log_count - before

    def test_activity_queries_do_not_grow_with_customers_and_orders(self):
        self._confirmed_order()
        __, queries_few = self._activity_queries()
        for __ in range(2):
            self._confirmed_order()
        self._confirmed_order(partner=self.distributor)
        self._confirmed_order(partner=self.buyer)
        for index in range(5):
            self._confirmed_order(
                partner=self.env["res.partner"].create({"name": f"Buyer {index}"})
            )
        activity, queries_many = self._activity_queries()
        self.assertEqual(queries_many, queries_few)
        # 3 orders of the customer and 1 of its buyer: 4 x 200
        self.assertEqual(activity[self.customer.id], (800.0, 4))
        self.assertEqual(activity[self.distributor.id], (200.0, 1))
        self.assertNotIn(self.buyer.id, activity)  # counted on its company
