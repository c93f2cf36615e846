# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon


class SalesComplaintCommon(SalesPolicyCommon):
    """A customer of ``rep`` in a team led by ``manager``, one of ``rep_2``.

    Response times (company settings): low 120 h, normal 72 h, high 24 h,
    critical 4 h; escalation 24 h past the deadline; satisfied from 4.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "complaint_hours_low": 120,
                "complaint_hours_normal": 72,
                "complaint_hours_high": 24,
                "complaint_hours_critical": 4,
                "complaint_escalation_hours": 24,
                "complaint_satisfied_score": 4,
                "suggestion_answer_days": 7,
                "sales_policy_allow_self_approval": False,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Complaint Desk",
                "user_id": cls.manager.id,
                "member_ids": [(6, 0, cls.rep.ids)],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Calcite Buyer Ltd",
                "is_company": True,
                "email": "buyer@calcite-buyer.example",
                "user_id": cls.rep.id,
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {
                "name": "Mia Buyer",
                "parent_id": cls.customer.id,
                "email": "mia@calcite-buyer.example",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Other Customer", "is_company": True, "user_id": cls.rep_2.id}
        )
        cls.compensation_rule = cls.env.ref(
            "sales_complaint.approval_rule_complaint_compensation"
        )
        # only this module's rule on complaints takes part in these tests
        cls.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "crm.claim"), ("id", "!=", cls.compensation_rule.id)]
        ).active = False
        cls.Claim = cls.env["crm.claim"]

    def _claim(self, user=None, **values):
        vals = {"name": "Wet pallets", "partner_id": self.customer.id}
        vals.update(values)
        return self.Claim.with_user(user or self.rep).create(vals)

    def _past_claim(self, hours_ago, **values):
        """A complaint registered ``hours_ago`` hours ago (as an import would)."""
        vals = {
            "name": "Old complaint",
            "partner_id": self.customer.id,
            "date": fields.Datetime.now() - timedelta(hours=hours_ago),
        }
        vals.update(values)
        return self.Claim.create(vals)

    def _resolved(self, claim, resolution="Replacement delivered."):
        claim.action_route()
        claim.action_respond()
        claim.resolution = resolution
        claim.action_resolve()
        return claim
