# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL

from ..tools.forecast_math import suggested_line
from .common import ForecastCommon


@tagged("post_install", "-at_install")
class TestForecastPrefill(ForecastCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        in_month = cls.next_month + relativedelta(days=10)

        def lead(user, partner, revenue, probability, deadline, **vals):
            return Lead.create(
                {
                    "name": "Forecast Opportunity",
                    "type": "opportunity",
                    "user_id": user.id,
                    "team_id": False,
                    "partner_id": partner.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                    "date_deadline": deadline,
                    "stage_id": cls.stages["research"].id,
                    **vals,
                }
            )

        # 10,000 x 40 % = 4,000, split by its quotation: 300 Powder / 100 Granules
        cls.lead_quoted = lead(cls.rep, cls.customer, 10000.0, 40.0, in_month)
        cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.rep.id,
                "opportunity_id": cls.lead_quoted.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product_a.id,
                            "product_uom_qty": 3,
                            "price_unit": 100.0,
                        }
                    ),
                    Command.create(
                        {
                            "product_id": cls.product_b.id,
                            "product_uom_qty": 1,
                            "price_unit": 100.0,
                        }
                    ),
                ],
            }
        )
        # 5,000 x 20 % = 1,000 for the contact's company, no quotation: no category
        lead(cls.rep, cls.customer_2_contact, 5000.0, 20.0, in_month)
        # left out: another month, won, lost, another rep's
        lead(cls.rep, cls.customer, 7000.0, 50.0, in_month + relativedelta(months=1))
        won = cls.env["crm.stage"].create({"name": "Forecast Won", "is_won": True})
        lead(cls.rep, cls.customer, 9000.0, 100.0, in_month, stage_id=won.id)
        lead(cls.rep, cls.customer, 8000.0, 30.0, in_month, active=False)
        lead(cls.rep_2, cls.customer_2, 2000.0, 50.0, in_month)
        # last year's orders of the same month (and one two years ago, left out)
        last_year = cls.next_month - relativedelta(years=1) + relativedelta(days=3)
        cls._order(cls.rep, cls.customer, [(cls.product_a, 2, 150.0)], last_year)
        cls._order(
            cls.rep, cls.customer_2_contact, [(cls.product_b, 1, 80.0)], last_year
        )
        cls._order(
            cls.rep,
            cls.customer,
            [(cls.product_a, 9, 999.0)],
            last_year - relativedelta(years=1),
        )

    def _lines(self, forecast):
        return sorted(
            (
                line.partner_id.id,
                line.categ_id.id or 0,
                line.pipeline_amount,
                line.history_amount,
                line.history_quantity,
                line.amount,
                line.quantity,
            )
            for line in forecast.line_ids
        )

    def test_generation_prefills_from_pipeline_and_history(self):
        created = self.env["sales.forecast.prefill"]._generate(
            self.company, [self.next_month]
        )
        forecast = created.filtered(lambda f: f.user_id == self.rep)
        self.assertEqual(len(forecast), 1)
        self.assertEqual(forecast.state, "draft")
        # (partner, category, pipeline, history, history qty, amount, qty)
        expected = sorted(
            [
                # 4,000 x 300 / 400 = 3,000; last year 2 x 150 = 300
                (self.customer.id, self.categ_a.id, 3000.0, 300.0, 2.0, 3000.0, 2.0),
                # 4,000 x 100 / 400 = 1,000
                (self.customer.id, self.categ_b.id, 1000.0, 0.0, 0.0, 1000.0, 0.0),
                (self.customer_2.id, 0, 1000.0, 0.0, 0.0, 1000.0, 0.0),
                # no pipeline: last year's 1 x 80
                (self.customer_2.id, self.categ_b.id, 0.0, 80.0, 1.0, 80.0, 1.0),
            ]
        )
        self.assertEqual(self._lines(forecast), expected)
        self.assertRecordValues(
            forecast,
            [
                {
                    "pipeline_total": 5000.0,
                    "history_total": 380.0,
                    "amount_total": 5080.0,
                }
            ],
        )
        other = created.filtered(lambda f: f.user_id == self.rep_2)
        self.assertEqual(
            self._lines(other), [(self.customer_2.id, 0, 1000.0, 0.0, 0.0, 1000.0, 0.0)]
        )
        # again: nothing new
        again = self.env["sales.forecast.prefill"]._generate(
            self.company, [self.next_month]
        )
        self.assertFalse(again)

    def test_refresh_keeps_the_reps_amounts(self):
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 5, 2500.0)])
        forecast.with_user(self.rep).action_refresh_suggestions()
        line = forecast.line_ids.filtered(lambda line: line.categ_id == self.categ_a)
        self.assertRecordValues(
            line, [{"amount": 2500.0, "quantity": 5.0, "pipeline_amount": 3000.0}]
        )
        self.assertEqual(len(forecast.line_ids), 4)
        with self.assertRefused(UserError, "computed"):
            line.with_user(self.rep).pipeline_amount = 99999.0

    def test_wizard_is_for_managers(self):
        wizard = (
            self.env["sales.forecast.generate.wizard"]
            .with_user(self.manager)
            .create({"months_ahead": 2})
        )
        action = wizard.action_generate()
        forecasts = self.env["sales.forecast"].search(action["domain"])
        self.assertEqual(
            set(forecasts.filtered(lambda f: f.user_id == self.rep).mapped("month")),
            {self.next_month, self.next_month + relativedelta(months=1)},
        )
        with self.assertRaises(AccessError):
            self.env["sales.forecast.generate.wizard"].with_user(self.rep).create({})

    def test_reminder_cron_reminds_unsubmitted_forecasts_once(self):
        today = fields.Date.context_today(self.env["sales.forecast"])
        self.company.sales_forecast_deadline_day = today.day
        self.company.sales_forecast_reminder_days = 3
        submitted = self._forecast(user=self.rep_2)
        submitted.with_user(self.rep_2).action_submit()
        Prefill = self.env["sales.forecast.prefill"]
        commits = []
        reminded = Prefill._cron_remind(commit=lambda: commits.append(1))
        forecast = self.env["sales.forecast"].search(
            [("user_id", "=", self.rep.id), ("month", "=", self.next_month)]
        )
        self.assertIn(forecast, reminded)
        self.assertNotIn(submitted, reminded)
        reminder_type = self.env.ref("sales_forecast.mail_activity_type_forecast_due")
        activity = forecast.activity_ids.filtered(
            lambda a: a.activity_type_id == reminder_type
        )
        self.assertRecordValues(
            activity,
            [{"user_id": self.rep.id, "date_deadline": forecast.deadline}],
        )
        self.assertTrue(commits)
        self.assertFalse(Prefill._cron_remind(commit=False) & forecast)
        # submitting clears the reminder
        forecast.with_user(self.rep).action_submit()
        self.assertFalse(
            forecast.activity_ids.filtered(
                lambda a: a.activity_type_id == reminder_type
            )
        )

    def test_sql_suggestion_agrees_with_the_python_rule(self):
        """The SQL insert and ``suggested_line`` give the same figures,
        including half-cent amounts, no pipeline and no history."""
        Prefill = self.env["sales.forecast.prefill"]
        rounding = self.company.currency_id.rounding
        digits = Prefill._quantity_digits()
        cases = [
            (4000.0, 300.0, 2.0),
            (0.0, 80.0, 1.0),
            (1000.0, 0.0, 0.0),
            (0.0, 0.0, 0.0),
            (2.675, 1.005, 0.125),
            (1234.565, 99.994999, 3.3333),
            (0.004, 12.5, 7.0),
            (None, 42.0, None),
        ]
        suggestion = Prefill._suggestion_sql(
            SQL("v.pipeline"), SQL("v.history"), SQL("v.quantity"), rounding, digits
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT %s FROM (VALUES %s) AS v(n, pipeline, history, quantity) "
                "ORDER BY v.n",
                SQL(", ").join(suggestion.values()),
                SQL(", ").join(
                    SQL("(%s, %s::float8, %s::float8, %s::float8)", n, *case)
                    for n, case in enumerate(cases)
                ),
            )
        )
        for case, row in zip(cases, rows, strict=True):
            expected = suggested_line(*case, rounding, digits)
            self.assertEqual(
                dict(zip(suggestion, row, strict=True)), expected, f"figures {case}"
            )

    def test_inserted_lines_agree_with_the_python_figures(self):
        Prefill = self.env["sales.forecast.prefill"]
        created = Prefill._generate(self.company, [self.next_month])
        rounding = self.company.currency_id.rounding
        digits = Prefill._quantity_digits()
        figures = Prefill._figures(self.company, self.next_month, created.user_id.ids)
        expected = sorted(
            (
                user_id,
                partner_id,
                categ_id or 0,
                *suggested_line(*f, rounding, digits).values(),
            )
            for (user_id, partner_id, categ_id), f in figures.items()
        )
        lines = created.line_ids
        self.assertEqual(
            sorted(
                (
                    line.user_id.id,
                    line.partner_id.id,
                    line.categ_id.id or 0,
                    line.pipeline_amount,
                    line.history_amount,
                    line.history_quantity,
                    line.amount,
                    line.quantity,
                )
                for line in lines
            ),
            expected,
        )
        # the stored related fields and the forecasts' totals follow
        for forecast in created.filtered("line_ids"):
            self.assertRecordValues(
                forecast.line_ids,
                [
                    {
                        "company_id": forecast.company_id.id,
                        "month": forecast.month,
                        "state": "draft",
                        "team_id": forecast.team_id.id,
                    }
                ]
                * len(forecast.line_ids),
            )
            self.assertAlmostEqual(
                forecast.amount_total, sum(forecast.line_ids.mapped("amount"))
            )
        # what the database holds (not only the cache)
        self.env.invalidate_all()
        self.assertEqual(
            sum(created.mapped("pipeline_total")),
            sum(created.line_ids.mapped("pipeline_amount")),
        )
        # a second pre-fill adds nothing
        self.assertFalse(Prefill._prefill(created))
