# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.modules.migration import load_script
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import SalesReceivablesCommon

pre_migration = load_script(
    "sales_receivables/migrations/18.0.1.1.0/pre-migration.py",
    "sales_receivables_pre_migration_18_0_1_1_0",
)


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

    def test_escalation_and_legal_status_hold_in_their_company_only(self):
        self._escalate()
        customer = self.customer
        self.assertEqual(
            customer.with_company(self.company).sales_collection_status, "escalated"
        )
        # the other company never escalated the customer: Normal there
        self.assertEqual(
            customer.with_company(self.company_b).sales_collection_status, "normal"
        )
        self.customer.with_user(self.manager).action_sales_escalate_legal()
        self.assertEqual(
            customer.with_company(self.company).sales_collection_status, "legal"
        )
        self.assertEqual(
            customer.with_company(self.company_b).sales_collection_status, "normal"
        )
        Order = self.env["sale.order"]
        order_values = {
            "partner_id": customer.id,
            "order_line": [
                (
                    0,
                    0,
                    {"product_id": self.product.id, "price_unit": 10.0, "tax_id": []},
                )
            ],
        }
        order_a = Order.with_company(self.company).create(
            {**order_values, "company_id": self.company.id}
        )
        order_b = Order.with_company(self.company_b).create(
            {**order_values, "company_id": self.company_b.id}
        )
        self.assertRecordValues(
            order_a | order_b,
            [{"sales_credit_hold": True}, {"sales_credit_hold": False}],
        )
        self.assertIn("legal recovery", order_a.sales_credit_hold_reason)
        # the partner list filter of a company shows its own escalations
        Partner = self.env["res.partner"]
        self.assertIn(
            customer,
            Partner.with_company(self.company).search(
                [("sales_collection_status", "=", "legal")]
            ),
        )
        self.assertNotIn(
            customer,
            Partner.with_company(self.company_b).search(
                [("sales_collection_status", "=", "legal")]
            ),
        )

    def test_upgrade_keeps_a_status_in_every_company(self):
        """A database from 18.0.1.0.0 had one status for all companies; the
        migration gives it to each company."""
        cr = self.env.cr
        self.env.flush_all()
        for column in pre_migration.COLUMNS:
            cr.execute(
                SQL(
                    "ALTER TABLE res_partner ALTER COLUMN %s TYPE varchar "
                    "USING (%s->>%s)",
                    SQL.identifier(column),
                    SQL.identifier(column),
                    str(self.company.id),
                )
            )
        cr.execute(
            "UPDATE res_partner SET sales_collection_status = 'legal', "
            "sales_credit_rating = 'bad' WHERE id = %s",
            (self.customer.id,),
        )
        pre_migration.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        for company in (self.company, self.company_b):
            self.assertRecordValues(
                self.customer.with_company(company),
                [{"sales_collection_status": "legal", "sales_credit_rating": "bad"}],
            )
        # a customer without a status reads as Normal
        self.assertEqual(
            self.customer_2.with_company(self.company_b).sales_collection_status,
            "normal",
        )
