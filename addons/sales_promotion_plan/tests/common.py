# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon

YEAR = 2031


class PromotionCommon(SalesPolicyCommon):
    """A draft 2031 promotion plan of the manager with two campaigns
    (budgets 2,000 and 3,000: total 5,000), the shipped approval rule active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env.ref(
            "sales_promotion_plan.approval_rule_promotion_plan_senior"
        )
        cls.rule.active = True
        cls.medium = cls.env["utm.medium"].create({"name": "Promo Test Fair"})
        cls.plan = cls._plan(
            [
                ("Spring Fair", "2031-03-01", "2031-03-05", 2000.0),
                ("Summer Mailing", "2031-06-01", "2031-07-31", 3000.0),
            ]
        )
        cls.fair, cls.mailing = cls.plan.campaign_ids.sorted("date_start")

    @classmethod
    def _plan(cls, lines, year=YEAR, user=None, company=None):
        """A draft plan created by the manager; ``lines``: [(name, start,
        end, budget)], one tuple per campaign."""
        user = user or cls.manager
        return (
            cls.env["sales.promotion.plan"]
            .with_user(user)
            .create(
                {
                    "name": f"Promotion {year}",
                    "year": year,
                    "user_id": user.id,
                    "company_id": (company or cls.company).id,
                    "campaign_ids": [
                        Command.create(
                            {
                                "name": name,
                                "date_start": start,
                                "date_end": end,
                                "budget": budget,
                                "medium_id": cls.medium.id,
                            }
                        )
                        for name, start, end, budget in lines
                    ],
                }
            )
        )

    def _approve(self, plan=None):
        """Manager submits, senior management approves."""
        plan = plan or self.plan
        plan.with_user(self.manager).action_submit()
        plan.with_user(self.senior_manager).action_approval_approve()
        return plan
