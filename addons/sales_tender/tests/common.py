# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields

from odoo.addons.sales_policy_sale.tests.common import SalesPolicySaleCommon


class TenderCommon(SalesPolicySaleCommon):
    """The company's large-bid threshold is 10,000 (parent); two competitors,
    the shipped tender rules (manager decides, senior manager from the
    threshold, manager reviews the final bid)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule_decision = cls.env.ref(
            "sales_tender.approval_rule_tender_decision_manager"
        )
        cls.rule_decision_senior = cls.env.ref(
            "sales_tender.approval_rule_tender_decision_senior"
        )
        cls.rule_review = cls.env.ref(
            "sales_tender.approval_rule_tender_review_manager"
        )
        (cls.rule_decision | cls.rule_decision_senior | cls.rule_review).active = True
        Competitor = cls.env["sales.competitor"]
        cls.rival = Competitor.create({"name": "Rival Minerals"})
        cls.rival_2 = Competitor.create({"name": "Second Chalk Co"})

    @classmethod
    def _tender(cls, value=5000.0, user=None, days=7, **vals):
        user = user or cls.rep
        return (
            cls.env["sales.tender"]
            .with_user(user)
            .create(
                {
                    "title": "Filler supply",
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "deadline": fields.Datetime.now() + timedelta(days=days),
                    "estimated_value": value,
                    **vals,
                }
            )
            .with_env(cls.env)
        )

    def _requests(self, tender, state=None):
        domain = [("res_model", "=", "sales.tender"), ("res_id", "=", tender.id)]
        if state:
            domain.append(("state", "=", state))
        return self.env["sales.policy.approval.request"].sudo().search(domain)

    def _decided_bid(self, value=5000.0):
        """A tender the sales manager decided to bid for (below the threshold)."""
        tender = self._tender(value)
        tender.with_user(self.rep).action_request_decision()
        tender.with_user(self.manager).action_approval_approve()
        return tender

    def _quoted(self, tender):
        """The rep makes the final quotation: 2 x Pump at 100."""
        tender.with_user(self.rep).action_new_quotation()
        tender.order_id.with_user(self.rep).write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 2,
                            "price_unit": 100.0,
                            "tax_id": [Command.clear()],
                        }
                    )
                ]
            }
        )
        return tender

    def _submitted(self):
        tender = self._quoted(self._decided_bid())
        tender.with_user(self.rep).action_request_approval()
        tender.with_user(self.manager).action_approval_approve()
        tender.with_user(self.rep).action_submit_bid()
        return tender
