# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)

#: the approval rules this module ships (evaluation, the three reviews, loans,
#: resuming a suspended certificate)
QUALIFICATION_RULES = (
    "sales_qualification.approval_rule_qualification_evaluation",
    "sales_qualification.approval_rule_qualification_review_legal",
    "sales_qualification.approval_rule_qualification_review_finance",
    "sales_qualification.approval_rule_qualification_review_technical",
    "sales_qualification.approval_rule_qualification_loan",
    "sales_qualification.approval_rule_qualification_resume",
)


class SalesQualificationCommon(SalesPolicyCommon):
    """Certificates, an issuing authority and role helpers; no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Selling tests confirm orders; the orders' approval rules are not their
        # subject. The qualification approvals go through this module's rules.
        archive_approval_rules(cls.env)
        for xmlid in QUALIFICATION_RULES:
            cls.env.ref(xmlid).active = True
        cls.Qualification = cls.env["sales.qualification"]
        cls.Loan = cls.env["sales.qualification.loan"]
        cls.today = fields.Date.context_today(cls.Qualification)
        cls.issuer = cls.env["res.partner"].create(
            {"name": "Test Licensing Bureau", "is_company": True}
        )
        cls.other_issuer = cls.env["res.partner"].create(
            {"name": "Other Licensing Bureau", "is_company": True}
        )
        cls.active_qualification = cls._create_qualification(
            "Grade II Contractor", "CC-0001", days=365
        )

    @classmethod
    def _create_qualification(cls, name, number, days=365, state="active", **vals):
        """A certificate already in ``state`` (set as superuser for fixtures)."""
        return cls.Qualification.create(
            {
                "name": name,
                "number": number,
                "issuer_id": cls.issuer.id,
                "issue_date": cls.today - timedelta(days=30),
                "expiry_date": cls.today + timedelta(days=days),
                "custodian_id": cls.manager.id,
                "location": "Safe A",
                "state": state,
                **vals,
            }
        )

    def _new_evaluated_qualification(self, name="New Licence", number="NL-1"):
        """Walk a certificate through the evaluation by roles; returns it."""
        qualification = self.Qualification.with_user(self.manager).create(
            {
                "name": name,
                "number": number,
                "issuer_id": self.issuer.id,
                "issue_date": self.today,
                "expiry_date": self.today + timedelta(days=730),
            }
        )
        evaluation = (
            self.env["sales.qualification.evaluation"]
            .with_user(self.manager)
            .create(
                {
                    "qualification_id": qualification.id,
                    "legality": "Lawful",
                    "market_demand": "Tenders need it",
                    "value_assessment": "Pays back in a year",
                }
            )
        )
        evaluation.with_user(self.senior_manager).action_approval_approve()
        return qualification

    def _verify_authenticity(self, qualification):
        return (
            self.env["sales.qualification.authenticity.check"]
            .with_user(self.legal_reviewer)
            .create(
                {
                    "qualification_id": qualification.id,
                    "method": "online_registry",
                    "reference": "REG-1",
                    "result": "verified",
                }
            )
        )

    def _review(self, qualification, review_type):
        return qualification.review_ids.filtered(lambda r: r.review_type == review_type)

    def _approve_all_reviews(self, qualification):
        self._verify_authenticity(qualification)
        for review_type, user in (
            ("legal", self.legal_reviewer),
            ("finance", self.finance_reviewer),
            ("technical", self.technical_reviewer),
        ):
            self._review(qualification, review_type).with_user(
                user
            ).action_approval_approve()

    def _request_loan(self, qualification, user=None, **vals):
        return self.Loan.with_user(user or self.rep).create(
            {"qualification_id": qualification.id, "purpose": "Tender", **vals}
        )

    def _suspend(self, qualification, user=None, reason="Regional rules changed"):
        return (
            self.env["sales.qualification.suspension"]
            .with_user(user or self.manager)
            .create({"qualification_id": qualification.id, "reason": reason})
        )

    def _request_resume(self, suspension, user=None, note="Safety officer hired"):
        suspension = suspension.with_user(user or self.manager)
        suspension.resume_note = note
        suspension.action_request_resume()
        return suspension
