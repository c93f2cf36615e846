# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.sales_policy_base.tests.common import archive_approval_rules


@tagged("post_install", "-at_install")
class TestReceivablesUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        cls.accountant = new_test_user(
            cls.env,
            login="sr_tour_billing",
            password="sr_tour_billing",
            name="Tour Accountant",
            groups="base.group_user,account.group_account_invoice",
        )
        cls.rep = new_test_user(
            cls.env,
            login="sr_tour_rep",
            name="Tour Rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        customer = cls.env["res.partner"].create(
            {
                "name": "Tour Receivables Customer",
                "is_company": True,
                "user_id": cls.rep.id,
            }
        )
        today = fields.Date.today()
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_user_id": cls.rep.id,
                "invoice_date": today.replace(day=1),
                "invoice_date_due": today,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Tour service",
                            "quantity": 1,
                            "price_unit": 1000.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.invoice.action_post()

    def test_accountant_generates_the_months_collection_plan(self):
        self.start_tour(
            "/odoo/action-sales_receivables.sales_collection_plan_action",
            "sales_receivables_collection_plan_tour",
            login="sr_tour_billing",
        )
        today = fields.Date.today()
        plan = self.env["sales.collection.plan"].search(
            [("year", "=", today.year), ("month", "=", str(today.month))]
        )
        self.assertRecordValues(
            plan,
            [
                {
                    "state": "open",
                    "amount_expected": 1000.0,
                    "create_uid": self.accountant.id,
                }
            ],
        )
        self.assertRecordValues(
            plan.line_ids,
            [
                {
                    "move_id": self.invoice.id,
                    "user_id": self.rep.id,
                    "amount_expected": 1000.0,
                }
            ],
        )
