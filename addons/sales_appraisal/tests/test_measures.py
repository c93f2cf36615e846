# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import sql_db
from odoo.tests import tagged

from ..tools.appraisal_math import Period
from .common import SalesAppraisalCommon


@tagged("post_install", "-at_install")
class TestMeasures(SalesAppraisalCommon):
    """March 2025, by hand:

    - Old Buyer Ltd bought 2,000 from rep in March 2024 (its first order);
      in March 2025 its contact orders 2,000 (cost 1,500): a repeat buyer;
    - New Buyer Ltd orders 1,500 (cost 1,000) on 5 March and 500 (cost 0)
      on 20 March 2025: one new customer, counted once;
    - rep_2's customer orders first on 15 March 2025: rep_2's new customer;
    - revenue 2,000 + 1,500 + 500 = 4,000; margin 500 + 500 + 500 = 1,500;
      growth (4,000 - 2,000) / 2,000 = 100 %;
    - visits done in March: 2 (ratings 4 and 5 -> 4.5 / 5 = 90 %); a draft
      one and an April one do not count;
    - opportunities: A won in March; B visited in March; C visited and won
      in March -> won 2, contacted {A, B, C} = 3 -> 66.67 %.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._order(cls.rep, cls.customer, 2000.0, date(2024, 3, 10), cost=1500.0)
        cls._order(cls.rep, cls.customer_contact, 2000.0, date(2025, 3, 3), cost=1500.0)
        cls._order(cls.rep, cls.new_customer, 1500.0, date(2025, 3, 5), cost=1000.0)
        cls._order(cls.rep, cls.new_customer, 500.0, date(2025, 3, 20))
        cls._order(cls.rep_2, cls.customer_2, 800.0, date(2025, 3, 15))
        won_stage = cls.env["crm.stage"].create({"name": "Test Won", "is_won": True})
        open_stage = cls.env["crm.stage"].create({"name": "Test Open"})
        Lead = cls.env["crm.lead"]

        def opportunity(name, won=False):
            lead = Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "user_id": cls.rep.id,
                    "team_id": False,
                    "stage_id": open_stage.id,
                }
            )
            if won:
                lead.write({"stage_id": won_stage.id})
                lead.date_closed = datetime(2025, 3, 12, 9, 0)
            return lead

        cls.lead_a = opportunity("A", won=True)
        cls.lead_b = opportunity("B")
        cls.lead_c = opportunity("C", won=True)
        cls._visit(cls.rep, cls.customer, date(2025, 3, 4), "4", lead=cls.lead_b)
        cls._visit(cls.rep, cls.new_customer, date(2025, 3, 6), "5", lead=cls.lead_c)
        cls._visit(cls.rep, cls.customer, date(2025, 4, 2), "1")
        draft = cls._visit(cls.rep, cls.customer, date(2025, 3, 8), "1")
        draft.sudo()._transition({"state": "draft"})
        cls.period = Period(cls.company, date(2025, 3, 1), date(2025, 4, 1))

    def _measures(self, users=None):
        users = users or (self.rep | self.rep_2)
        return self.env["sales.appraisal.measure"]._appraisal_measures(
            self.period, users
        )

    def test_revenue_margin_and_growth_of_confirmed_orders(self):
        figures = self._measures()[self.rep.id]
        self.assertEqual(figures["revenue"], 4000.0)
        self.assertEqual(figures["margin"], 1500.0)
        self.assertEqual(figures["growth"], 100.0)

    def test_a_repeat_buyer_is_not_a_new_customer(self):
        figures = self._measures()
        # New Buyer Ltd only (twice in March: once); Old Buyer Ltd bought in 2024
        self.assertEqual(figures[self.rep.id]["new_customers"], 1)
        self.assertEqual(figures[self.rep_2.id]["new_customers"], 1)

    def test_a_cancelled_first_order_does_not_make_a_later_buyer_repeat(self):
        order = self._order(self.rep, self.customer_2, 100.0, date(2025, 2, 10))
        order._action_cancel()
        # rep_2's customer: its first CONFIRMED order is still in March
        self.assertEqual(self._measures()[self.rep_2.id]["new_customers"], 1)

    def test_conversion_is_won_over_contacted_opportunities(self):
        figures = self._measures()[self.rep.id]
        # won {A, C}; contacted {B, C} + the won ones = {A, B, C}: 2 / 3
        self.assertAlmostEqual(figures["conversion"], 200.0 / 3.0)
        self.assertIsNone(self._measures()[self.rep_2.id]["conversion"])

    def test_visits_and_satisfaction_from_done_visit_reports(self):
        figures = self._measures()
        self.assertEqual(figures[self.rep.id]["visits"], 2)
        self.assertEqual(figures[self.rep.id]["satisfaction"], 90.0)
        self.assertIsNone(figures[self.rep_2.id]["satisfaction"])

    def test_growth_without_last_year_is_not_measured(self):
        self.assertIsNone(self._measures()[self.rep_2.id]["growth"])

    def test_collection_without_invoices_due_is_not_measured(self):
        self.assertIsNone(self._measures()[self.rep.id]["collection"])

    def test_query_count_does_not_grow_with_the_reps(self):
        reps = self.env["res.users"]
        for n in range(6):
            reps |= self._new_policy_user(
                f"appraisal_q_{n}", "sales_policy_base.group_sales_policy_user"
            )
        self._measures(self.rep)  # warm the caches
        self.env.invalidate_all()
        start = sql_db.sql_counter
        self._measures(self.rep)
        one = sql_db.sql_counter - start
        self.env.invalidate_all()
        start = sql_db.sql_counter
        self._measures(self.rep | self.rep_2 | reps)
        many = sql_db.sql_counter - start
        self.assertEqual(one, many)
