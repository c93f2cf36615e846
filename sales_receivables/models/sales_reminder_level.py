# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

_logger = logging.getLogger(__name__)

#: invoices given a reminder per transaction savepoint (and per commit of the
#: daily cron)
BATCH_SIZE = 500

#: activity type of each channel
CHANNEL_ACTIVITY_TYPES = {
    "phone": "mail.mail_activity_data_call",
    "email": "mail.mail_activity_data_email",
    "visit": "mail.mail_activity_data_meeting",
}


class SalesReminderLevel(models.Model):
    """A step of the reminder ladder: N days from the due date (negative:
    before it), by phone, email or visit, done by the owning rep or finance."""

    _name = "sales.reminder.level"
    _description = "Payment Reminder Level"
    _order = "company_id, days, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    days = fields.Integer(
        string="Days From Due Date",
        required=True,
        help="When the reminder is due, counted from the invoice due date: "
        "-3 is three days before it, 0 the due date, 15 fifteen days after it.",
    )
    channel = fields.Selection(
        [("phone", "Phone"), ("email", "Email"), ("visit", "Visit")],
        required=True,
        default="phone",
    )
    responsible = fields.Selection(
        [("owner", "Owning Salesperson"), ("finance", "Finance")],
        required=True,
        default="owner",
        help="Owning salesperson: the invoice's salesperson, else the "
        "customer's. Finance: the company's finance contact for reminders.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Email Template",
        domain="[('model', '=', 'account.move')]",
        help="Sent to the customer when the reminder is created.",
    )
    note = fields.Html(help="Instructions copied into the activity.")

    @api.constrains("days", "company_id", "active")
    def _check_days_unique(self):
        """Two active levels of a company on the same day would overlap."""
        companies = self.filtered("active").company_id
        if not companies:
            return
        groups = self._read_group(
            [("company_id", "in", companies.ids), ("active", "=", True)],
            ["company_id", "days"],
            having=[("__count", ">", 1)],
        )
        if groups:
            company, days = groups[0]
            raise ValidationError(
                self.env._(
                    "%(company)s already has a reminder level %(days)s days from "
                    "the due date; reminder levels cannot overlap. Choose another "
                    "number of days or archive the other level.",
                    company=company.name,
                    days=days,
                )
            )

    @api.constrains("mail_template_id")
    def _check_mail_template_model(self):
        for level in self.filtered("mail_template_id"):
            if level.mail_template_id.model != "account.move":
                raise ValidationError(
                    self.env._(
                        "The email template of reminder level %(level)s must be "
                        "a template for invoices.",
                        level=level.name,
                    )
                )

    # --- business methods -----------------------------------------------------
    @api.model
    def _cron_send_reminders(self, today=None, batch_size=BATCH_SIZE, commit=None):
        """Create the next due reminder of every open customer invoice.

        For each invoice the latest level whose day has come is taken, unless
        it was already done (a level is never done twice for an invoice, and a
        level older than the last one done is not sent late). One failing
        invoice is logged and skipped. The work is committed every
        ``batch_size`` invoices (``commit``: see
        ``sales_policy_base/tools/cron_batch.py``), so a timeout loses nothing
        already given; the next run gives the rest.
        """
        today = today or fields.Date.context_today(self)
        batches = CronBatches(self.env, batch_size, commit=commit)
        levels = self.search([])
        done = 0
        for company in levels.company_id:
            company_levels = levels.filtered(lambda lv, c=company: lv.company_id == c)
            done += self._send_company_reminders(
                company, company_levels, today, batches
            )
        batches.flush()
        return done

    @api.model
    def _send_company_reminders(self, company, levels, today, batches=None):
        """Give the due reminders of ``company``; returns how many. With
        ``batches`` (a ``CronBatches``), in batches of its size, each counted
        (and committed) when given."""
        Move = self.env["account.move"].with_company(company)
        earliest = min(levels.mapped("days"))
        invoices = Move.search_fetch(
            [
                ("company_id", "=", company.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                (
                    "invoice_date_due",
                    "<=",
                    fields.Date.subtract(today, days=earliest),
                ),
            ],
            [
                "name",
                "invoice_date_due",
                "invoice_user_id",
                "commercial_partner_id",
                "company_id",
                "amount_residual_signed",
            ],
        )
        if not invoices:
            return 0
        # highest level given so far per invoice (one grouped query)
        given = defaultdict(set)
        for move, level in self.env["sales.reminder.log"]._read_group(
            [("move_id", "in", invoices.ids)], ["move_id", "level_id"]
        ):
            given[move.id].add(level.days)
        ordered = levels.sorted("days", reverse=True)
        todo = defaultdict(list)
        for invoice in invoices:
            overdue = (today - invoice.invoice_date_due).days
            level = next((lv for lv in ordered if lv.days <= overdue), None)
            # never twice, and never a level below one already given
            if level and not any(days >= level.days for days in given[invoice.id]):
                todo[level].append(invoice.id)
        size = batches.batch_size if batches else BATCH_SIZE
        if batches:
            batches.expect(sum(len(ids) for ids in todo.values()))
        count = 0
        for level, ids in todo.items():
            for start in range(0, len(ids), size):
                chunk = ids[start : start + size]
                given_now = level._give_reminders_safely(Move.browse(chunk), today)
                count += given_now
                if batches:
                    batches.processed(given_now)
                    batches.processed(len(chunk) - given_now, failed=True)
        return count

    def _give_reminders_safely(self, invoices, today):
        """Give the reminders of a batch; if the batch fails, one by one,
        logging and skipping the invoices that fail."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self._give_reminders(invoices, today)
            return len(invoices)
        except Exception:
            if len(invoices) == 1:
                _logger.exception(
                    "Reminder level %s not given for invoice %s; continuing",
                    self.id,
                    invoices.id,
                )
                return 0
        return sum(self._give_reminders_safely(inv, today) for inv in invoices)

    def _give_reminders(self, invoices, today):
        """Give this level's reminder for ``invoices``: an activity for the
        responsible, the level's email where it has one, a log row and a note
        in the invoices' and customers' chatter.

        Set-based: the activities, log rows and invoice notes are inserted
        with one SQL statement each for the whole batch (the daily cron gives
        up to a hundred thousand reminders). Unlike ``mail.activity.create``,
        this sends no assignment email and does not subscribe the responsible
        to the invoice: the activities are their to-do list.
        """
        self.ensure_one()
        reminders = self._reminder_values(invoices, today)
        activity_ids = self._insert_reminder_activities(reminders, today)
        if self.mail_template_id:
            self.mail_template_id.send_mail_batch(invoices.ids)
        self._insert_reminder_logs(reminders, activity_ids, today)
        self._insert_reminder_notes(reminders)
        partner_bodies = defaultdict(list)
        for reminder in reminders:
            partner_bodies[reminder["partner_id"]].append(reminder["body"])
        partners = self.env["res.partner"].browse(list(partner_bodies)).sudo()
        partners._message_log_batch(
            bodies={pid: Markup("").join(b) for pid, b in partner_bodies.items()}
        )
        self.env["mail.activity"].invalidate_model()
        self.env["mail.message"].invalidate_model()
        self.env["sales.reminder.log"].invalidate_model()
        invoices.invalidate_recordset(
            ["activity_ids", "message_ids", "sales_reminder_log_ids"]
        )
        partners.invalidate_recordset(["message_ids"])

    def _reminder_values(self, invoices, today):
        """One dict per invoice: who does the reminder and what it says."""
        self.ensure_one()
        channel = dict(self._fields["channel"]._description_selection(self.env))[
            self.channel
        ]
        reminders = []
        for inv in invoices:
            user = self._get_responsible(inv) or self.env.user
            days = (today - inv.invoice_date_due).days
            reminders.append(
                {
                    "move_id": inv.id,
                    "move_name": inv.name,
                    "partner_id": inv.commercial_partner_id.id,
                    "company_id": inv.company_id.id,
                    "user_id": user.id,
                    "days": days,
                    "residual": inv.amount_residual_signed,
                    "summary": self.env._(
                        "%(level)s: payment reminder for %(invoice)s",
                        level=self.name,
                        invoice=inv.name,
                    ),
                    "body": Markup("<p>%s</p>")
                    % self.env._(
                        "Payment reminder %(level)s (%(channel)s) for %(invoice)s, "
                        "%(days)s days from the due date, assigned to %(user)s.",
                        level=self.name,
                        channel=channel,
                        invoice=inv.name,
                        days=days,
                        user=user.name or "",
                    ),
                }
            )
        return reminders

    def _insert_reminder_activities(self, reminders, today):
        """Insert the reminders' activities; return their ids in order."""
        self.ensure_one()
        self.env["mail.activity"].flush_model()
        activity_type = self.env.ref(CHANNEL_ACTIVITY_TYPES[self.channel])
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_activity
                       (res_model_id, res_model, res_id, res_name, activity_type_id,
                        summary, note, date_deadline, automated, active, user_id,
                        user_tz, create_uid, create_date, write_uid, write_date)
                   SELECT %(model_id)s, 'account.move', row.res_id, row.res_name,
                          %(type_id)s, row.summary, %(note)s, %(today)s, TRUE, TRUE,
                          row.user_id, partner.tz, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(names)s::varchar[],
                                 %(summaries)s::varchar[], %(user_ids)s::int[])
                          WITH ORDINALITY AS row (res_id, res_name, summary, user_id, n)
                     JOIN res_users users ON users.id = row.user_id
                     JOIN res_partner partner ON partner.id = users.partner_id
                 ORDER BY row.n
                RETURNING id""",
                model_id=self.env["ir.model"]._get_id("account.move"),
                type_id=activity_type.id,
                note=self.note or None,
                today=today,
                uid=self.env.uid,
                now=fields.Datetime.now(),
                res_ids=[r["move_id"] for r in reminders],
                names=[r["move_name"] for r in reminders],
                summaries=[r["summary"] for r in reminders],
                user_ids=[r["user_id"] for r in reminders],
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        # RETURNING follows the insertion order, which follows ORDER BY
        return sorted(ids)

    def _insert_reminder_logs(self, reminders, activity_ids, today):
        self.ensure_one()
        self.env["sales.reminder.log"].flush_model()
        self.env.cr.execute(
            SQL(
                """INSERT INTO sales_reminder_log
                       (move_id, partner_id, partner_user_id, company_id, level_id,
                        channel, user_id, date, days_overdue, amount_residual,
                        activity_id, mail_sent, create_uid, create_date, write_uid,
                        write_date)
                   SELECT row.move_id, row.partner_id, partner.user_id,
                          row.company_id, %(level)s, %(channel)s, row.user_id,
                          %(today)s, row.days, row.residual, row.activity_id,
                          %(mail_sent)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(move_ids)s::int[], %(partner_ids)s::int[],
                                 %(company_ids)s::int[], %(user_ids)s::int[],
                                 %(days)s::int[], %(residuals)s::numeric[],
                                 %(activity_ids)s::int[])
                          AS row (move_id, partner_id, company_id, user_id, days,
                                  residual, activity_id)
                     JOIN res_partner partner ON partner.id = row.partner_id""",
                level=self.id,
                channel=self.channel,
                today=today,
                mail_sent=bool(self.mail_template_id),
                uid=self.env.uid,
                now=fields.Datetime.now(),
                move_ids=[r["move_id"] for r in reminders],
                partner_ids=[r["partner_id"] for r in reminders],
                company_ids=[r["company_id"] for r in reminders],
                user_ids=[r["user_id"] for r in reminders],
                days=[r["days"] for r in reminders],
                residuals=[r["residual"] for r in reminders],
                activity_ids=activity_ids,
            )
        )

    def _insert_reminder_notes(self, reminders):
        """A note per invoice in its chatter (what ``_message_log_batch`` writes)."""
        self.ensure_one()
        self.env["mail.message"].flush_model()
        Thread = self.env["mail.thread"]
        author_id, email_from = Thread._message_compute_author(
            None, None, raise_on_email=False
        )
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_message
                       (model, res_id, body, message_type, subtype_id, is_internal,
                        author_id, email_from, reply_to, email_add_signature,
                        message_id, date, create_uid, create_date, write_uid,
                        write_date)
                   SELECT 'account.move', row.res_id, row.body, 'notification',
                          %(subtype)s, TRUE, %(author)s, %(email_from)s,
                          %(reply_to)s, FALSE,
                          '<' || md5(random()::text) || '-sales-reminder@'
                              || row.res_id || '>',
                          %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(bodies)s::text[])
                          AS row (res_id, body)""",
                subtype=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                author=author_id or None,
                email_from=email_from or None,
                reply_to=Thread._notify_get_reply_to(default=email_from)[False] or None,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                res_ids=[r["move_id"] for r in reminders],
                bodies=[str(r["body"]) for r in reminders],
            )
        )

    def _get_responsible(self, invoice):
        self.ensure_one()
        owner = invoice.invoice_user_id or invoice.commercial_partner_id.user_id
        if self.responsible == "finance":
            return invoice.company_id.sales_reminder_finance_user_id or owner
        return owner or invoice.company_id.sales_reminder_finance_user_id
