# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.sales_receivables.hooks import post_init_hook

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestReminders(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Level = cls.env["sales.reminder.level"]
        Level.with_context(active_test=False).search([]).active = False
        cls.company.sales_reminder_finance_user_id = cls.finance_reviewer
        cls.template = cls.env.ref("sales_receivables.mail_template_payment_reminder")
        cls.level_before = Level.create(
            {"name": "Call before", "days": -3, "channel": "phone"}
        )
        cls.level_due = Level.create(
            {
                "name": "Email on due date",
                "days": 0,
                "channel": "email",
                "responsible": "finance",
                "mail_template_id": cls.template.id,
            }
        )
        cls.level_visit = Level.create(
            {"name": "Visit", "days": 10, "channel": "visit"}
        )
        cls.today = cls._date(2026, 6, 15)
        # due in 3 days: the call is due today
        cls.inv_soon = cls._invoice(
            300.0, due=cls.today + timedelta(days=3), invoice_date=cls.today
        )
        # 12 days overdue: only the visit (the older levels are not sent late)
        cls.inv_late = cls._invoice(
            500.0,
            due=cls.today - timedelta(days=12),
            invoice_date=cls.today - timedelta(days=40),
        )
        # due in 10 days: nothing yet
        cls.inv_later = cls._invoice(
            100.0, due=cls.today + timedelta(days=10), invoice_date=cls.today
        )

    def _cron(self, today):
        return self.env["sales.reminder.level"]._cron_send_reminders(today=today)

    def _logs(self, invoice):
        return self.env["sales.reminder.log"].search([("move_id", "=", invoice.id)])

    def test_cron_creates_next_due_reminder_as_activity(self):
        self.assertEqual(self._cron(self.today), 2)
        self.assertRecordValues(
            self._logs(self.inv_soon),
            [
                {
                    "level_id": self.level_before.id,
                    "user_id": self.rep.id,
                    "channel": "phone",
                    "days_overdue": -3,
                    "amount_residual": 300.0,
                    "partner_id": self.customer.id,
                    "mail_sent": False,
                }
            ],
        )
        self.assertRecordValues(
            self._logs(self.inv_late),
            [{"level_id": self.level_visit.id, "days_overdue": 12}],
        )
        self.assertFalse(self._logs(self.inv_later))
        activity = self.inv_soon.activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "user_id": self.rep.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                    "date_deadline": self.today,
                }
            ],
        )
        self.assertEqual(self._logs(self.inv_soon).activity_id, activity)
        # the reminder shows in the invoice's and the customer's chatter
        self.assertIn("Call before", self.inv_soon.message_ids[:1].body)
        bodies = " ".join(self.customer.message_ids.mapped("body"))
        self.assertIn(self.inv_soon.name, bodies)
        self.assertIn(self.inv_late.name, bodies)

    def test_same_level_never_given_twice(self):
        self._cron(self.today)
        self.assertEqual(self._cron(self.today), 0)
        self.assertEqual(self._cron(self.today + timedelta(days=1)), 0)
        self.assertEqual(len(self._logs(self.inv_soon)), 1)

    def test_finance_level_sends_template_email(self):
        self._cron(self.today)
        due_day = self.today + timedelta(days=3)
        mails_before = self.env["mail.mail"].search_count([])
        self.assertEqual(self._cron(due_day), 1)
        log = self._logs(self.inv_soon).filtered(
            lambda lg: lg.level_id == self.level_due
        )
        self.assertRecordValues(
            log, [{"user_id": self.finance_reviewer.id, "mail_sent": True}]
        )
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before + 1)

    def test_paid_invoice_gets_no_reminder(self):
        self._pay(self.inv_late, 500.0, self.today)
        self._cron(self.today)
        self.assertFalse(self._logs(self.inv_late))

    def test_cron_continues_past_a_failing_invoice(self):
        Level = type(self.env["sales.reminder.level"])
        original = Level._give_reminders
        failing = self.inv_soon

        def give(level, invoices, today):
            if failing in invoices:
                raise ValueError("broken invoice")
            return original(level, invoices, today)

        with (
            patch.object(Level, "_give_reminders", give),
            mute_logger("odoo.addons.sales_receivables.models.sales_reminder_level"),
        ):
            self.assertEqual(self._cron(self.today), 1)
        self.assertFalse(self._logs(self.inv_soon))
        self.assertFalse(self.inv_soon.activity_ids)
        self.assertTrue(self._logs(self.inv_late))

    def test_a_batch_with_a_failing_invoice_gives_the_others(self):
        # both invoices at the visit level, in one batch: one fails
        self.level_before.active = False
        self.level_due.active = False
        other = self._invoice(
            50.0,
            due=self.today - timedelta(days=20),
            invoice_date=self.today - timedelta(days=30),
        )
        Level = type(self.env["sales.reminder.level"])
        original = Level._give_reminders

        def give(level, invoices, today):
            if self.inv_late in invoices:
                raise ValueError("broken invoice")
            return original(level, invoices, today)

        with (
            patch.object(Level, "_give_reminders", give),
            mute_logger("odoo.addons.sales_receivables.models.sales_reminder_level"),
        ):
            self.assertEqual(self._cron(self.today), 1)
        self.assertFalse(self._logs(self.inv_late))
        self.assertEqual(self._logs(other).level_id, self.level_visit)

    def test_overlapping_level_days_refused(self):
        Level = self.env["sales.reminder.level"].with_user(self.finance_reviewer)
        with self.assertRefused(ValidationError, "cannot overlap"):
            Level.create({"name": "Second visit", "days": 10, "channel": "visit"})
        Level.create({"name": "Second visit", "days": 11, "channel": "visit"})
        # another company may use the same days
        self.env["sales.reminder.level"].create(
            {"name": "B visit", "days": 10, "company_id": self.company_b.id}
        )

    def test_template_for_another_model_refused(self):
        template = self.env["mail.template"].create(
            {"name": "Partner", "model_id": self.env.ref("base.model_res_partner").id}
        )
        with self.assertRefused(ValidationError, "template for invoices"):
            self.level_visit.mail_template_id = template

    def test_finance_manages_levels_reps_read_own_logs(self):
        with self.assertRefused(AccessError, ""):
            self.env["sales.reminder.level"].with_user(self.rep).create(
                {"name": "Rep level", "days": 20}
            )
        self.level_visit.with_user(self.finance_reviewer).days = 20
        self._invoice(
            200.0,
            due=self.today - timedelta(days=25),
            invoice_date=self.today - timedelta(days=40),
            partner=self.customer_2,
            user=self.rep_2,
        )
        self._cron(self.today)
        Log = self.env["sales.reminder.log"]
        self.assertEqual(Log.with_user(self.rep).search([]).partner_id, self.customer)
        self.assertEqual(
            Log.with_user(self.rep_2).search([]).partner_id, self.customer_2
        )
        self.assertEqual(len(Log.with_user(self.manager).search([])), 3)


@tagged("post_install", "-at_install")
class TestReminderLevelsOfNewCompanies(SalesReceivablesCommon):
    def _levels(self, company):
        return self.env["sales.reminder.level"].search(
            [("company_id", "=", company.id)]
        )

    def test_new_company_gets_its_own_copy_of_the_shipped_ladder(self):
        shipped = self.env.ref("sales_receivables.reminder_level_overdue_email")
        company = self.env["res.company"].create({"name": "Policy Branch"})
        levels = self._levels(company)
        self.assertRecordValues(
            levels,
            [
                {"days": -3, "channel": "phone", "responsible": "owner"},
                {"days": 7, "channel": "email", "responsible": "finance"},
                {"days": 30, "channel": "visit", "responsible": "owner"},
            ],
        )
        email = levels.filtered(lambda level: level.channel == "email")
        self.assertEqual(email.name, shipped.name)
        self.assertEqual(email.mail_template_id, shipped.mail_template_id)
        # the branch edits its own copy: the main company's ladder is unchanged
        email.days = 10
        self.assertEqual(shipped.days, 7)
        # a company that has levels gets no second ladder
        company._sales_ensure_reminder_levels()
        self.assertEqual(len(self._levels(company)), 3)

    def test_archived_shipped_levels_are_not_copied(self):
        self.env.ref("sales_receivables.reminder_level_overdue_visit").active = False
        company = self.env["res.company"].create({"name": "Policy Branch 2"})
        self.assertEqual(self._levels(company).mapped("days"), [-3, 7])

    def test_install_hook_gives_existing_companies_a_ladder(self):
        company = self.env["res.company"].create({"name": "Policy Branch 3"})
        self._levels(company).unlink()
        main = self.env.ref("base.main_company")
        main_levels = self._levels(main)
        post_init_hook(self.env)
        self.assertEqual(len(self._levels(company)), 3)
        self.assertEqual(self._levels(main), main_levels)
