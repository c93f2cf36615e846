# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionCollection(SalesCommissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.base = "collected"

    def test_unpaid_invoice_earns_nothing(self):
        invoice = self._invoice([(self.pump, 1, 1200.0)])
        self._generate()
        self.assertFalse(self._lines(invoice))

    def test_partial_payments_earn_pro_rata(self):
        invoice = self._invoice(
            [(self.pump, 1, 1000.0), (self.service, 1, 200.0)],
            splits=[(self.rep, 50.0), (self.rep_2, 50.0)],
        )
        self._pay(invoice, 300.0, date(2026, 3, 20))
        self._generate()
        # 300 of 1,200 collected = 25 %
        # pump: 1,000 * 25 % = 250, 125 per rep, 4 % -> 5.00 each
        # service: 200 * 25 % = 50, 25 per rep, grade A 3 % -> 0.75 each
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 4)
        self.assertEqual(sum(lines.mapped("revenue_amount")), 300.0)
        self.assertEqual(sorted(lines.mapped("amount")), [0.75, 0.75, 5.0, 5.0])
        self.assertEqual(set(lines.mapped("period_start")), {date(2026, 3, 1)})
        # the rest (900 = 75 %) is paid in April:
        # pump 750 -> 375 per rep -> 15.00; service 150 -> 75 per rep -> 2.25
        self._pay(invoice, 900.0, date(2026, 4, 15))
        self._generate()
        april = self._lines(invoice).filtered(
            lambda line: line.date == date(2026, 4, 15)
        )
        self.assertEqual(sorted(april.mapped("amount")), [2.25, 2.25, 15.0, 15.0])
        # in total exactly the invoice basis: 1,000 * 4 % + 200 * 3 % = 46
        self.assertAlmostEqual(sum(self._lines(invoice).mapped("amount")), 46.0)
        self.assertTrue(all(line.partial_reconcile_id for line in self._lines(invoice)))

    def test_refund_paid_back_reverses_commission(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._pay(invoice, 1000.0)
        refund = self._invoice(
            [(self.pump, 1, 400.0)],
            move_type="out_refund",
            invoice_date=date(2026, 3, 25),
        )
        self._pay(refund, 400.0, date(2026, 3, 26))
        self._generate()
        # +1,000 * 4 % = 40 on collection; -400 * 4 % = -16 when paid back
        self.assertRecordValues(
            self._lines(invoice | refund),
            [
                {"move_id": invoice.id, "amount": 40.0, "revenue_amount": 1000.0},
                {"move_id": refund.id, "amount": -16.0, "revenue_amount": -400.0},
            ],
        )

    def test_payment_generates_once(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._pay(invoice, 500.0)
        self.assertEqual(len(self._generate()), 1)
        self.assertFalse(self._generate())
        # 500 * 4 % = 20
        self.assertEqual(self._lines(invoice).amount, 20.0)
