# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile
from datetime import date

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.sales_customer_dev.kpi import (
    conversion_rate,
    is_under_target,
    month_start,
    months_under_target,
)

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestKpiArithmetic(TransactionCase):
    def test_conversion_rate(self):
        self.assertEqual(conversion_rate(1, 2), 50.0)
        self.assertEqual(conversion_rate(1, 3), 33.33)
        self.assertEqual(conversion_rate(3, 0), 0.0)

    def test_under_target_ignores_zero_targets(self):
        targets = {"new_customers": 2, "revenue": 0}
        self.assertTrue(is_under_target({"new_customers": 1, "revenue": 0}, targets))
        self.assertFalse(is_under_target({"new_customers": 2, "revenue": 0}, targets))

    def test_months_under_target_counts_the_consecutive_run(self):
        may = date(2026, 5, 1)
        history = {date(2026, 4, 1): True, date(2026, 3, 1): True}
        self.assertEqual(months_under_target(may, history, True), 3)
        self.assertEqual(months_under_target(may, history, False), 0)
        history[date(2026, 3, 1)] = False
        self.assertEqual(months_under_target(may, history, True), 2)
        # a month without a scorecard ends the run
        self.assertEqual(months_under_target(may, {date(2026, 3, 1): True}, True), 1)


@tagged("post_install", "-at_install")
class TestKpiScorecard(CustomerDevCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_dev_target_new_customers": 2,
                "sales_dev_target_conversion": 0,
                "sales_dev_target_revenue": 0,
                "sales_dev_improvement_months": 3,
            }
        )
        cls.month = month_start(fields.Date.today())
        today = fields.Date.today()
        # rep: one opportunity won ...
        won = cls._rep_lead(name="Won deal", partner_id=cls.customer.id)
        won.action_set_won()
        # ... two visits to the same customer (satisfaction 4 and 2) ...
        Report = cls.env["sales.visit.report"].with_user(cls.rep)
        for score in ("4", "2"):
            Report.create(
                {
                    "partner_id": cls.customer.id,
                    "date": today,
                    "purpose": "Visit",
                    "outcome": "Done",
                    "satisfaction": score,
                }
            ).action_done()
        # ... and one contact done with a prospect.
        prospect_lead = cls._rep_lead(name="Prospect", partner_id=cls.prospect.id)
        cls.env["sales.contact.plan"].with_user(cls.rep).create(
            {"lead_id": prospect_lead.id, "name": "Intro call", "channel": "call"}
        ).action_done()
        # One confirmed order: 2 x 100 at a cost of 60.
        product = cls.env["product.product"].create(
            {
                "name": "Valve",
                "list_price": 100.0,
                "standard_price": 60.0,
                "taxes_id": [Command.clear()],
            }
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        # The rep was under target the two previous months.
        Scorecard = cls.env["sales.kpi.scorecard"]
        for months_back in (1, 2):
            Scorecard.create(
                {
                    "user_id": cls.rep.id,
                    "company_id": cls.company.id,
                    "month": cls.month - relativedelta(months=months_back),
                    "under_target": True,
                }
            )

    def test_manager_computes_the_month_scorecards(self):
        cards = (
            self.env["sales.kpi.scorecard"]
            .with_user(self.manager)
            .action_compute_month(self.month)
        )
        card = cards.filtered(lambda c: c.user_id == self.rep)
        self.assertRecordValues(
            card,
            [
                {
                    "month": self.month,
                    "new_customers": 1,
                    # customer (2 visits) + prospect (1 contact) = 2 distinct
                    "prospects_contacted": 2,
                    "conversion_rate": 50.0,  # 1 / 2
                    "revenue": 200.0,  # 2 x 100
                    "margin": 80.0,  # 200 - 2 x 60
                    "visits_done": 2,
                    "satisfaction_avg": 3.0,  # (4 + 2) / 2
                    "under_target": True,  # 1 new customer < target 2
                    "months_under_target": 3,
                    "improvement_plan": True,  # 3 months >= 3
                }
            ],
        )
        # the team leader is asked to set up the improvement plan
        self.assertRecordValues(card.activity_ids, [{"user_id": self.manager.id}])
        # rep_2 is not in the manager's team: read the card as superuser
        idle = cards.sudo().filtered(lambda c: c.user_id == self.rep_2)
        self.assertRecordValues(
            idle,
            [
                {
                    "new_customers": 0,
                    "prospects_contacted": 0,
                    "conversion_rate": 0.0,
                    "under_target": True,
                    "months_under_target": 1,
                    "improvement_plan": False,
                }
            ],
        )

    def test_recompute_updates_and_target_reached_clears_the_flag(self):
        Scorecard = self.env["sales.kpi.scorecard"].with_user(self.manager)
        first = Scorecard.action_compute_month(self.month)
        Scorecard.action_compute_month(self.month)
        # recomputing does not ask twice for the same improvement plan
        self.assertEqual(
            len(first.filtered(lambda c: c.user_id == self.rep).activity_ids), 1
        )
        self.company.sales_dev_target_new_customers = 1
        cards = Scorecard.action_compute_month(self.month)
        card = cards.filtered(lambda c: c.user_id == self.rep)
        self.assertRecordValues(
            card,
            [
                {
                    "under_target": False,
                    "months_under_target": 0,
                    "improvement_plan": False,
                }
            ],
        )
        self.assertEqual(
            self.env["sales.kpi.scorecard"].search_count(
                [("user_id", "=", self.rep.id), ("month", "=", self.month)]
            ),
            1,
        )

    def test_rep_cannot_compute_and_reads_only_own_scorecards(self):
        with self.assertRaises(AccessError):
            self.env["sales.kpi.scorecard"].with_user(self.rep).action_compute_month(
                self.month
            )
        self.env["sales.kpi.scorecard"].with_user(self.manager).action_compute_month(
            self.month
        )
        own = self.env["sales.kpi.scorecard"].with_user(self.rep).search([])
        self.assertEqual(own.user_id, self.rep)
        team = self.env["sales.kpi.scorecard"].with_user(self.manager).search([])
        self.assertEqual(team.user_id, self.rep | self.manager)

    def test_one_scorecard_per_rep_and_month(self):
        values = {
            "user_id": self.rep.id,
            "company_id": self.company.id,
            "month": self.month - relativedelta(months=1),
        }
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["sales.kpi.scorecard"].create(values)
        values["month"] = self.month - relativedelta(months=3)
        self.assertTrue(self.env["sales.kpi.scorecard"].create(values))

    def test_monthly_cron_computes_the_previous_month(self):
        self.env["sales.kpi.scorecard"]._cron_compute_previous_month()
        previous = self.month - relativedelta(months=1)
        card = self.env["sales.kpi.scorecard"].search(
            [("user_id", "=", self.rep.id), ("month", "=", previous)]
        )
        # nothing happened last month: recomputed as 0 new customers
        self.assertRecordValues(card, [{"new_customers": 0, "under_target": True}])

    def test_manager_exports_the_scorecards_to_xlsx(self):
        self.env["sales.kpi.scorecard"].with_user(self.manager).action_compute_month(
            self.month
        )
        wizard = (
            self.env["sales.kpi.scorecard.wizard"]
            .with_user(self.manager)
            .create({"month_from": self.month, "month_to": self.month})
        )
        action = wizard.action_export_xlsx()
        self.assertIn("download=true", action["url"])
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            strings = xlsx.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.rep.name, strings)
        self.assertNotIn(self.rep_2.name, strings)  # not in the manager's team

    def test_wizard_computes_a_range_of_months(self):
        wizard = (
            self.env["sales.kpi.scorecard.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "month_from": self.month - relativedelta(months=1),
                    "month_to": self.month,
                }
            )
        )
        wizard.action_compute()
        self.assertEqual(
            self.env["sales.kpi.scorecard"].search_count(
                [("user_id", "=", self.rep.id)]
            ),
            3,
        )

    def test_wizard_refuses_months_out_of_order(self):
        with self.assertRefused(ValidationError, "out of order"):
            self.env["sales.kpi.scorecard.wizard"].with_user(self.manager).create(
                {
                    "month_from": self.month,
                    "month_to": self.month - relativedelta(months=2),
                }
            )

    def test_settings_refuse_thresholds_out_of_order(self):
        with self.assertRefused(ValidationError, "out of order"):
            self.company.write(
                {"sales_dev_visit_interval_days": 60, "sales_dev_inactive_days": 30}
            )
        with self.assertRefused(ValidationError, "at least one day"):
            self.company.sales_dev_visit_interval_days = 0
        with self.assertRefused(ValidationError, "between 0"):
            self.company.sales_dev_target_conversion = 120
        with self.assertRefused(ValidationError, "between 1 and 24"):
            self.company.sales_dev_improvement_months = 0
        settings = (
            self.env["res.config.settings"]
            .with_user(self.policy_admin)
            .create(
                {"sales_dev_visit_interval_days": 14, "sales_dev_inactive_days": 90}
            )
        )
        settings.execute()
        self.assertRecordValues(
            self.company,
            [{"sales_dev_visit_interval_days": 14, "sales_dev_inactive_days": 90}],
        )
