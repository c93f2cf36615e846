# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import ForecastCommon


@tagged("post_install", "-at_install")
class TestForecastScorecard(ForecastCommon):
    def test_accuracy_on_the_scorecard(self):
        month = self.this_month
        forecast = self._forecast(
            month=month,
            lines=[
                (self.customer, self.categ_a, 1, 800.0),
                (self.customer, self.categ_b, 1, 200.0),
                (self.customer_2, None, 1, 600.0),
            ],
        )
        forecast.with_user(self.rep).action_submit()
        forecast.with_user(self.manager).action_approval_approve()
        day = month + relativedelta(days=1)
        # sold: customer 1,250 (forecast 1,000), customer_2 500 (forecast 600)
        self._order(self.rep, self.customer, [(self.product_a, 10, 100.0)], day)
        self._order(self.rep, self.customer, [(self.product_b, 5, 50.0)], day)
        self._order(
            self.rep, self.customer_2_contact, [(self.product_a, 5, 100.0)], day
        )
        cards = (
            self.env["sales.kpi.scorecard"]
            .with_user(self.manager)
            .action_compute_month(month)
        )
        card = cards.filtered(lambda c: c.user_id == self.rep)
        # MAPE: |1250 - 1000| / 1250 = 0.20; |500 - 600| / 500 = 0.20 -> 20 %
        # bias: (1600 - 1750) / 1750 = -8.571... % -> -8.57
        self.assertRecordValues(
            card,
            [
                {
                    "has_forecast": True,
                    "revenue": 1750.0,
                    "forecast_amount": 1600.0,
                    "forecast_mape": 20.0,
                    "forecast_bias": -8.57,
                }
            ],
        )
        other = cards.filtered(lambda c: c.user_id == self.rep_2)
        self.assertRecordValues(
            other, [{"has_forecast": False, "forecast_mape": 0.0, "forecast_bias": 0.0}]
        )

    def test_draft_forecast_does_not_count(self):
        self._forecast(month=self.this_month, lines=[(self.customer, None, 1, 100.0)])
        cards = (
            self.env["sales.kpi.scorecard"]
            .with_user(self.manager)
            .action_compute_month(self.this_month)
        )
        self.assertFalse(cards.filtered(lambda c: c.user_id == self.rep).has_forecast)
