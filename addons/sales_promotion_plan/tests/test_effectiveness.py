# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import Command
from odoo.tests import tagged

from .common import PromotionCommon


@tagged("post_install", "-at_install")
class TestPromotionEffectiveness(PromotionCommon):
    """Spring Fair (budget 2,000): 4 leads of which 2 opportunities (one of
    them lost), 1 confirmed order of 1,000 (cost 600), a quotation and a
    cancelled order that do not count, a lead of another company that does
    not count. Summer Mailing (budget 3,000): 1 lead, no order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # orders of this test are confirmed without the sale policy's rules
        cls.env["sales.policy.approval.rule"].search(
            [("model_id.model", "=", "sale.order")]
        ).active = False
        cls.customer = cls.env["res.partner"].create({"name": "Promo Customer"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "Promo Filler",
                "list_price": 1000.0,
                "standard_price": 600.0,
                "taxes_id": [Command.clear()],
            }
        )
        Lead = cls.env["crm.lead"]
        fair = cls.fair.campaign_id
        Lead.create(
            [
                {"name": "L1", "type": "lead", "campaign_id": fair.id},
                {"name": "L2", "type": "lead", "campaign_id": fair.id},
                {"name": "O1", "type": "opportunity", "campaign_id": fair.id},
                {"name": "O2", "type": "opportunity", "campaign_id": fair.id},
                {
                    "name": "Mailing lead",
                    "type": "lead",
                    "campaign_id": cls.mailing.campaign_id.id,
                },
                {
                    "name": "Other company",
                    "type": "lead",
                    "campaign_id": fair.id,
                    "company_id": cls.company_b.id,
                },
            ]
        )
        Lead.search([("name", "=", "O2")]).action_set_lost()
        cls.won = cls._order(1, 1000.0)
        cls.won.action_confirm()
        cls._order(1, 500.0)  # a quotation
        cls._order(2, 1000.0)._action_cancel()

    @classmethod
    def _order(cls, qty, price):
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "campaign_id": cls.fair.campaign_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )

    def _rows(self, user=None):
        self.env.flush_all()
        Effect = self.env["sales.promotion.effectiveness"]
        if user:
            Effect = Effect.with_user(user)
        return Effect.search([("plan_id", "=", self.plan.id)], order="date_start")

    def test_effectiveness_per_campaign(self):
        self.assertEqual(self.won.state, "sale")
        self.assertRecordValues(
            self._rows(self.rep),
            [
                {
                    "campaign_id": self.fair.campaign_id.id,
                    "lead_count": 4,
                    "opportunity_count": 2,
                    "order_count": 1,
                    "revenue": 1000.0,
                    # 1,000 - 1 x 600
                    "margin": 400.0,
                    # no actual cost yet: the budget
                    "spend": 2000.0,
                    # 2,000 / 4 leads
                    "cost_per_lead": 500.0,
                    # 1,000 / 2,000
                    "return_on_spend": 0.5,
                },
                {
                    "campaign_id": self.mailing.campaign_id.id,
                    "lead_count": 1,
                    "opportunity_count": 0,
                    "order_count": 0,
                    "revenue": 0.0,
                    "margin": 0.0,
                    "spend": 3000.0,
                    # 3,000 / 1 lead
                    "cost_per_lead": 3000.0,
                    "return_on_spend": 0.0,
                },
            ],
        )

    def test_actual_cost_replaces_the_budget_as_spend(self):
        self.fair.with_user(self.manager).actual_cost = 800.0
        self.assertRecordValues(
            self._rows()[0],
            [
                {
                    "spend": 800.0,
                    # 800 / 4
                    "cost_per_lead": 200.0,
                    # 1,000 / 800
                    "return_on_spend": 1.25,
                }
            ],
        )

    def test_no_lead_and_no_spend_leave_the_ratios_empty(self):
        plan = self._plan([("Quiet", "2035-01-01", "2035-01-31", 0.0)], year=2035)
        self.env.flush_all()
        row = self.env["sales.promotion.effectiveness"].search(
            [("plan_id", "=", plan.id)]
        )
        self.assertRecordValues(
            row,
            [
                {
                    "lead_count": 0,
                    "spend": 0.0,
                    "cost_per_lead": 0.0,
                    "return_on_spend": 0.0,
                }
            ],
        )

    def test_pivot_sums_per_plan(self):
        self.env.flush_all()
        groups = self.env["sales.promotion.effectiveness"]._read_group(
            [("plan_id", "=", self.plan.id)],
            ["plan_id"],
            ["lead_count:sum", "revenue:sum", "spend:sum"],
        )
        # 4 + 1 leads; 1,000 revenue; 2,000 + 3,000 spend
        self.assertEqual(groups, [(self.plan, 5, 1000.0, 5000.0)])

    def test_xlsx_export_as_a_rep(self):
        wizard = (
            self.env["sales.promotion.export.wizard"]
            .with_user(self.rep)
            .create({"year": 2031, "plan_id": self.plan.id})
        )
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 3)
        fair = rows[1]
        self.assertEqual(fair[1], "Spring Fair")
        # spend, leads, opportunities, orders, revenue, margin, CPL, ROS
        self.assertEqual(fair[7:15], (2000, 4, 2, 1, 1000, 400, 500, 0.5))
