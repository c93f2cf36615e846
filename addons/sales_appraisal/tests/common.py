# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon


class SalesAppraisalCommon(SalesPolicyCommon):
    """``rep`` in ``team`` led by ``manager``; ``rep_2`` in ``team_2``.

    Template: revenue 50 %, new customers 20 %, visits 10 %, teamwork 10 %,
    attitude 10 %; bands 0 -> 0, 60 -> 60, 80 -> 80, 100 -> 100, 120 -> 120;
    passing score 60. Figures are dated in 2025 (last year: 2024).
    """

    YEAR = 2025

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the orders measured here are confirmed as a fixture: in a database
        # with sales_policy_sale, its shipped rules on orders would gate them
        # (they are that module's subject); the appraisal's own rules stay
        cls.env["sales.policy.approval.rule"].with_context(active_test=False).search(
            [("model_id.model", "=", "sale.order")]
        ).active = False
        cls.company.write(
            {
                "appraisal_failing_months": 3,
                "sales_policy_allow_self_approval": False,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Appraisal Team",
                "user_id": cls.manager.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep.id})],
            }
        )
        cls.team_2 = cls.env["crm.team"].create(
            {
                "name": "Appraisal Team 2",
                "user_id": cls.senior_manager.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep_2.id})],
            }
        )
        cls.template = cls.env["sales.appraisal.template"].create(
            {
                "name": "Test Rep Template",
                "pass_score": 60,
                "indicator_ids": [
                    Command.create({"sequence": 1, "measure": "revenue", "weight": 50}),
                    Command.create(
                        {"sequence": 2, "measure": "new_customers", "weight": 20}
                    ),
                    Command.create({"sequence": 3, "measure": "visits", "weight": 10}),
                    Command.create(
                        {"sequence": 4, "measure": "teamwork", "weight": 10}
                    ),
                    Command.create(
                        {"sequence": 5, "measure": "attitude", "weight": 10}
                    ),
                ],
                "band_ids": [
                    Command.create({"achievement_from": a, "score": s})
                    for a, s in ((0, 0), (60, 60), (80, 80), (100, 100), (120, 120))
                ],
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Calcium Carbonate 1t",
                "list_price": 100.0,
                "standard_price": 60.0,
                "taxes_id": [Command.clear()],
            }
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "Old Buyer Ltd", "is_company": True, "user_id": cls.rep.id}
        )
        cls.customer_contact = Partner.create(
            {"name": "Ann Old", "parent_id": cls.customer.id}
        )
        cls.new_customer = Partner.create(
            {"name": "New Buyer Ltd", "is_company": True, "user_id": cls.rep.id}
        )
        cls.customer_2 = Partner.create(
            {"name": "Rep Two Buyer", "is_company": True, "user_id": cls.rep_2.id}
        )

    @classmethod
    def _target(cls, user, team, revenue=12000.0, **vals):
        return cls.env["sales.target"].create(
            {
                "scope": "rep",
                "year": cls.YEAR,
                "user_id": user.id,
                "team_id": team.id,
                "revenue": revenue,
                "template_id": cls.template.id,
                **vals,
            }
        )

    @classmethod
    def _order(cls, user, partner, amount, when, cost=0.0):
        """A confirmed order of ``user`` for ``partner``, one line of
        ``amount`` untaxed (cost ``cost``), dated ``when``."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "purchase_price": cost,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime.combine(when, datetime.min.time().replace(hour=10))
        return order

    @classmethod
    def _visit(cls, user, partner, when, satisfaction="4", lead=None):
        return cls.env["sales.visit.report"].create(
            {
                "user_id": user.id,
                "partner_id": partner.id,
                "date": when,
                "purpose": "Follow-up",
                "outcome": "Talked",
                "satisfaction": satisfaction,
                "lead_id": lead.id if lead else False,
                "state": "done",
            }
        )

    @staticmethod
    def month(m, year=None):
        return date(year or SalesAppraisalCommon.YEAR, m, 1)

    def _engine(self):
        return self.env["sales.appraisal.engine"].sudo()

    def _line(self, appraisal, measure):
        return appraisal.line_ids.filtered(lambda li: li.measure == measure)
