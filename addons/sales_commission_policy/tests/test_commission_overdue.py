# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionOverdueHold(SalesCommissionCommon):
    """Invoice basis: overdue customers' unpaid sales earn nothing until paid
    (policy clause SP-COM-09)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.hold_overdue = True
        cls.Settlement = cls.env["sales.commission.settlement"]

    def _due_invoice(self, lines, invoice_date, due_date):
        invoice = self._invoice(lines, invoice_date=invoice_date, post=False)
        invoice.invoice_date_due = due_date
        invoice.action_post()
        self.assertEqual(invoice.invoice_date_due, due_date)
        return invoice

    def _settle_month(self, month):
        start = date(2026, month, 1)
        end = date(2026, month + 1, 1) - timedelta(days=1)
        settlements = self.Settlement._settle(start, end, self.company)
        return settlements.filtered(lambda s: s.user_id == self.rep)

    def test_overdue_unpaid_invoice_is_held_until_paid(self):
        # all for customer_a (grade A, rep):
        # overdue: pump 1,000 * 4 % = 40, due 10 March, only 300 paid
        overdue = self._due_invoice(
            [(self.pump, 1, 1000.0)], date(2026, 3, 10), date(2026, 3, 10)
        )
        self._pay(overdue, 300.0, date(2026, 3, 20))
        # paid: service 500 * 3 % = 15, due 12 March, paid in full
        paid = self._due_invoice(
            [(self.service, 1, 500.0)], date(2026, 3, 12), date(2026, 3, 12)
        )
        self._pay(paid, 500.0, date(2026, 3, 20))
        # not due yet at the end of March: service 200 * 3 % = 6, due 24 April
        not_due = self._due_invoice(
            [(self.service, 1, 200.0)], date(2026, 3, 25), date(2026, 4, 24)
        )
        self._generate()
        march = self._settle_month(3)
        # 15 + 6 = 21; the overdue invoice's 40 is held
        self.assertEqual(march.amount_total, 21.0)
        self.assertEqual(march.line_ids.move_id, paid | not_due)
        held = self._lines(overdue)
        self.assertFalse(held.settlement_id)
        # the customer pays the remaining 700 in April: the 40 is settled then
        self._pay(overdue, 700.0, date(2026, 4, 5))
        april = self._settle_month(4)
        self.assertEqual(april.line_ids, held)
        self.assertEqual(april.amount_total, 40.0)

    def test_plan_without_hold_settles_overdue_invoices(self):
        self.plan.hold_overdue = False
        overdue = self._due_invoice(
            [(self.pump, 1, 1000.0)], date(2026, 3, 10), date(2026, 3, 10)
        )
        self._generate()
        march = self._settle_month(3)
        # pump 1,000 * 4 % = 40, unpaid but settled
        self.assertEqual(march.line_ids.move_id, overdue)
        self.assertEqual(march.amount_total, 40.0)

    def test_only_held_lines_leave_nothing_to_settle(self):
        self._due_invoice(
            [(self.pump, 1, 1000.0)], date(2026, 3, 10), date(2026, 3, 10)
        )
        self._generate()
        with self.assertRefused(UserError, "held until paid"):
            self._settle_month(3)
