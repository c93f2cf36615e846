# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

#: invoices given a reminder per transaction savepoint
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
    def _cron_send_reminders(self, today=None):
        """Create the next due reminder of every open customer invoice.

        For each invoice the latest level whose day has come is taken, unless
        it was already done (a level is never done twice for an invoice, and a
        level older than the last one done is not sent late). One failing
        invoice is logged and skipped.
        """
        today = today or fields.Date.context_today(self)
        levels = self.search([])
        done = 0
        for company in levels.company_id:
            company_levels = levels.filtered(lambda lv, c=company: lv.company_id == c)
            done += self._send_company_reminders(company, company_levels, today)
        return done

    @api.model
    def _send_company_reminders(self, company, levels, today):
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
            ["invoice_date_due"],
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
        count = 0
        for level, ids in todo.items():
            for start in range(0, len(ids), BATCH_SIZE):
                count += level._give_reminders_safely(
                    Move.browse(ids[start : start + BATCH_SIZE]), today
                )
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
        in the invoices' and customers' chatter, in batches."""
        self.ensure_one()
        activity_type = self.env.ref(CHANNEL_ACTIVITY_TYPES[self.channel])
        model_id = self.env["ir.model"]._get_id("account.move")
        responsible = {inv.id: self._get_responsible(inv) for inv in invoices}
        # no assignment email per reminder: the activities are the to-do list
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": inv.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._(
                            "%(level)s: payment reminder for %(invoice)s",
                            level=self.name,
                            invoice=inv.name,
                        ),
                        "note": self.note or False,
                        "user_id": (responsible[inv.id] or self.env.user).id,
                        "date_deadline": today,
                        "automated": True,
                    }
                    for inv in invoices
                ]
            )
        )
        if self.mail_template_id:
            self.mail_template_id.send_mail_batch(invoices.ids)
        self.env["sales.reminder.log"].sudo().create(
            [
                {
                    "move_id": inv.id,
                    "partner_id": inv.commercial_partner_id.id,
                    "company_id": inv.company_id.id,
                    "level_id": self.id,
                    "user_id": responsible[inv.id].id,
                    "date": today,
                    "days_overdue": (today - inv.invoice_date_due).days,
                    "amount_residual": inv.amount_residual_signed,
                    "activity_id": activity.id,
                    "mail_sent": bool(self.mail_template_id),
                }
                for inv, activity in zip(invoices, activities, strict=True)
            ]
        )
        channel = dict(self._fields["channel"]._description_selection(self.env))[
            self.channel
        ]
        bodies, partner_bodies = {}, defaultdict(list)
        for inv in invoices:
            body = Markup("<p>%s</p>") % self.env._(
                "Payment reminder %(level)s (%(channel)s) for %(invoice)s, "
                "%(days)s days from the due date, assigned to %(user)s.",
                level=self.name,
                channel=channel,
                invoice=inv.name,
                days=(today - inv.invoice_date_due).days,
                user=responsible[inv.id].name or "",
            )
            bodies[inv.id] = body
            partner_bodies[inv.commercial_partner_id.id].append(body)
        invoices.sudo()._message_log_batch(bodies=bodies)
        partners = self.env["res.partner"].browse(list(partner_bodies)).sudo()
        partners._message_log_batch(
            bodies={pid: Markup("").join(b) for pid, b in partner_bodies.items()}
        )

    def _get_responsible(self, invoice):
        self.ensure_one()
        owner = invoice.invoice_user_id or invoice.commercial_partner_id.user_id
        if self.responsible == "finance":
            return invoice.company_id.sales_reminder_finance_user_id or owner
        return owner or invoice.company_id.sales_reminder_finance_user_id
