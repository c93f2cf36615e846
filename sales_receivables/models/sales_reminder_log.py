# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesReminderLog(models.Model):
    """A payment reminder given for an invoice: level, channel, who, when."""

    _name = "sales.reminder.log"
    _description = "Payment Reminder Log"
    _order = "date desc, id desc"

    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True
    )
    partner_user_id = fields.Many2one(
        related="partner_id.user_id", string="Customer Owner", store=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    level_id = fields.Many2one(
        "sales.reminder.level", required=True, ondelete="restrict"
    )
    channel = fields.Selection(related="level_id.channel", store=True)
    user_id = fields.Many2one("res.users", string="Responsible")
    date = fields.Date(required=True, default=fields.Date.context_today)
    days_overdue = fields.Integer()
    amount_residual = fields.Monetary(string="Amount Due")
    currency_id = fields.Many2one(related="company_id.currency_id")
    activity_id = fields.Many2one("mail.activity", ondelete="set null")
    mail_sent = fields.Boolean(string="Email Sent")

    _sql_constraints = [
        (
            "move_level_unique",
            "UNIQUE(move_id, level_id)",
            "This reminder level was already given for this invoice.",
        )
    ]
