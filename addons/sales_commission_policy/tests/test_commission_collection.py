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

    def _receivable(self, move):
        return move.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )

    def _rematch(self, invoice, payment):
        (self._receivable(invoice) | self._receivable(payment.move_id)).reconcile()

    def test_unmatched_payment_earns_once_when_matched_again(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        payment = self._pay(invoice, 1000.0)
        self._generate()
        # 1,000 collected * 4 % (category Equipment) = 40
        self.assertEqual(self._lines(invoice).amount, 40.0)
        self._receivable(invoice).remove_move_reconcile()
        # not settled yet: the commission of the undone matching is dropped
        self.assertFalse(self._lines(invoice))
        self.assertFalse(self._generate())
        self._rematch(invoice, payment)
        self._generate()
        # matched again: 40 once, not 80
        self.assertRecordValues(
            self._lines(invoice), [{"amount": 40.0, "revenue_amount": 1000.0}]
        )
        self.assertFalse(self._generate())

    def test_unmatching_a_settled_payment_takes_its_commission_back(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        payment = self._pay(invoice, 1000.0)
        self._generate()
        settlement = self.env["sales.commission.settlement"]._settle(
            date(2026, 3, 1), date(2026, 3, 31), self.company
        )
        self._approve_settlement(settlement)
        self._receivable(invoice).remove_move_reconcile()
        # the approved line stays locked; a -40 line takes it back and waits
        # for the next settlement: 40 - 40 = 0
        self.assertRecordValues(
            self._lines(invoice),
            [
                {
                    "amount": 40.0,
                    "revenue_amount": 1000.0,
                    "settlement_id": settlement.id,
                },
                {"amount": -40.0, "revenue_amount": -1000.0, "settlement_id": False},
            ],
        )
        self.assertEqual(sum(self._lines(invoice).mapped("amount")), 0.0)
        self._rematch(invoice, payment)
        self._generate()
        # 40 - 40 + 40 = 40: the payment earns once in total
        lines = self._lines(invoice)
        self.assertEqual(len(lines), 3)
        self.assertEqual(sum(lines.mapped("amount")), 40.0)
        self.assertFalse(self._generate())
