# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints per customer feed its grade explanation (issue: targets)."""

from dateutil.relativedelta import relativedelta

from odoo import fields, models

#: the window of complaints shown with the grade
COMPLAINT_WINDOW_MONTHS = 12


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _sales_complaint_counts(self):
        """``(all, open, re-opened)`` complaints of this customer's company
        registered over the last ``COMPLAINT_WINDOW_MONTHS`` months (all of
        them, whoever may read them: the figures explain the grade)."""
        self.ensure_one()
        since = fields.Datetime.now() - relativedelta(months=COMPLAINT_WINDOW_MONTHS)
        Claim = self.env["crm.claim"].sudo().with_context(active_test=False)
        domain = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("date", ">=", since),
        ]
        per_state = dict(Claim._read_group(domain, ["complaint_state"], ["__count"]))
        reopened = Claim.search_count(domain + [("reopen_count", ">", 0)])
        total = sum(per_state.values())
        return total, total - per_state.get("closed", 0), reopened

    def _sales_grade_explain(self):
        explanation = super()._sales_grade_explain()
        if not explanation or not self.commercial_partner_id:
            return explanation
        total, still_open, reopened = self._sales_complaint_counts()
        if not total:
            line = self.env._(
                "Complaints over the last %(months)s months: none.",
                months=COMPLAINT_WINDOW_MONTHS,
            )
        else:
            line = self.env._(
                "Complaints over the last %(months)s months: %(total)s "
                "(%(open)s open, %(reopened)s re-opened after a revisit).",
                months=COMPLAINT_WINDOW_MONTHS,
                total=total,
                open=still_open,
                reopened=reopened,
            )
        return f"{explanation}\n{line}"
