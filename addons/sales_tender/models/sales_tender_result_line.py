# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .sales_tender import CLAUSE_OUTCOME, FINAL_STATES


class SalesTenderResultLine(models.Model):
    """A competitor's price for one product, as the tender's outcome showed
    it; recorded as a competitor price observation with the outcome."""

    _name = "sales.tender.result.line"
    _description = "Tender Outcome Price"
    _order = "tender_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    tender_id = fields.Many2one(
        "sales.tender", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="tender_id.company_id", store=True, index=True)
    competitor_id = fields.Many2one(
        "sales.competitor",
        required=True,
        check_company=True,
        ondelete="restrict",
    )
    is_winner = fields.Boolean(string="Winner", compute="_compute_is_winner")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        ondelete="restrict",
    )
    price_unit = fields.Monetary(
        string="Unit Price", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )

    _sql_constraints = [
        (
            "price_unit_positive",
            "CHECK (price_unit > 0)",
            "An outcome price must be greater than zero.",
        ),
    ]

    @api.depends("competitor_id", "tender_id.winner_id")
    def _compute_is_winner(self):
        for line in self:
            line.is_winner = bool(
                line.competitor_id and line.competitor_id == line.tender_id.winner_id
            )

    def _check_open(self, tenders, closed_states=FINAL_STATES):
        if self.env.su:
            return
        closed = tenders.filtered(lambda t: t.state in closed_states)
        if closed:
            tenders.check_access("write")
            raise UserError(
                self.env._(
                    "The outcome prices of %(tender)s cannot change: the tender is "
                    "closed (sales policy %(clause)s).",
                    tender=closed[0].display_name,
                    clause=CLAUSE_OUTCOME,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        tender_ids = {vals.get("tender_id") for vals in vals_list} - {None, False}
        self._check_open(self.env["sales.tender"].browse(tender_ids))
        return super().create(vals_list)

    def write(self, vals):
        tenders = self.tender_id
        if vals.get("tender_id"):
            tenders |= self.env["sales.tender"].browse(vals["tender_id"])
        self._check_open(tenders)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open(self):
        # a cancelled tender may be deleted with its lines
        self._check_open(self.tender_id, ("no_bid", "won", "lost"))
