# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon


@tagged("post_install", "-at_install")
class TestEscalation(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_escalation_days = 60
        cls.today = fields.Date.today()
        # customer: 1000 due 61 days ago (300 paid) and 200 not yet due
        cls.inv_old = cls._invoice(1000.0, due=cls.today - timedelta(days=61))
        cls._pay(cls.inv_old, 300.0)
        cls.inv_new = cls._invoice(200.0, due=cls.today + timedelta(days=10))
        # customer_2: 30 days overdue only
        cls._invoice(
            400.0,
            due=cls.today - timedelta(days=30),
            partner=cls.customer_2,
            user=cls.rep_2,
        )

    def _escalate(self):
        return self.env["res.partner"]._cron_sales_escalate(today=self.today)

    def test_customer_overdue_past_delay_is_escalated_and_manager_notified(self):
        self.assertEqual(self._escalate(), self.customer)
        self.assertEqual(self.customer.sales_collection_status, "escalated")
        self.assertEqual(self.customer_2.sales_collection_status, "normal")
        self.assertRecordValues(
            self.customer.sales_credit_history_ids,
            [
                {
                    "field_name": "sales_collection_status",
                    "old_value": "Normal",
                    "new_value": "Escalated",
                    "reason": "Invoice overdue more than 60 days",
                }
            ],
        )
        activity = self.customer.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("sales_policy_base.group_sales_policy_manager")
        )
        # nothing more on the next run
        self.assertFalse(self._escalate())

    def test_team_leader_is_the_manager_notified(self):
        team = self.env["crm.team"].create(
            {"name": "North", "user_id": self.senior_manager.id}
        )
        self.rep.sale_team_id = team
        self._escalate()
        self.assertEqual(self.customer.activity_ids.user_id, self.senior_manager)

    def test_escalation_continues_past_a_failing_customer(self):
        self.company.sales_escalation_days = 20
        Partner = type(self.env["res.partner"])
        original = Partner._sales_escalate
        failing = self.customer

        def escalate(partner, company):
            if partner == failing:
                raise ValueError("broken customer")
            return original(partner, company)

        with (
            patch.object(Partner, "_sales_escalate", escalate),
            mute_logger("odoo.addons.sales_receivables.models.res_partner"),
        ):
            self.assertEqual(self._escalate(), self.customer_2)
        self.assertEqual(self.customer.sales_collection_status, "normal")

    def test_only_a_manager_sends_a_customer_to_legal(self):
        self._escalate()
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).action_sales_escalate_legal()
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).sales_collection_status = "legal"
        action = self.customer.with_user(self.manager).action_sales_escalate_legal()
        case = self.env["sales.legal.case"].browse(action["res_id"])
        # open 700 + 200 = 900; overdue 1000 - 300 = 700
        self.assertRecordValues(
            case,
            [
                {
                    "partner_id": self.customer.id,
                    "amount_open": 900.0,
                    "amount_overdue": 700.0,
                    "state": "open",
                    "user_id": self.manager.id,
                }
            ],
        )
        self.assertTrue(case.name.startswith("LEGAL/"))
        self.assertEqual(self.customer.sales_collection_status, "legal")
        with self.assertRefused(UserError, "already in legal recovery"):
            self.customer.with_user(self.manager).action_sales_escalate_legal()

    def test_legal_case_closes_with_an_outcome(self):
        self._escalate()
        action = self.customer.with_user(self.manager).action_sales_escalate_legal()
        case = (
            self.env["sales.legal.case"]
            .with_user(self.legal_reviewer)
            .browse(action["res_id"])
        )
        case.action_start()
        with self.assertRefused(UserError, "Record the outcome"):
            case.action_close()
        case.write({"outcome": "settled", "amount_recovered": 600.0})
        case.action_close()
        self.assertRecordValues(
            case, [{"state": "closed", "date_closed": fields.Date.today()}]
        )
        with self.assertRefused(UserError, "cannot be negative"):
            case.amount_recovered = -1.0
        # the owning rep reads it, another rep does not, nobody else's company
        Case = self.env["sales.legal.case"]
        self.assertEqual(Case.with_user(self.rep).search([]), case)
        self.assertFalse(Case.with_user(self.rep_2).search([]))
        self.assertFalse(Case.with_user(self.admin_company_b).search([]))
        with self.assertRefused(AccessError, ""):
            case.with_user(self.rep).outcome = "withdrawn"

    def test_manager_brings_customer_back_to_normal(self):
        self._escalate()
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).action_sales_collection_normal()
        self.customer.with_user(self.manager).action_sales_collection_normal()
        self.assertEqual(self.customer.sales_collection_status, "normal")
