# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's one definition of a new customer: a commercial partner whose
first confirmed order in the company falls in the period (clause SP-DEV-08),
``sales.kpi.scorecard._new_customers_by_rep``, which the scorecards and the
appraisal measures (``sales_appraisal``) both call."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .common import CustomerDevCommon

MARCH = date(2025, 3, 1)
APRIL = date(2025, 4, 1)


@tagged("post_install", "-at_install")
class TestNewCustomers(CustomerDevCommon):
    """March 2025, hand-counted:

    - Rep Customer Co bought from rep in January 2024 and again in March
      (and rep won an opportunity for it in March): a repeat buyer, NOT new;
    - Rep Two Customer Co's first order ever: 3 March by rep_2, through its
      contact, then 10 March by rep: new ONCE, for rep_2 (the first order);
    - Prospect Ltd's first order: 20 March by rep: new for rep;
    - New Quote Co has only a quotation (not confirmed): not new;
    - Late Co's first order is on 1 April: not new in March.
    So rep 1 (Prospect Ltd), rep_2 1 (Rep Two Customer Co); the old count
    of won opportunities gave rep 1 for the repeat buyer instead.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Filler", "list_price": 100.0, "taxes_id": [Command.clear()]}
        )
        Partner = cls.env["res.partner"]
        cls.quoted = Partner.create({"name": "New Quote Co", "is_company": True})
        cls.late = Partner.create({"name": "Late Co", "is_company": True})
        cls._order(cls.rep, cls.customer, datetime(2024, 1, 15, 10))
        cls._order(cls.rep, cls.customer, datetime(2025, 3, 5, 10))
        cls._order(cls.rep_2, cls.customer_2_contact, datetime(2025, 3, 3, 10))
        cls._order(cls.rep, cls.customer_2, datetime(2025, 3, 10, 10))
        cls._order(cls.rep, cls.prospect, datetime(2025, 3, 20, 10))
        cls._order(cls.rep, cls.quoted, datetime(2025, 3, 21, 10), confirm=False)
        cls._order(cls.rep, cls.late, datetime(2025, 4, 1, 0, 30))
        won = cls._rep_lead(name="Repeat deal", partner_id=cls.customer.id)
        won.action_set_won()
        won.date_closed = datetime(2025, 3, 6, 10)

    @classmethod
    def _order(cls, user, partner, when, confirm=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "product_uom_qty": 1})
                ],
            }
        )
        if confirm:
            order.action_confirm()
        order.date_order = when
        return order

    def _count(self, user_ids=None, start=MARCH, end=APRIL):
        return self.env["sales.kpi.scorecard"]._new_customers_by_rep(
            self.company, start, end, user_ids
        )

    def test_a_repeat_buyer_is_not_a_new_customer(self):
        self.assertEqual(self._count(), {self.rep.id: 1, self.rep_2.id: 1})

    def test_a_new_customer_counts_once_for_the_rep_of_its_first_order(self):
        # rep_2's order through the contact came first; rep's came later
        self.assertEqual(self._count([self.rep_2.id]), {self.rep_2.id: 1})
        self.assertEqual(self._count([self.rep.id]), {self.rep.id: 1})
        # in April nobody is new: Late Co only (rep)
        self.assertEqual(
            self._count(start=APRIL, end=date(2025, 5, 1)), {self.rep.id: 1}
        )
        # over January 2024 - March 2025 every buyer is new once:
        # Rep Customer Co, Prospect Ltd (rep), Rep Two Customer Co (rep_2)
        self.assertEqual(
            self._count(start=date(2024, 1, 1)), {self.rep.id: 2, self.rep_2.id: 1}
        )

    def test_scorecard_counts_first_orders_not_won_opportunities(self):
        cards = (
            self.env["sales.kpi.scorecard"]
            .with_user(self.manager)
            .action_compute_month(MARCH)
            .sudo()
        )
        by_user = {card.user_id: card for card in cards}
        # rep: Prospect Ltd only, though the won opportunity is the repeat
        # buyer's; rep_2: Rep Two Customer Co
        self.assertEqual(by_user[self.rep].new_customers, 1)
        self.assertEqual(by_user[self.rep_2].new_customers, 1)
        self.assertEqual(by_user[self.manager].new_customers, 0)
        # the scorecard and the shared definition agree for every rep
        figures = self._count()
        for user, card in by_user.items():
            self.assertEqual(card.new_customers, figures.get(user.id, 0))

    def test_one_query_whatever_the_number_of_reps(self):
        self._count()  # warm up (flushes)
        with self.assertQueryCount(1):
            self._count([self.rep.id])
        with self.assertQueryCount(1):
            self._count([self.rep.id, self.rep_2.id, self.manager.id])
