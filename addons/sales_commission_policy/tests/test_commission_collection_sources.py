# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionCollectionSources(SalesCommissionCommon):
    """On the collection basis only money received counts (SP-COM-08).

    Payments through bank or cash journals earn; write-offs, netting and
    exchange entries (miscellaneous journals), the written-off part of a
    payment and credit notes matched with an invoice do not. Pump: 4 %.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.base = "collected"
        Account = cls.env["account.account"]
        company_accounts = [("company_ids", "in", cls.company.id)]
        cls.expense_account = Account.search(
            [*company_accounts, ("account_type", "=", "expense")], limit=1
        )
        cls.payable_account = Account.search(
            [*company_accounts, ("account_type", "=", "liability_payable")], limit=1
        )
        cls.misc_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "general")], limit=1
        )

    @staticmethod
    def _receivable(move):
        return move.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )

    def _settle_by_entry(self, invoice, amount, account, entry_date=date(2026, 3, 25)):
        """A miscellaneous entry moving ``amount`` of the invoice's receivable
        to ``account``, matched with the invoice."""
        receivable = self._receivable(invoice)
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.misc_journal.id,
                "date": entry_date,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": receivable.account_id.id,
                            "partner_id": invoice.commercial_partner_id.id,
                            "credit": amount,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": account.id,
                            "partner_id": invoice.commercial_partner_id.id,
                            "debit": amount,
                        }
                    ),
                ],
            }
        )
        entry.action_post()
        (receivable | self._receivable(entry)).reconcile()
        return entry

    def test_write_off_entry_earns_nothing(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._pay(invoice, 600.0)
        self._settle_by_entry(invoice, 400.0, self.expense_account)
        self.assertEqual(invoice.payment_state, "paid")
        self._generate()
        # 600 received * 4 % = 24; the 400 written off earns nothing
        self.assertRecordValues(
            self._lines(invoice), [{"revenue_amount": 600.0, "amount": 24.0}]
        )

    def test_netting_against_a_payable_earns_nothing(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._settle_by_entry(invoice, 1000.0, self.payable_account)
        self.assertEqual(invoice.payment_state, "paid")
        self._generate()
        self.assertFalse(self._lines(invoice))

    def test_written_off_difference_of_a_payment_earns_nothing(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": 900.0,
                    "payment_date": date(2026, 3, 20),
                    "journal_id": self.bank_journal.id,
                    "payment_difference_handling": "reconcile",
                    "writeoff_account_id": self.expense_account.id,
                    "writeoff_label": "Discount",
                }
            )
            ._create_payments()
        )
        self.assertEqual(invoice.payment_state, "paid")
        self._generate()
        # 900 of the 1,000 matched is money received: 900 * 4 % = 36
        self.assertRecordValues(
            self._lines(invoice), [{"revenue_amount": 900.0, "amount": 36.0}]
        )

    def test_credit_note_matched_with_the_invoice_earns_nothing(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        refund = self._invoice(
            [(self.pump, 1, 400.0)],
            move_type="out_refund",
            invoice_date=date(2026, 3, 15),
        )
        (self._receivable(invoice) | self._receivable(refund)).reconcile()
        self._pay(invoice, 600.0)
        self._generate()
        # 600 received * 4 % = 24 = (1,000 - 400) * 4 %; the credit note
        # neither earns on the invoice nor takes commission back
        self.assertRecordValues(
            self._lines(invoice | refund),
            [{"move_id": invoice.id, "revenue_amount": 600.0, "amount": 24.0}],
        )
