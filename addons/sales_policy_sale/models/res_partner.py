# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _sales_grade_activity(self, partners, date_from):
        """Revenue (untaxed, company currency) and count of the confirmed
        orders of the company since ``date_from``: one aggregate query."""
        result = super()._sales_grade_activity(partners, date_from)
        company = self.env.company
        domain = [
            ("company_id", "=", company.id),
            ("state", "=", "sale"),
            ("date_order", ">=", date_from),
        ]
        if partners is not None:
            domain.append(("partner_id.commercial_partner_id", "in", partners.ids))
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                domain,
                ["partner_id", "currency_id"],
                ["amount_untaxed:sum", "__count"],
            )
        )
        # the commercial partner of each ordering partner, fetching that field only
        ordering = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", list({group[0].id for group in groups}))],
                ["commercial_partner_id"],
            )
        )
        commercial = {
            partner.id: partner.commercial_partner_id.id for partner in ordering
        }
        today = fields.Date.context_today(self)
        rates = {}
        totals = defaultdict(lambda: [0.0, 0])
        for partner, currency, amount, count in groups:
            if currency != company.currency_id:
                if currency not in rates:
                    rates[currency] = currency._get_conversion_rate(
                        currency, company.currency_id, company, today
                    )
                amount *= rates[currency]
            total = totals[commercial[partner.id]]
            total[0] += amount
            total[1] += count
        for partner_id, (amount, count) in totals.items():
            revenue, orders = result.get(partner_id, (0.0, 0))
            result[partner_id] = (revenue + amount, orders + count)
        return result
