# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forecast accuracy on the rep's monthly KPI scorecard.

The forecast is the rep's approved or published forecast of the month; the
actual is the untaxed amount of the rep's orders confirmed in the month (the
scorecard's own *revenue*, for the bias; per customer for the MAPE). The
arithmetic is ``tools/forecast_math.py``.
"""

from collections import defaultdict

from odoo import fields, models
from odoo.tools import SQL

from ..tools.forecast_math import bias, mape

COUNTED_STATES = ("approved", "published")


class SalesKpiScorecard(models.Model):
    _inherit = "sales.kpi.scorecard"

    has_forecast = fields.Boolean(
        string="Forecast Made",
        readonly=True,
        help="The rep's forecast of the month was approved.",
    )
    forecast_amount = fields.Monetary(
        readonly=True,
        help="Total of the rep's approved or published forecast of the month.",
    )
    forecast_mape = fields.Float(
        string="Forecast MAPE (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Mean absolute percentage error per customer: the mean of "
        "|actual - forecast| / actual over the customers the rep sold to in the "
        "month (customers without sales are left out; see the bias).",
    )
    forecast_bias = fields.Float(
        string="Forecast Bias (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="(forecast - actual) / actual, in percent: positive when the "
        "forecast was too high, negative when too low.",
    )

    def _collect_kpis(self, company, start, end):
        result = super()._collect_kpis(company, start, end)
        forecast = self._forecast_by_customer(company, start)
        actual = self._actual_by_customer(company, start, end)
        for user_id, vals in result.items():
            if user_id not in forecast:
                vals.update(
                    has_forecast=False,
                    forecast_amount=0.0,
                    forecast_mape=0.0,
                    forecast_bias=0.0,
                )
                continue
            planned = forecast[user_id]
            sold = actual.get(user_id, {})
            pairs = [
                (planned.get(partner, 0.0), sold.get(partner, 0.0))
                for partner in set(planned) | set(sold)
            ]
            total = sum(planned.values())
            vals.update(
                has_forecast=True,
                forecast_amount=company.currency_id.round(total),
                forecast_mape=round(mape(pairs) or 0.0, 2),
                forecast_bias=round(bias(total, vals.get("revenue", 0.0)) or 0.0, 2),
            )
        return result

    def _forecast_by_customer(self, company, month):
        """{user id: {partner id: forecast amount}} of the counted forecasts."""
        result = defaultdict(lambda: defaultdict(float))
        for user, partner, amount in self.env["sales.forecast.line"]._read_group(
            [
                ("company_id", "=", company.id),
                ("month", "=", month),
                ("state", "in", COUNTED_STATES),
                ("forecast_id.active", "=", True),
            ],
            ["user_id", "partner_id"],
            ["amount:sum"],
        ):
            result[user.id][partner.id] += amount
        # a counted forecast without lines forecasts nothing
        for user in self.env["sales.forecast"]._read_group(
            [
                ("company_id", "=", company.id),
                ("month", "=", month),
                ("state", "in", COUNTED_STATES),
            ],
            ["user_id"],
        ):
            result.setdefault(user[0].id, defaultdict(float))
        return result

    def _actual_by_customer(self, company, start, end):
        """{user id: {commercial partner id: untaxed amount in the company
        currency}} of the orders confirmed in the month."""
        self.env["sale.order"].flush_model(
            ["state", "company_id", "user_id", "date_order", "amount_untaxed"]
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT so.user_id, p.commercial_partner_id, "
                "SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)) "
                "FROM sale_order so JOIN res_partner p ON p.id = so.partner_id "
                "WHERE so.state = 'sale' AND so.company_id = %s "
                "AND so.user_id IS NOT NULL "
                "AND so.date_order >= %s AND so.date_order < %s "
                "GROUP BY 1, 2",
                company.id,
                start,
                end,
            )
        )
        result = defaultdict(dict)
        for user_id, partner_id, amount in rows:
            result[user_id][partner_id] = amount
        return result
