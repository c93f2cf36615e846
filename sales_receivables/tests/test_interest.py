# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Overdue interest through the ORM: terms, the "Compute interest" action,
the monthly cron, never twice the same days, bad input and access.

Expected amounts are computed by hand in the comments (rate 12 % a year over
365 days unless said otherwise)."""

from datetime import date, timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon

DUE = date(2026, 1, 31)
AS_OF = date(2026, 3, 2)
CHARGE_LOGGER = "odoo.addons.sales_receivables.models.sales_interest_charge"


@tagged("post_install", "-at_install")
class TestOverdueInterest(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_interest_rate": 12.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 0,
            }
        )
        cls.Charge = cls.env["sales.interest.charge"]
        cls.interest_product = cls.env.ref("sales_receivables.product_overdue_interest")

    def _compute(self, as_of, user=None, **values):
        """Run "Compute interest" as ``user`` (finance by default); the
        charges it created."""
        wizard = (
            self.env["sales.interest.compute.wizard"]
            .with_user(user or self.finance_reviewer)
            .create({"date": as_of, **values})
        )
        action = wizard.action_compute()
        if action.get("res_model") != "sales.interest.charge":
            return self.Charge
        return self.Charge.browse(action["domain"][0][2])

    # --- terms -----------------------------------------------------------------
    def test_invoice_terms_come_from_order_then_customer_then_company(self):
        invoice = self._invoice(1000.0, due=DUE)
        self.assertRecordValues(
            invoice,
            [
                {
                    "sales_interest_rate": 12.0,
                    "sales_interest_basis": "annual",
                    "sales_interest_grace_days": 0,
                }
            ],
        )
        self.customer.write(
            {
                "sales_interest_custom": True,
                "sales_interest_rate": 0.05,
                "sales_interest_basis": "daily_percent",
                "sales_interest_grace_days": 5,
            }
        )
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        # a commercial field: the contact follows its company
        self.assertEqual(contact.sales_interest_basis, "daily_percent")
        invoice = self._invoice(1000.0, due=DUE, partner=contact)
        self.assertRecordValues(
            invoice,
            [
                {
                    "sales_interest_rate": 0.05,
                    "sales_interest_basis": "daily_percent",
                    "sales_interest_grace_days": 5,
                }
            ],
        )
        # the contract (sale order) starts from the customer's terms ...
        order = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": 500.0,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        self.assertEqual(order.sales_interest_basis, "daily_percent")
        # ... and its own terms (set by a sales manager) go to its invoices
        order.with_user(self.manager).write(
            {
                "sales_interest_rate": 18.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 10,
            }
        )
        order.action_confirm()
        order_invoice = order._create_invoices()
        self.assertRecordValues(
            order_invoice,
            [
                {
                    "sales_interest_rate": 18.0,
                    "sales_interest_basis": "annual",
                    "sales_interest_grace_days": 10,
                }
            ],
        )
        # credit notes carry no interest terms
        refund = self._invoice(100.0, move_type="out_refund")
        self.assertEqual(refund.sales_interest_rate, 0.0)

    def test_company_terms_from_settings(self):
        settings = self.env["res.config.settings"].create(
            {
                "sales_interest_rate": 0.5,
                "sales_interest_basis": "daily_permille",
                "sales_interest_grace_days": 7,
            }
        )
        settings.execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "sales_interest_rate": 0.5,
                    "sales_interest_basis": "daily_permille",
                    "sales_interest_grace_days": 7,
                }
            ],
        )

    def test_negative_rate_or_grace_days_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.company.sales_interest_rate = -1.0
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.company.sales_interest_grace_days = -3
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.customer.write(
                {"sales_interest_custom": True, "sales_interest_rate": -0.1}
            )
        # (a draft invoice: the terms of a posted one are not editable at all)
        invoice = self._invoice(1000.0, due=DUE, post=False)
        with self.assertRefused(ValidationError, "cannot be negative"):
            invoice.with_user(self.finance_reviewer).sales_interest_grace_days = -1
        # zero and positive values are accepted
        self.company.write(
            {"sales_interest_rate": 0.0, "sales_interest_grace_days": 30}
        )
        invoice.with_user(self.finance_reviewer).sales_interest_grace_days = 15
        self.assertEqual(self.company.sales_interest_grace_days, 30)
        self.assertEqual(invoice.sales_interest_grace_days, 15)

    def test_posted_invoice_interest_terms_cannot_be_changed(self):
        invoice = self._invoice(1000.0, due=DUE)
        for values in (
            {"sales_interest_rate": 1.0},
            {"sales_interest_basis": "daily_percent"},
            {"sales_interest_grace_days": 30},
        ):
            with self.assertRefused(UserError, "the invoice is posted"):
                invoice.with_user(self.finance_reviewer).write(values)
        self.assertRecordValues(
            invoice,
            [
                {
                    "sales_interest_rate": 12.0,
                    "sales_interest_basis": "annual",
                    "sales_interest_grace_days": 0,
                }
            ],
        )
        # writing the same terms again is no change
        invoice.with_user(self.finance_reviewer).write({"sales_interest_rate": 12.0})
        # reset to draft, the terms can be corrected, then posted again
        invoice.button_draft()
        invoice.with_user(self.finance_reviewer).sales_interest_grace_days = 30
        invoice.action_post()
        self.assertEqual(invoice.sales_interest_grace_days, 30)

    def test_compute_as_of_a_future_date_refused(self):
        self._invoice(10000.0, due=DUE)
        tomorrow = fields.Date.today() + timedelta(days=1)
        with self.assertRefused(ValidationError, "after today"):
            self._compute(tomorrow)
        self.assertFalse(self.Charge.search([]))
        # today is accepted: 10000 overdue since 31 Jan 2026 is charged
        self.assertTrue(self._compute(fields.Date.today()))

    # --- computing and charging --------------------------------------------------
    def test_one_draft_interest_invoice_per_customer_partial_payment_respected(self):
        invoice_1 = self._invoice(10000.0, due=DUE)
        self._pay(invoice_1, 4000.0, date(2026, 2, 15))
        invoice_2 = self._invoice(3650.0, due=date(2026, 2, 20))
        invoice_3 = self._invoice(7300.0, due=date(2026, 2, 1), partner=self.customer_2)
        charges = self._compute(AS_OF)
        self.assertEqual(len(charges), 2)
        charge = charges.filtered(lambda c: c.partner_id == self.customer)
        # invoice 1: 1..14 Feb on 10000 = 16800 / 365 = 46.0274
        #            15 Feb..2 Mar (16 days) on 6000 = 11520 / 365 = 31.5616
        #            total 28320 / 365 = 77.5890 -> 77.59 (46.03 + 31.56)
        # invoice 2: 21 Feb..2 Mar = 10 days: 3650 * 0.12 * 10 / 365 = 12.00
        self.assertRecordValues(
            charge.line_ids.sorted(lambda line: (line.invoice_id.id, line.date_from)),
            [
                {
                    "invoice_id": invoice_1.id,
                    "date_from": date(2026, 2, 1),
                    "date_to": date(2026, 2, 14),
                    "days": 14,
                    "residual": 10000.0,
                    "rate": 12.0,
                    "amount": 46.03,
                },
                {
                    "invoice_id": invoice_1.id,
                    "date_from": date(2026, 2, 15),
                    "date_to": date(2026, 3, 2),
                    "days": 16,
                    "residual": 6000.0,
                    "rate": 12.0,
                    "amount": 31.56,
                },
                {
                    "invoice_id": invoice_2.id,
                    "date_from": date(2026, 2, 21),
                    "date_to": date(2026, 3, 2),
                    "days": 10,
                    "residual": 3650.0,
                    "rate": 12.0,
                    "amount": 12.0,
                },
            ],
        )
        move = charge.move_id
        # 77.59 + 12.00 = 89.59, one line per source invoice
        self.assertRecordValues(
            charge,
            [{"state": "draft", "amount_total": 89.59, "user_id": self.rep.id}],
        )
        self.assertRecordValues(
            move,
            [
                {
                    "move_type": "out_invoice",
                    "state": "draft",
                    "partner_id": self.customer.id,
                    "amount_total": 89.59,
                    "sales_interest_rate": 0.0,
                }
            ],
        )
        income = self.interest_product.with_company(
            self.company
        )._get_product_accounts()["income"]
        self.assertRecordValues(
            move.invoice_line_ids.sorted("price_unit"),
            [
                {"product_id": self.interest_product.id, "price_unit": 12.0},
                {"product_id": self.interest_product.id, "price_unit": 77.59},
            ],
        )
        self.assertEqual(move.invoice_line_ids.account_id, income)
        # customer 2: 2 Feb..2 Mar = 29 days: 7300 * 0.12 * 29 / 365 = 69.60
        other = charges - charge
        self.assertRecordValues(
            other, [{"partner_id": self.customer_2.id, "amount_total": 69.6}]
        )
        self.assertEqual(other.line_ids.invoice_id, invoice_3)
        self.assertEqual(
            (invoice_1 | invoice_2 | invoice_3).mapped(
                "sales_interest_charged_through"
            ),
            [AS_OF] * 3,
        )

    def test_grace_days_and_leap_year_on_customer_terms(self):
        self.customer.write(
            {
                "sales_interest_custom": True,
                "sales_interest_rate": 10.0,
                "sales_interest_basis": "annual",
                "sales_interest_grace_days": 5,
            }
        )
        invoice = self._invoice(3650.0, due=date(2024, 2, 10))
        charge = self._compute(date(2024, 3, 15))
        # (a past leap year: the wizard refuses future dates)
        # grace ends 15 Feb; 16..29 Feb 2024 = 14 days + 1..15 Mar = 15 -> 29
        # 3650 * 10 % * 29 / 365 = 29.00
        self.assertRecordValues(
            charge.line_ids,
            [
                {
                    "invoice_id": invoice.id,
                    "date_from": date(2024, 2, 16),
                    "days": 29,
                    "amount": 29.0,
                }
            ],
        )

    def test_second_run_charges_only_the_new_days(self):
        invoice = self._invoice(10000.0, due=DUE)
        first = self._compute(date(2026, 2, 15))
        # 1..15 Feb = 15 days: 10000 * 0.12 * 15 / 365 = 49.3150 -> 49.32
        self.assertEqual(first.amount_total, 49.32)
        # the interest invoice itself never bears interest
        first.move_id.action_post()
        second = self._compute(AS_OF)
        # 16 Feb..2 Mar = 15 days -> 49.32 again, on the source invoice only
        self.assertRecordValues(
            second.line_ids,
            [
                {
                    "invoice_id": invoice.id,
                    "date_from": date(2026, 2, 16),
                    "date_to": AS_OF,
                    "amount": 49.32,
                }
            ],
        )
        self.assertEqual(first.state, "posted")
        # the same day again: nothing left to charge
        self.assertFalse(self._compute(AS_OF))
        self.assertEqual(invoice.sales_interest_charged_through, AS_OF)

    def test_invoice_paid_late_is_charged_until_paid_then_settled(self):
        late = self._invoice(10000.0, due=DUE)
        self._pay(late, 10000.0, date(2026, 2, 15))
        on_time = self._invoice(5000.0, due=DUE)
        self._pay(on_time, 5000.0, date(2026, 1, 20))
        charge = self._compute(AS_OF)
        # 1..14 Feb on 10000 = 16800 / 365 = 46.0274 -> 46.03; nothing after
        self.assertRecordValues(
            charge.line_ids,
            [{"invoice_id": late.id, "date_to": date(2026, 2, 14), "amount": 46.03}],
        )
        self.assertEqual((late | on_time).mapped("sales_interest_settled"), [True] * 2)
        self.assertFalse(self._compute(date(2026, 3, 31)))

    def test_cancelling_or_deleting_the_interest_invoice_frees_the_days(self):
        invoice = self._invoice(10000.0, due=DUE)
        # 30 days: 36000 / 365 = 98.63
        first = self._compute(AS_OF)
        self.assertEqual(first.amount_total, 98.63)
        first.move_id.with_user(self.finance_reviewer).button_cancel()
        self.assertRecordValues(first, [{"state": "cancel"}])
        self.assertEqual(first.line_ids.state, "cancel")
        self.assertFalse(invoice.sales_interest_charged_through)
        second = self._compute(AS_OF)
        self.assertEqual(second.amount_total, 98.63)
        self.assertEqual(invoice.sales_interest_charged_through, AS_OF)
        second.move_id.with_user(self.finance_reviewer).unlink()
        self.assertRecordValues(second, [{"state": "cancel", "move_id": False}])
        self.assertFalse(invoice.sales_interest_charged_through)
        third = self._compute(AS_OF)
        self.assertEqual(third.amount_total, 98.63)

    def test_database_refuses_the_same_days_twice(self):
        invoice = self._invoice(10000.0, due=DUE)
        charge = self._compute(AS_OF)
        other_move = self._invoice(1.0, due=AS_OF, post=False)
        values = {
            "name": "DUPLICATE",
            "date": AS_OF,
            "partner_id": self.customer.id,
            "currency_id": self.company.currency_id.id,
            "move_id": other_move.id,
            "line_ids": [
                Command.create(
                    {
                        "invoice_id": invoice.id,
                        "date_from": date(2026, 2, 1),
                        "date_to": AS_OF,
                        "days": 30,
                        "residual": 10000.0,
                        "rate": 12.0,
                        "amount": 98.63,
                    }
                )
            ],
        }
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.Charge.create(values)
            self.env.flush_all()
        # once the first charge is cancelled, the days may be charged again
        charge.move_id.button_cancel()
        duplicate = self.Charge.create(values)
        self.env.flush_all()
        self.assertEqual(duplicate.state, "draft")

    # --- bad input -------------------------------------------------------------
    def test_interest_on_credit_note_vendor_bill_or_draft_refused(self):
        refund = self._invoice(100.0, due=DUE, move_type="out_refund")
        with self.assertRefused(UserError, "customer invoices only"):
            self._compute(AS_OF, invoice_ids=[Command.set(refund.ids)])
        bill = self._invoice(100.0, due=DUE, move_type="in_invoice")
        with self.assertRefused(UserError, "customer invoices only"):
            self._compute(AS_OF, invoice_ids=[Command.set(bill.ids)])
        draft = self._invoice(100.0, due=DUE, post=False)
        with self.assertRefused(UserError, "posted invoices only"):
            self._compute(AS_OF, invoice_ids=[Command.set(draft.ids)])
        self.assertFalse(self.Charge.search([]))
        # a posted customer invoice selected from the list is charged
        invoice = self._invoice(10000.0, due=DUE)
        wizard = (
            self.env["sales.interest.compute.wizard"]
            .with_user(self.finance_reviewer)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"date": AS_OF})
        )
        self.assertEqual(wizard.invoice_ids, invoice)
        wizard.action_compute()
        self.assertEqual(invoice.sales_interest_charged_through, AS_OF)

    def test_cron_keeps_going_past_a_bad_customer(self):
        today = fields.Date.today()
        bad = self._invoice(3650.0, due=today - timedelta(days=30))
        good = self._invoice(
            3650.0, due=today - timedelta(days=30), partner=self.customer_2
        )
        charge_class = type(self.Charge)
        original = charge_class._create_interest_invoice
        customer = self.customer

        def failing(self, name, partner, *args):
            if partner == customer:
                raise RuntimeError("the interest journal is locked")
            return original(self, name, partner, *args)

        with (
            patch.object(charge_class, "_create_interest_invoice", failing),
            mute_logger(CHARGE_LOGGER),
        ):
            self.Charge._cron_compute_interest()
        # 30 days: 3650 * 0.12 * 30 / 365 = 36.00
        self.assertRecordValues(
            self.Charge.search([]),
            [{"partner_id": self.customer_2.id, "amount_total": 36.0}],
        )
        self.assertEqual(good.sales_interest_charged_through, today)
        self.assertFalse(bad.sales_interest_charged_through)
        # the next run charges the customer that failed
        self.Charge._cron_compute_interest()
        self.assertEqual(bad.sales_interest_charged_through, today)

    def _instalment_invoice(self):
        """1000 invoiced on 1 Jan 2026 in two instalments: 500 due on 31 Jan
        (30 days) and 500 due on 28 Feb (58 days); 200 paid on 10 Feb."""
        term = self.env["account.payment.term"].create(
            {
                "name": "Half at 30 days, half at 58 days",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 50.0, "nb_days": 30}
                    ),
                    Command.create(
                        {"value": "percent", "value_amount": 50.0, "nb_days": 58}
                    ),
                ],
            }
        )
        invoice = (
            self.env["account.move"]
            .with_company(self.company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "invoice_user_id": self.rep.id,
                    "invoice_date": date(2026, 1, 1),
                    "invoice_payment_term_id": term.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "quantity": 1,
                                "price_unit": 1000.0,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        invoice.action_post()
        self._pay(invoice, 200.0, date(2026, 2, 10))
        receivables = invoice.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).sorted("date_maturity")
        # the payment went to the first instalment; the invoice's due date is
        # its last instalment's
        self.assertRecordValues(
            receivables,
            [
                {"date_maturity": DUE, "amount_residual": 300.0},
                {"date_maturity": date(2026, 2, 28), "amount_residual": 500.0},
            ],
        )
        self.assertEqual(invoice.invoice_date_due, date(2026, 2, 28))
        return invoice

    def test_overdue_first_instalment_accrues_before_the_last_is_due(self):
        invoice = self._instalment_invoice()
        # as of 20 Feb, only the first instalment (due 31 Jan) is overdue:
        #   1..9 Feb, 9 days on 500:   500 * 0.12 * 9 / 365  =  540 / 365
        #   10..20 Feb, 11 days on 300: 300 * 0.12 * 11 / 365 = 396 / 365
        #   936 / 365 = 2.5644 -> 2.56 (1.48 + 1.08 by largest remainder:
        #   1.4795 and 1.0849 floor to 1.47 + 1.08, the missing cent goes to
        #   the larger remainder, 0.95 of a cent)
        charge = self._compute(date(2026, 2, 20))
        self.assertRecordValues(
            charge.line_ids.sorted("date_from"),
            [
                {
                    "invoice_id": invoice.id,
                    "date_maturity": DUE,
                    "date_from": date(2026, 2, 1),
                    "date_to": date(2026, 2, 9),
                    "days": 9,
                    "residual": 500.0,
                    "amount": 1.48,
                },
                {
                    "invoice_id": invoice.id,
                    "date_maturity": DUE,
                    "date_from": date(2026, 2, 10),
                    "date_to": date(2026, 2, 20),
                    "days": 11,
                    "residual": 300.0,
                    "amount": 1.08,
                },
            ],
        )
        self.assertEqual(charge.amount_total, 2.56)
        # as of 31 Mar, both instalments run, each from its own due date:
        #   first:  21 Feb..31 Mar, 8 + 31 = 39 days on 300:
        #           300 * 0.12 * 39 / 365 = 1404 / 365 = 3.8466 -> 3.85
        #   second: 1..31 Mar, 31 days on 500:
        #           500 * 0.12 * 31 / 365 = 1860 / 365 = 5.0959 -> 5.10
        #   3.85 + 5.10 = 8.95 (the two runs: 2.56 + 8.95 = 11.51, as one run
        #   from scratch: 2340 / 365 = 6.41 on the first plus 5.10)
        # (before 18.0.1.2.0: nothing as of 20 Feb, then 800 from 1 Mar only)
        charge = self._compute(date(2026, 3, 31))
        self.assertRecordValues(
            charge.line_ids.sorted("date_maturity"),
            [
                {
                    "date_maturity": DUE,
                    "date_from": date(2026, 2, 21),
                    "date_to": date(2026, 3, 31),
                    "days": 39,
                    "residual": 300.0,
                    "amount": 3.85,
                },
                {
                    "date_maturity": date(2026, 2, 28),
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                    "days": 31,
                    "residual": 500.0,
                    "amount": 5.10,
                },
            ],
        )
        # one interest-invoice line per instalment, naming its due date
        self.assertRecordValues(
            charge.move_id.invoice_line_ids.sorted("price_unit"),
            [{"price_unit": 3.85}, {"price_unit": 5.10}],
        )
        self.assertIn("instalment due", charge.move_id.invoice_line_ids[0].name)
        self.assertEqual(invoice.sales_interest_charged_through, date(2026, 3, 31))

    def test_interest_on_instalments_from_scratch(self):
        invoice = self._instalment_invoice()
        # as of 31 Mar in one run:
        #   first:  1..9 Feb on 500: 540 / 365; 10 Feb..31 Mar (19 + 31 = 50
        #           days) on 300: 1800 / 365; 2340 / 365 = 6.4110 -> 6.41
        #   second: 1..31 Mar on 500: 1860 / 365 = 5.0959 -> 5.10
        #   total 6.41 + 5.10 = 11.51
        charge = self._compute(date(2026, 3, 31))
        self.assertEqual(charge.line_ids.invoice_id, invoice)
        self.assertEqual(charge.amount_total, 11.51)
        by_due = {
            due: sum(
                charge.line_ids.filtered(
                    lambda line, d=due: line.date_maturity == d
                ).mapped("amount")
            )
            for due in (DUE, date(2026, 2, 28))
        }
        self.assertAlmostEqual(by_due[DUE], 6.41)
        self.assertAlmostEqual(by_due[date(2026, 2, 28)], 5.10)

    # --- access ----------------------------------------------------------------
    def test_reps_read_their_customers_charges_only_finance_manages(self):
        self._invoice(10000.0, due=DUE)
        self._invoice(10000.0, due=DUE, partner=self.customer_2)
        charges = self._compute(AS_OF)
        Line = self.env["sales.interest.charge.line"]
        self.assertEqual(Line.with_user(self.rep).search([]).partner_id, self.customer)
        self.assertEqual(
            self.Charge.with_user(self.rep_2).search([]).partner_id, self.customer_2
        )
        self.assertEqual(Line.with_user(self.manager).search([]), charges.line_ids)
        self.assertFalse(Line.with_user(self.rep_company_b).search([]))
        with self.assertRaises(AccessError):
            charges.with_user(self.manager).write({"date": AS_OF})
        with self.assertRaises(AccessError):
            self._compute(AS_OF, user=self.rep)
        with self.assertRaises(AccessError):
            charges.line_ids.with_user(self.rep).unlink()

    # --- set-based selection -----------------------------------------------------
    def _query_count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        return self.env.cr.sql_log_count - before

    def test_candidates_and_payments_are_read_in_a_fixed_number_of_queries(self):
        Charge = self.Charge.with_user(self.finance_reviewer)

        def select():
            candidates = Charge._interest_candidates(AS_OF, self.company)
            Charge._interest_instalments(candidates)
            return candidates

        first = self._invoice(1000.0, due=DUE)
        self._pay(first, 100.0, date(2026, 2, 10))
        select()  # warm the access-rule caches of the user
        few = self._query_count(select)
        for index in range(6):
            invoice = self._invoice(
                1000.0 + index,
                due=DUE,
                partner=self.customer_2 if index % 2 else self.customer,
            )
            self._pay(invoice, 10.0, date(2026, 2, 10))
        self.assertEqual(len(select()), 7)
        self.assertEqual(self._query_count(select), few)

    def test_compute_for_selected_customers_only(self):
        self._invoice(10000.0, due=DUE)
        other = self._invoice(10000.0, due=DUE, partner=self.customer_2)
        wizard = (
            self.env["sales.interest.compute.wizard"]
            .with_user(self.finance_reviewer)
            .with_context(active_model="res.partner", active_ids=self.customer.ids)
            .create({"date": AS_OF})
        )
        self.assertEqual(wizard.partner_ids, self.customer)
        wizard.action_compute()
        self.assertEqual(self.Charge.search([]).partner_id, self.customer)
        self.assertFalse(other.sales_interest_charged_through)

    def test_finance_works_from_the_forms(self):
        invoice = self._invoice(10000.0, due=DUE)
        with Form(
            self.env["sales.interest.compute.wizard"].with_user(self.finance_reviewer)
        ) as wizard_form:
            wizard_form.date = AS_OF
            wizard_form.partner_ids.add(self.customer)
        wizard_form.record.action_compute()
        invoice_form = Form(invoice.with_user(self.finance_reviewer))
        self.assertEqual(
            invoice_form.sales_interest_charged_through, fields.Date.to_string(AS_OF)
        )
        self.assertEqual(len(invoice_form.sales_interest_line_ids), 1)
        charge = self.Charge.search([])
        charge_form = Form(charge.with_user(self.finance_reviewer))
        # 30 days: 36000 / 365 = 98.63
        self.assertEqual(charge_form.amount_total, 98.63)
