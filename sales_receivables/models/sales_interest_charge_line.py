# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .sales_interest_terms import INTEREST_BASES


class SalesInterestChargeLine(models.Model):
    """Interest charged on one source invoice for consecutive days on the same
    residual. The "Interest Charged" report reads these lines."""

    _name = "sales.interest.charge.line"
    _description = "Overdue Interest Charged Period"
    _order = "date desc, invoice_id, date_from"
    _rec_name = "invoice_id"

    charge_id = fields.Many2one(
        "sales.interest.charge",
        string="Interest Charge",
        required=True,
        ondelete="cascade",
        index=True,
    )
    invoice_id = fields.Many2one(
        "account.move",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
    )
    date_from = fields.Date(string="From", required=True, readonly=True)
    date_to = fields.Date(string="To", required=True, readonly=True)
    days = fields.Integer(readonly=True)
    residual = fields.Monetary(string="Overdue Residual", readonly=True)
    rate = fields.Float(digits=(16, 4), readonly=True)
    basis = fields.Selection(INTEREST_BASES, readonly=True)
    amount = fields.Monetary(string="Interest", readonly=True)
    currency_id = fields.Many2one(related="charge_id.currency_id", store=True)
    date = fields.Date(
        string="Charged On", related="charge_id.date", store=True, index=True
    )
    state = fields.Selection(related="charge_id.state", store=True, index=True)
    partner_id = fields.Many2one(
        related="charge_id.partner_id", string="Customer", store=True, index=True
    )
    user_id = fields.Many2one(
        related="charge_id.user_id", string="Salesperson", store=True, index=True
    )
    company_id = fields.Many2one(related="charge_id.company_id", store=True, index=True)

    def init(self):
        # the same days of an invoice are never charged twice by live charges,
        # even by two runs at the same time (cancelled charges free them)
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (invoice_id, date_from) "
                "WHERE state != 'cancel'",
                SQL.identifier("sales_interest_charge_line_invoice_from_uniq"),
                SQL.identifier(self._table),
            )
        )

    @api.depends("invoice_id", "date_from", "date_to")
    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "%(invoice)s, %(start)s to %(end)s",
                invoice=line.invoice_id.name or "",
                start=line.date_from,
                end=line.date_to,
            )
