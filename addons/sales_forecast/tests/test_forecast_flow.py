# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ForecastCommon


@tagged("post_install", "-at_install")
class TestForecastFlow(ForecastCommon):
    def _approve_as_manager(self, forecast):
        forecast.with_user(self.manager).action_approval_approve()

    def test_rep_submits_manager_approves_and_publishes(self):
        forecast = self._forecast(
            lines=[
                (self.customer, self.categ_a, 10, 1000.0),
                (self.customer, None, 0, 250.0),
            ]
        )
        self.assertRecordValues(
            forecast,
            [{"state": "draft", "amount_total": 1250.0, "team_id": self.team.id}],
        )
        forecast.with_user(self.rep).action_submit()
        self.assertEqual(forecast.state, "submitted")
        self.assertEqual(forecast.approval_status, "pending")
        # the rep never approves their own forecast
        with self.assertRefused(UserError, "No approval request"):
            forecast.with_user(self.rep).action_approval_approve()
        self._approve_as_manager(forecast)
        self.assertRecordValues(
            forecast, [{"state": "approved", "approved_by_id": self.manager.id}]
        )
        with self.assertRefused(UserError, "Only a sales manager publishes"):
            forecast.with_user(self.rep).action_publish()
        forecast.with_user(self.manager).action_publish()
        self.assertRecordValues(
            forecast, [{"state": "published", "published_by_id": self.manager.id}]
        )

    def test_rejected_forecast_returns_to_draft_for_correction(self):
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 1, 100.0)])
        forecast.with_user(self.rep).action_submit()
        forecast.with_user(self.manager).action_approval_reject()
        self.assertEqual(forecast.state, "draft")
        forecast.line_ids.with_user(self.rep).amount = 150.0
        forecast.with_user(self.rep).action_submit()
        self.assertEqual(forecast.approval_status, "pending")

    def test_without_rule_the_forecast_is_approved_at_submission(self):
        self.forecast_rule.active = False
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 1, 100.0)])
        forecast.with_user(self.rep).action_submit()
        self.assertEqual(forecast.state, "approved")

    def test_forecast_for_a_past_month_is_refused(self):
        with self.assertRefused(ValidationError, "past month"):
            self._forecast(month=self.this_month - relativedelta(months=1))
        self.assertFalse(
            self.env["sales.forecast"].search([("user_id", "=", self.rep.id)])
        )

    def test_month_is_the_first_day(self):
        forecast = self._forecast(month=self.next_month + relativedelta(days=9))
        self.assertEqual(forecast.month, self.next_month)

    def test_negative_figures_are_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._forecast(lines=[(self.customer, self.categ_a, -1, 100.0)])
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._forecast(lines=[(self.customer, self.categ_a, 1, -100.0)])
        self.assertFalse(
            self.env["sales.forecast"].search([("user_id", "=", self.rep.id)])
        )
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 1, 100.0)])
        with self.assertRefused(ValidationError, "cannot be negative"):
            forecast.line_ids.with_user(self.rep).amount = -5.0
        self.assertEqual(forecast.line_ids.amount, 100.0)

    def test_second_forecast_for_the_same_month_is_refused(self):
        self._forecast()
        with self.assertRefused(ValidationError, "already has a forecast"):
            self._forecast()
        with self.assertRefused(ValidationError, "already has a forecast"):
            self.env["sales.forecast"].create(
                [
                    {"user_id": self.rep_2.id, "month": self.next_month},
                    {"user_id": self.rep_2.id, "month": self.next_month},
                ]
            )
        other = self._forecast(month=self.next_month + relativedelta(months=1))
        with self.assertRefused(ValidationError, "already has a forecast"):
            other.with_user(self.rep).month = self.next_month
        self.assertEqual(
            self.env["sales.forecast"].search_count(
                [("user_id", "in", [self.rep.id, self.rep_2.id])]
            ),
            2,
        )

    def test_customer_line_is_the_commercial_partner(self):
        forecast = self._forecast(
            lines=[(self.customer_2_contact, None, 1, 10.0)], user=self.rep_2
        )
        self.assertEqual(forecast.line_ids.partner_id, self.customer_2)
        with self.assertRefused(ValidationError, "one line per customer"):
            forecast.with_user(self.rep_2).write(
                {
                    "line_ids": [
                        Command.create(
                            {"partner_id": self.customer_2.id, "amount": 5.0}
                        )
                    ]
                }
            )

    def test_submitted_forecast_is_frozen(self):
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 1, 100.0)])
        forecast.with_user(self.rep).action_submit()
        with self.assertRefused(UserError, "already submitted"):
            forecast.line_ids.with_user(self.rep).amount = 1.0
        with self.assertRefused(UserError, "already submitted"):
            forecast.with_user(self.rep).write(
                {
                    "line_ids": [
                        Command.create(
                            {"partner_id": self.customer_2.id, "amount": 5.0}
                        )
                    ]
                }
            )
        with self.assertRefused(UserError, "already submitted"):
            forecast.with_user(self.manager).note = "changed"
        with self.assertRefused(UserError, "Only draft forecasts"):
            forecast.with_user(self.manager).unlink()
        self.assertRecordValues(forecast.line_ids, [{"amount": 100.0}])

    def test_rep_submits_own_forecasts_only(self):
        own = self._forecast()
        other = self._forecast(user=self.rep_2)
        with self.assertRefused(UserError, "Only the salesperson submits"):
            (own | other).with_user(self.manager).action_submit()
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["state"])
        self.assertEqual((own | other).mapped("state"), ["draft", "draft"])

    def test_visibility_rep_manager_planning(self):
        own = self._forecast(lines=[(self.customer, self.categ_a, 1, 100.0)])
        other = self._forecast(
            user=self.rep_2, lines=[(self.customer_2, None, 1, 50.0)]
        )
        Forecast = self.env["sales.forecast"]
        domain = [("id", "in", (own | other).ids)]
        self.assertEqual(Forecast.with_user(self.rep).search(domain), own)
        self.assertEqual(Forecast.with_user(self.manager).search(domain), own | other)
        self.assertFalse(Forecast.with_user(self.planner).search(domain))
        own.with_user(self.rep).action_submit()
        self._approve_as_manager(own)
        self.assertFalse(Forecast.with_user(self.planner).search(domain))
        own.with_user(self.manager).action_publish()
        self.assertEqual(Forecast.with_user(self.planner).search(domain), own)
        self.assertEqual(
            self.env["sales.forecast.line"]
            .with_user(self.planner)
            .search([("forecast_id", "in", (own | other).ids)]),
            own.line_ids,
        )
        with self.assertRaises(AccessError):
            own.with_user(self.planner).note = "planning edits"
        with self.assertRaises(AccessError):
            Forecast.with_user(self.planner).create(
                {
                    "user_id": self.rep.id,
                    "month": self.next_month + relativedelta(months=2),
                }
            )

    def test_planning_exports_published_forecasts_to_xlsx(self):
        forecast = self._forecast(lines=[(self.customer, self.categ_a, 3, 300.0)])
        forecast.with_user(self.rep).action_submit()
        self._approve_as_manager(forecast)
        forecast.with_user(self.manager).action_publish()
        draft = self._forecast(
            user=self.rep_2, lines=[(self.customer_2, None, 1, 77.0)]
        )
        wizard = (
            self.env["sales.forecast.export.wizard"]
            .with_user(self.planner)
            .create({"month_from": self.next_month, "month_to": self.next_month})
        )
        self.assertEqual(wizard._lines(), forecast.line_ids)
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.customer.name, strings)
        self.assertNotIn(self.customer_2.name, strings)
        self.assertTrue(draft)

    def test_form_flow(self):
        with Form(self.env["sales.forecast"].with_user(self.rep)) as form:
            form.month = self.next_month
            with form.line_ids.new() as line:
                line.partner_id = self.customer
                line.categ_id = self.categ_b
                line.quantity = 2
                line.amount = 400.0
        forecast = form.save()
        self.assertRecordValues(
            forecast,
            [{"user_id": self.rep.id, "amount_total": 400.0, "state": "draft"}],
        )

    def test_settings_are_checked(self):
        with self.assertRefused(ValidationError, "between 1 and 31"):
            self.company.sales_forecast_deadline_day = 40
        settings = self.env["res.config.settings"].create(
            {"sales_forecast_months_ahead": 2}
        )
        settings.execute()
        self.assertEqual(self.company.sales_forecast_months_ahead, 2)
