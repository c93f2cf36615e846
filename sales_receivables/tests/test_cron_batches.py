# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The reminder, interest and escalation crons keep what they did: they go on
past a customer or invoice that fails (a real one: a broken email template, a
misconfigured receivable account, a row the database refuses) and end a
batch (a commit outside tests) every ``batch_size`` records.

Tests must not commit: each cron takes a ``commit`` callable, called where it
would commit, which records what was done at that point."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches, may_commit

from .common import SalesReceivablesCommon

REMINDER_LOGGER = "odoo.addons.sales_receivables.models.sales_reminder_level"
CHARGE_LOGGER = "odoo.addons.sales_receivables.models.sales_interest_charge"
PARTNER_LOGGER = "odoo.addons.sales_receivables.models.res_partner"
RENDER_LOGGER = "odoo.addons.mail.models.mail_render_mixin"


@tagged("post_install", "-at_install")
class TestCronBatches(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_3 = cls.env["res.partner"].create(
            {"name": "Receivables Customer Zeta", "is_company": True}
        )

    def _progress_env(self, cron_xmlid):
        """An environment as Odoo's cron runner gives it: with the run's
        progress record (``ir.cron._notify_progress`` writes there)."""
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref(cron_xmlid).id}
        )
        return self.env(
            context=dict(self.env.context, ir_cron_progress_id=progress.id)
        ), progress

    def test_tests_never_commit(self):
        self.assertFalse(may_commit())
        batches = CronBatches(self.env, 2)
        self.assertIsNone(batches._commit)
        with self.assertRaises(ValueError):
            CronBatches(self.env, 0)

    def test_reminder_cron_commits_each_batch_and_skips_a_broken_invoice(self):
        Level = self.env["sales.reminder.level"]
        Level.with_context(active_test=False).search([]).active = False
        # a template that assumes every invoice carries the customer's order
        # reference: it cannot be rendered for an invoice without one
        template = self.env["mail.template"].create(
            {
                "name": "Reminder quoting the order reference",
                "model_id": self.env["ir.model"]._get_id("account.move"),
                "subject": "Order {{ object.ref.upper() }}: payment reminder",
                "body_html": "<p>Please pay.</p>",
            }
        )
        level = Level.create(
            {
                "name": "Email after 5 days",
                "days": 5,
                "channel": "email",
                "mail_template_id": template.id,
            }
        )
        today = self._date(2026, 6, 15)
        invoices = self.env["account.move"]
        for index in range(5):
            invoice = self._invoice(
                100.0 + index,
                due=today - timedelta(days=10),
                invoice_date=today - timedelta(days=20),
                post=False,
            )
            # the third has no order reference: its email cannot be rendered
            invoice.ref = False if index == 2 else f"PO-{index}"
            invoice.action_post()
            invoices |= invoice
        broken = invoices[2]
        env, progress = self._progress_env("sales_receivables.ir_cron_sales_reminders")
        Log = self.env["sales.reminder.log"]
        checkpoints = []

        def commit():
            checkpoints.append(
                (Log.search_count([("level_id", "=", level.id)]), progress.done)
            )

        with mute_logger(REMINDER_LOGGER, RENDER_LOGGER):
            given = env["sales.reminder.level"]._cron_send_reminders(
                today=today, batch_size=2, commit=commit
            )
        self.assertEqual(given, 4)
        # batches of two, newest invoice first: [5, 4] given; [3 (broken), 2]:
        # 2 given; [1] given. Each batch is kept when it ends.
        self.assertEqual(checkpoints, [(2, 2), (3, 4), (4, 5)])
        self.assertRecordValues(progress, [{"done": 5, "remaining": 0}])
        self.assertFalse(Log.search([("move_id", "=", broken.id)]))
        self.assertEqual(
            Log.search([("level_id", "=", level.id)]).move_id, invoices - broken
        )
        # once the invoice carries its reference, the next run gives it
        broken.ref = "PO-2"
        self.assertEqual(
            Level._cron_send_reminders(today=today, batch_size=2, commit=False), 1
        )

    def test_interest_cron_commits_each_batch_and_skips_a_misconfigured_customer(
        self,
    ):
        self.company.write(
            {"sales_interest_rate": 12.0, "sales_interest_basis": "annual"}
        )
        today = fields.Date.today()
        # charged in due-date order: customer, customer 2, customer 3
        self._invoice(3650.0, due=today - timedelta(days=40))
        broken = self._invoice(
            3650.0,
            due=today - timedelta(days=35),
            partner=self.customer_2,
            user=self.rep_2,
        )
        self._invoice(3650.0, due=today - timedelta(days=30), partner=self.customer_3)
        # customer 2's receivable account was set to a payable account: no
        # invoice (the interest invoice either) can be made for it
        payable = self.env["account.account"].search(
            [
                ("company_ids", "in", self.company.id),
                ("account_type", "=", "liability_payable"),
            ],
            limit=1,
        )
        self.customer_2.with_company(
            self.company
        ).property_account_receivable_id = payable
        Charge = self.env["sales.interest.charge"]
        checkpoints = []

        def commit():
            checkpoints.append(Charge.search([]).partner_id)

        with mute_logger(CHARGE_LOGGER):
            Charge._cron_compute_interest(batch_size=2, commit=commit)
        # [customer, customer 2 (fails)] then [customer 3]
        self.assertEqual(checkpoints, [self.customer, self.customer | self.customer_3])
        # 40 days: 3650 * 0.12 * 40 / 365 = 48.00; 30 days: 36.00
        self.assertRecordValues(
            Charge.search([]).sorted("amount_total"),
            [
                {"partner_id": self.customer_3.id, "amount_total": 36.0},
                {"partner_id": self.customer.id, "amount_total": 48.0},
            ],
        )
        self.assertFalse(broken.sales_interest_charged_through)

    def test_escalation_cron_commits_each_batch_and_skips_a_refused_customer(self):
        self.company.sales_escalation_days = 60
        today = fields.Date.today()
        for partner in (self.customer, self.customer_2, self.customer_3):
            self._invoice(500.0, due=today - timedelta(days=61), partner=partner)
        # the database refuses to update customer 2 (as a broken row, or one
        # locked past the lock timeout, would); the constraint is part of this
        # test's transaction and goes with it
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE res_partner ADD CONSTRAINT %s "
                "CHECK (id <> %s OR sales_collection_status IS NULL) NOT VALID",
                SQL.identifier("sales_receivables_test_refused_customer"),
                self.customer_2.id,
            )
        )
        Partner = self.env["res.partner"]
        checkpoints = []

        def commit():
            checkpoints.append(
                Partner.search([("sales_collection_status", "=", "escalated")])
            )

        # the broken row also fails the notification mail of the escalation,
        # which the mail queue logs (and the savepoint rolls back)
        with mute_logger(
            PARTNER_LOGGER, "odoo.sql_db", "odoo.addons.mail.models.mail_mail"
        ):
            escalated = Partner._cron_sales_escalate(
                today=today, batch_size=2, commit=commit
            )
        self.assertEqual(escalated, self.customer | self.customer_3)
        # customer 2 comes second (by name or id): the first batch kept the
        # first customer, the last one the third
        self.assertEqual(len(checkpoints), 2)
        self.assertEqual(len(checkpoints[0]), 1)
        self.assertLess(checkpoints[0], self.customer | self.customer_3)
        self.assertEqual(checkpoints[1], self.customer | self.customer_3)
        self.assertEqual(self.customer_2.sales_collection_status, "normal")
