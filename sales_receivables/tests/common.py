# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, fields

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)


class SalesReceivablesCommon(SalesPolicyCommon):
    """A company with a chart of accounts, a customer owned by ``cls.rep``,
    a tax-free product and helpers for invoices and partial payments.

    The company currency is used throughout; amounts are untaxed.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls._ensure_chart(cls.company)
        # the reps work in the manager's team: with customer confidentiality
        # (sales_customer_dev) a manager reads the customers of their team
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Receivables Team",
                "user_id": cls.manager.id,
                "member_ids": [Command.set((cls.rep | cls.rep_2).ids)],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Receivables Customer", "is_company": True, "user_id": cls.rep.id}
        )
        cls.customer_2 = cls.env["res.partner"].create(
            {
                "name": "Receivables Customer Two",
                "is_company": True,
                "user_id": cls.rep_2.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Receivables Widget",
                "list_price": 100.0,
                "type": "service",
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
            }
        )
        cls.bank_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1
        )

    @classmethod
    def _ensure_chart(cls, company):
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )

    @classmethod
    def _invoice(
        cls,
        amount,
        due=None,
        partner=None,
        invoice_date=None,
        user=None,
        move_type="out_invoice",
        post=True,
    ):
        """A customer invoice (or credit note) of ``amount`` due on ``due``."""
        due = due or fields.Date.today()
        invoice_date = invoice_date or min(due, fields.Date.today())
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": (partner or cls.customer).id,
                    "invoice_user_id": (user or cls.rep).id,
                    "invoice_date": invoice_date,
                    "invoice_date_due": due,
                    "invoice_payment_term_id": False,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount, pay_date=None):
        """Register a payment of ``amount`` on ``invoice`` dated ``pay_date``."""
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": pay_date or fields.Date.today(),
                    "journal_id": cls.bank_journal.id,
                    "payment_difference_handling": "open",
                }
            )
        )
        return wizard._create_payments()

    @staticmethod
    def _date(year, month, day):
        return date(year, month, day)
