# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SatisfactionCommon

RULE_LOGGER = "odoo.addons.sales_satisfaction.models.sales_satisfaction_rule"


@tagged("post_install", "-at_install")
class TestPeriodicCron(SatisfactionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rule("periodic", grade="a", interval_months=6)
        Partner = cls.env["res.partner"]

        def customer(name, grade="a", **vals):
            return Partner.create(
                dict(
                    {
                        "name": name,
                        "is_company": True,
                        "customer_rank": 1,
                        "email": f"{name.lower().replace(' ', '.')}@example.com",
                        "sales_grade": grade,
                        "user_id": cls.rep.id,
                    },
                    **vals,
                )
            )

        # created first: the cron meets it before the others
        cls.failing = customer("Failing Customer")
        cls.never_asked = customer("Never Asked")
        cls.asked_7_months_ago = customer("Asked Seven Months Ago")
        cls.asked_2_months_ago = customer("Asked Two Months Ago")
        cls.class_c = customer("Class C Customer", grade="c")
        cls.no_email = customer("No Email Customer", email=False)
        cls.prospect = customer("Prospect", customer_rank=0)
        today = fields.Datetime.now()
        for partner, months in (
            (cls.asked_7_months_ago, 7),
            (cls.asked_2_months_ago, 2),
        ):
            answer = partner._sales_satisfaction_request("periodic")
            cls.env.cr.execute(
                "UPDATE survey_user_input SET create_date = %s WHERE id = %s",
                (today - relativedelta(months=months), answer.id),
            )
        cls.env.invalidate_all()

    def _sent_to(self, partners):
        return (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("sales_satisfaction_trigger", "=", "periodic"),
                    ("sales_satisfaction_partner_id", "in", partners.ids),
                    (
                        "create_date",
                        ">=",
                        fields.Datetime.now() - relativedelta(days=1),
                    ),
                ]
            )
            .sales_satisfaction_partner_id
        )

    def test_cron_sends_only_due_invitations_past_a_failing_customer(self):
        Partner = self.registry["res.partner"]
        original = Partner._sales_satisfaction_request
        failing = self.failing

        def request(partner, trigger, origin=None):
            if partner == failing:
                raise ConnectionRefusedError("Mail server refused the address")
            return original(partner, trigger, origin=origin)

        commits = []
        all_partners = (
            self.failing
            | self.never_asked
            | self.asked_7_months_ago
            | self.asked_2_months_ago
            | self.class_c
            | self.no_email
            | self.prospect
        )
        with (
            patch.object(Partner, "_sales_satisfaction_request", request),
            mute_logger(RULE_LOGGER),
        ):
            sent = self.Rule._cron_send_periodic_surveys(
                batch_size=1, commit=lambda: commits.append(1)
            )
        # the rep's class A customer of the common fixtures was never asked
        due = self.customer | self.never_asked | self.asked_7_months_ago
        self.assertEqual(sent.sales_satisfaction_partner_id, due)
        self.assertEqual(self._sent_to(all_partners | self.customer), due)
        # one batch per customer processed, the failing one included
        self.assertEqual(len(commits), 4)

        # the next run: nothing is due any more but the customer that failed
        with mute_logger(RULE_LOGGER):
            sent = self.Rule._cron_send_periodic_surveys(commit=False)
        self.assertEqual(sent.sales_satisfaction_partner_id, self.failing)

    def test_interval_counts_from_the_last_invitation(self):
        self.Rule.search([("trigger", "=", "periodic")]).interval_months = 1
        sent = self.Rule._cron_send_periodic_surveys(commit=False)
        # 2 months ago is now due too
        self.assertIn(self.asked_2_months_ago, sent.sales_satisfaction_partner_id)
        self.assertNotIn(self.class_c, sent.sales_satisfaction_partner_id)
