# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .sales_interest_terms import INTEREST_BASES

#: unique index: live charges never charge the same days of an instalment twice
UNIQUE_DAYS_INDEX = "sales_interest_charge_line_instalment_from_uniq"


class SalesInterestChargeLine(models.Model):
    """Interest charged on one source invoice (one instalment of it) for
    consecutive days on the same residual. The "Interest Charged" report reads
    these lines."""

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
    date_maturity = fields.Date(
        string="Instalment Due",
        compute="_compute_date_maturity",
        store=True,
        readonly=False,
        help="Due date of the instalment (receivable journal item) of the "
        "invoice the interest runs on: each instalment runs from its own due "
        "date on its own residual.",
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
        # the same days of an instalment are never charged twice by live
        # charges, even by two runs at the same time (cancelled charges free
        # them); the index of 18.0.1.1.0 was per invoice, which two
        # instalments charged from the same day would break
        self.env.cr.execute(
            SQL(
                "DROP INDEX IF EXISTS %s",
                SQL.identifier("sales_interest_charge_line_invoice_from_uniq"),
            )
        )
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s "
                "(invoice_id, date_maturity, date_from) WHERE state != 'cancel'",
                SQL.identifier(UNIQUE_DAYS_INDEX),
                SQL.identifier(self._table),
            )
        )

    @api.depends("invoice_id")
    def _compute_date_maturity(self):
        # lines charged before 18.0.1.2.0 (and lines created without it) ran
        # on the invoice's due date; the invoice's later due-date changes do
        # not rewrite what was charged (no dependency on it)
        for line in self:
            if not line.date_maturity:
                line.date_maturity = line.invoice_id.invoice_date_due

    @api.depends("invoice_id", "date_from", "date_to")
    def _compute_display_name(self):
        for line in self:
            line.display_name = self.env._(
                "%(invoice)s, %(start)s to %(end)s",
                invoice=line.invoice_id.name or "",
                start=line.date_from,
                end=line.date_to,
            )
