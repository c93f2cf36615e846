# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionGeneration(SalesCommissionCommon):
    def test_most_specific_rate_wins(self):
        invoice = self._invoice(
            [
                (self.service, 1, 1000.0),
                (self.pump, 1, 1000.0),
                (self.special_pump, 1, 1000.0),
            ]
        )
        self._generate()
        lines = self._lines(invoice)
        # service: no category rule, customer grade A -> 3 %: 1,000 * 3 % = 30
        # pump: category Pumps is under Equipment (4 %) -> 40
        # special pump: product rule 6 % -> 60
        self.assertRecordValues(
            lines,
            [
                {"user_id": self.rep.id, "rate": 3.0, "amount": 30.0},
                {"user_id": self.rep.id, "rate": 4.0, "amount": 40.0},
                {"user_id": self.rep.id, "rate": 6.0, "amount": 60.0},
            ],
        )
        self.assertEqual(set(lines.mapped("sales_grade")), {"a"})
        self.assertEqual(lines[0].period_start, date(2026, 3, 1))

    def test_default_rate_for_ungraded_category(self):
        invoice = self._invoice([(self.service, 2, 500.0)], partner=self.customer_c)
        self._generate()
        # grade C has no rule, Services none: default 2 % of 1,000 = 20, owner rep_2
        self.assertRecordValues(
            self._lines(invoice),
            [{"user_id": self.rep_2.id, "revenue_amount": 1000.0, "amount": 20.0}],
        )

    def test_split_60_40_between_reps(self):
        invoice = self._invoice(
            [(self.pump, 1, 1000.0)], splits=[(self.rep, 60.0), (self.rep_2, 40.0)]
        )
        self._generate()
        # base 1,000 split 600 / 400, pump rate 4 %: 24 and 16
        self.assertRecordValues(
            self._lines(invoice),
            [
                {"user_id": self.rep.id, "revenue_amount": 600.0, "amount": 24.0},
                {"user_id": self.rep_2.id, "revenue_amount": 400.0, "amount": 16.0},
            ],
        )

    def test_credit_note_reverses_commission(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        refund = self._invoice(
            [(self.pump, 1, 250.0)],
            move_type="out_refund",
            invoice_date=date(2026, 4, 2),
        )
        self._generate()
        # invoice 1,000 * 4 % = 40; credit note -250 * 4 % = -10 in April
        self.assertRecordValues(
            self._lines(invoice | refund),
            [
                {
                    "move_id": invoice.id,
                    "amount": 40.0,
                    "revenue_amount": 1000.0,
                    "period_start": date(2026, 3, 1),
                },
                {
                    "move_id": refund.id,
                    "amount": -10.0,
                    "revenue_amount": -250.0,
                    "period_start": date(2026, 4, 1),
                },
            ],
        )

    def test_reversal_wizard_copies_the_split(self):
        invoice = self._invoice(
            [(self.pump, 1, 1000.0)], splits=[(self.rep, 50.0), (self.rep_2, 50.0)]
        )
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "date": date(2026, 3, 31)})
        )
        reversal.refund_moves()
        refund = invoice.reversal_move_ids
        refund.action_post()
        self._generate()
        # each rep: +500 * 4 % = 20 on the invoice, -20 on the credit note
        lines = self._lines(refund)
        self.assertEqual(sorted(lines.mapped("amount")), [-20.0, -20.0])
        self.assertEqual(lines.user_id, self.rep | self.rep_2)

    def test_line_never_generated_twice(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        first = self._generate()
        self.assertEqual(len(first), 1)
        second = self._generate()
        self.assertFalse(second)
        self.assertEqual(len(self._lines(invoice)), 1)

    @mute_logger("odoo.sql_db")
    def test_duplicate_source_key_refused_by_database(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        line = self._generate()
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            line.copy()
            self.env.flush_all()
        # another rep on the same invoice line is a different key: accepted
        other = line.copy({"user_id": self.rep_2.id})
        self.assertEqual(other.move_id, invoice)

    def test_marginal_tiers_against_monthly_target(self):
        self.plan.write(
            {
                "target_ids": [
                    Command.create({"user_id": self.rep_2.id, "amount": 10000})
                ],
                "tier_ids": [
                    Command.create({"threshold": 0.0, "rate": 0.0}),
                    Command.create({"threshold": 100.0, "rate": 2.0}),
                ],
            }
        )
        first = self._invoice(
            [(self.service, 1, 8000.0)],
            partner=self.customer_c,
            invoice_date=date(2026, 3, 5),
        )
        second = self._invoice(
            [(self.service, 1, 4000.0)],
            partner=self.customer_c,
            invoice_date=date(2026, 3, 9),
        )
        self._generate()
        # default rate 2 %. Target 10,000; above 100 % of it +2 %.
        # first: 8,000 * 2 % = 160, achievement 8,000 < 10,000: no tier bonus
        # second: 4,000 * 2 % = 80; 2,000 of it above 10,000: 2,000 * 2 % = 40
        #   -> 120
        self.assertRecordValues(
            self._lines(first | second),
            [
                {"move_id": first.id, "tier_amount": 0.0, "amount": 160.0},
                {"move_id": second.id, "tier_amount": 40.0, "amount": 120.0},
            ],
        )
        # April starts again from 0: 3,000 * 2 % = 60, no tier bonus
        april = self._invoice(
            [(self.service, 1, 3000.0)],
            partner=self.customer_c,
            invoice_date=date(2026, 4, 1),
        )
        self._generate()
        self.assertRecordValues(
            self._lines(april), [{"tier_amount": 0.0, "amount": 60.0}]
        )

    def test_tiers_continue_from_lines_generated_earlier(self):
        self.plan.write(
            {
                "target_ids": [
                    Command.create({"user_id": self.rep_2.id, "amount": 10000})
                ],
                "tier_ids": [
                    Command.create({"threshold": 0.0, "rate": 0.0}),
                    Command.create({"threshold": 50.0, "rate": 1.0}),
                ],
            }
        )
        self._invoice([(self.service, 1, 4000.0)], partner=self.customer_c)
        self._generate()
        later = self._invoice([(self.service, 1, 3000.0)], partner=self.customer_c)
        self._generate()
        # achieved 4,000 before; tier from 5,000 (50 % of 10,000) at +1 %:
        # 3,000 * 2 % = 60 + (7,000 - 5,000) * 1 % = 20 -> 80
        self.assertRecordValues(
            self._lines(later), [{"tier_amount": 20.0, "amount": 80.0}]
        )

    def test_margin_basis(self):
        self.plan.base = "margin"
        invoice = self._invoice([(self.pump, 2, 1000.0)])
        self._generate()
        # revenue 2,000 - cost 2 * 600 = 800 margin, pump 4 %: 32
        self.assertRecordValues(
            self._lines(invoice),
            [{"basis": "margin", "revenue_amount": 800.0, "amount": 32.0}],
        )

    def test_invoice_before_plan_or_unposted_earns_nothing(self):
        old = self._invoice([(self.pump, 1, 1000.0)], invoice_date=date(2025, 12, 31))
        draft = self._invoice([(self.pump, 1, 1000.0)], post=False)
        self._generate()
        self.assertFalse(self._lines(old | draft))

    def test_reset_to_draft_drops_unsettled_commission(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        self._generate()
        invoice.button_draft()
        self.assertFalse(self._lines(invoice))
        invoice.action_post()
        self._generate()
        self.assertEqual(self._lines(invoice).amount, 40.0)
