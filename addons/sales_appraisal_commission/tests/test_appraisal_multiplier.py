# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.sales_commission_policy.tests.common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestAppraisalMultiplier(SalesCommissionCommon):
    """A 1,000 pump invoiced to rep's grade A customer in March 2026: the
    Equipment rate 4 % -> commission 40. Multipliers of the plan: from score
    0 x0.8, from 80 x1.0, from 100 x1.2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan.appraisal_band_ids = [
            Command.create({"score_from": 0, "multiplier": 0.8}),
            Command.create({"score_from": 80, "multiplier": 1.0}),
            Command.create({"score_from": 100, "multiplier": 1.2}),
        ]
        cls.template = cls.env["sales.appraisal.template"].create(
            {
                "name": "Revenue Only",
                "indicator_ids": [
                    Command.create({"measure": "revenue", "weight": 100})
                ],
                "band_ids": [
                    Command.create({"achievement_from": a, "score": s})
                    for a, s in ((0, 0), (60, 60), (80, 80), (100, 100), (120, 120))
                ],
            }
        )
        cls._invoice([(cls.pump, 1, 1000.0)])
        cls.Line._generate(companies=cls.company)

    def _appraisal(self, actual, state="reviewed", user=None, month=3):
        """rep's March appraisal: revenue target 1,000, ``actual`` achieved."""
        appraisal = self.env["sales.appraisal"].create(
            {
                "company_id": self.company.id,
                "user_id": (user or self.rep).id,
                "template_id": self.template.id,
                "period_type": "month",
                "date_from": date(2026, month, 1),
                "date_to": date(2026, month + 1, 1),
                "line_ids": [
                    Command.create(
                        {
                            "measure": "revenue",
                            "weight": 100,
                            "target": 1000.0,
                            "actual": actual,
                        }
                    )
                ],
            }
        )
        if state != "draft":
            appraisal._transition({"state": state})
        return appraisal

    def _settle(self):
        return (
            self.env["sales.commission.settlement"]
            ._settle(date(2026, 3, 1), date(2026, 3, 31), self.company)
            .filtered(lambda s: s.user_id == self.rep)
        )

    def test_top_score_multiplies_the_commission_paid_through_the_settlement(self):
        self._appraisal(1000.0)  # 100 % -> score 100 -> x1.2
        settlement = self._settle()
        self.assertRecordValues(
            settlement,
            [
                {
                    "commission_base": 40.0,
                    "appraisal_score": 100.0,
                    "appraisal_multiplier": 1.2,
                    # 40 x 1.2 = 48
                    "amount_total": 48.0,
                }
            ],
        )
        self._approve_settlement(settlement)
        settlement.with_user(self.manager).action_pay()
        self.assertEqual(settlement.state, "paid")
        self.assertEqual(settlement.bill_id.amount_untaxed, 48.0)

    def test_low_score_reduces_the_commission(self):
        self._appraisal(500.0)  # 50 % -> score 0 -> x0.8: 40 x 0.8 = 32
        settlement = self._settle()
        self.assertEqual(settlement.appraisal_multiplier, 0.8)
        self.assertEqual(settlement.amount_total, 32.0)

    def test_draft_appraisal_or_none_pays_the_commission_as_is(self):
        self._appraisal(1000.0, state="draft")
        settlement = self._settle()
        self.assertEqual(settlement.appraisal_multiplier, 1.0)
        self.assertEqual(settlement.amount_total, 40.0)

    def test_multiplier_not_written_by_hand(self):
        self._appraisal(500.0)
        settlement = self._settle()
        with self.assertRaises(UserError):
            settlement.with_user(self.manager).write({"appraisal_multiplier": 5.0})
        self.assertEqual(settlement.amount_total, 32.0)
