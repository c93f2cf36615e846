# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from .sales_tender import CLAUSE_OUTCOME


class SalesTenderOutcome(models.AbstractModel):
    """Records a tender's outcome: the prices of the outcome become competitor
    price observations (source *Tender*), then the tender is won or lost, in
    one transaction: a refused observation (a currency without a rate, ...)
    leaves the tender submitted and nothing written (clause SP-TND-05)."""

    _name = "sales.tender.outcome"
    _description = "Tender Outcome"

    def _record(self, tender, outcome):
        """``tender`` (one, its state and the caller's right checked) is
        ``outcome`` ("won" or "lost")."""
        tender.ensure_one()
        self._check_outcome(tender, outcome)
        today = fields.Date.context_today(tender)
        vals_list = [
            {
                "competitor_id": line.competitor_id.id,
                "product_id": line.product_id.id,
                "price_unit": line.price_unit,
                "currency_id": line.currency_id.id,
                "date": today,
                "source": "tender",
                "tender_id": tender.id,
                "company_id": tender.company_id.id,
                "user_id": self.env.uid,
                "note": self.env._(
                    "%(outcome)s tender %(tender)s",
                    outcome=self.env._("Won")
                    if outcome == "won"
                    else self.env._("Lost"),
                    tender=tender.name,
                ),
            }
            for line in tender.result_line_ids
        ]
        # the outcome is the door: the caller's right was checked on the tender
        self.env["sales.competitor.price"].sudo().create(vals_list)
        tender._transition({"state": outcome, "outcome_date": today})
        return True

    def _check_outcome(self, tender, outcome):
        lines = tender.result_line_ids
        if outcome == "won":
            if tender.winner_id:
                raise UserError(
                    self.env._(
                        "%(tender)s is marked won but names %(winner)s as the "
                        "winner. Clear the winner; enter the competitors' prices "
                        "as outcome prices (sales policy %(clause)s).",
                        tender=tender.display_name,
                        winner=tender.winner_id.name,
                        clause=CLAUSE_OUTCOME,
                    )
                )
            return
        if not tender.winner_id:
            raise UserError(
                self.env._(
                    "A lost tender names its winner: choose the competitor who won "
                    "%(tender)s (sales policy %(clause)s: the outcome feeds the "
                    "competitor prices). Register the competitor first if needed.",
                    tender=tender.display_name,
                    clause=CLAUSE_OUTCOME,
                )
            )
        if not lines.filtered(lambda line: line.competitor_id == tender.winner_id):
            raise UserError(
                self.env._(
                    "A lost tender records the winning price: add an outcome price "
                    "of %(winner)s for each product of %(tender)s (sales policy "
                    "%(clause)s).",
                    winner=tender.winner_id.name,
                    tender=tender.display_name,
                    clause=CLAUSE_OUTCOME,
                )
            )
