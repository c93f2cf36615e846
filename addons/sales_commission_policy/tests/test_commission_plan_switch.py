# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionPlanSwitch(SalesCommissionCommon):
    """An invoice earns once, on one basis, whatever the plans do (SP-COM-01).

    The basis of the plan in force on the invoice date decides whether the
    invoice earns when posted or when collected; once it earned, that stays.
    The March invoice: pump 1,000 at 4 % (the standard plan) = 40.
    """

    def _switch_plan(self, base):
        """End the standard plan in March; from April a ``base`` plan, 2 %."""
        self.plan.date_to = date(2026, 3, 31)
        return self.env["sales.commission.plan"].create(
            {
                "name": "April Plan",
                "company_id": self.company.id,
                "date_from": date(2026, 4, 1),
                "base": base,
                "hold_overdue": False,
                "rule_ids": [Command.create({"rate": 2.0})],
            }
        )

    def test_invoice_earned_when_posted_does_not_earn_again_when_collected(self):
        self._switch_plan("collected")
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._generate()
        self._pay(invoice, 1000.0, date(2026, 4, 15))
        self._generate()
        self.assertRecordValues(
            self._lines(invoice), [{"basis": "invoiced", "amount": 40.0}]
        )

    def test_invoice_sold_on_collection_earns_when_paid_after_the_switch(self):
        self.plan.base = "collected"
        self._switch_plan("invoiced")
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._generate()
        self.assertFalse(self._lines(invoice))
        self._pay(invoice, 1000.0, date(2026, 4, 15))
        self._generate()
        # collected in April under the terms it was sold on: 1,000 * 4 % = 40
        self.assertRecordValues(
            self._lines(invoice),
            [
                {
                    "basis": "collected",
                    "plan_id": self.plan.id,
                    "amount": 40.0,
                    "period_start": date(2026, 4, 1),
                }
            ],
        )

    def test_plan_basis_changed_in_place_does_not_pay_twice(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._generate()
        self.plan.base = "collected"
        self._pay(invoice, 1000.0)
        self._generate()
        self.assertEqual(sum(self._lines(invoice).mapped("amount")), 40.0)

    def test_plan_basis_changed_back_in_place_pays_the_rest_once(self):
        self.plan.base = "collected"
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._pay(invoice, 500.0)
        self._generate()
        # 500 collected * 4 % = 20
        self.assertEqual(self._lines(invoice).amount, 20.0)
        self.plan.base = "invoiced"
        self._generate()
        self.assertEqual(self._lines(invoice).amount, 20.0)
        self._pay(invoice, 500.0, date(2026, 3, 25))
        self._generate()
        # the other 500 on collection too: 20 + 20 = 40, never 60
        self.assertEqual(self._lines(invoice).mapped("amount"), [20.0, 20.0])

    @mute_logger("odoo.sql_db")
    def test_database_refuses_an_invoice_earning_on_two_bases(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        line = self._generate()
        payment = self._pay(invoice, 1000.0)
        partial = self.env["account.partial.reconcile"].search(
            [("credit_move_id.move_id", "=", payment.move_id.id)]
        )
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            line.copy(
                {"source_partial": partial.id, "partial_reconcile_id": partial.id}
            )
            self.env.flush_all()
        # the same basis again is a different key: accepted
        other = line.copy({"user_id": self.rep_2.id})
        self.assertEqual(other.move_id, invoice)
