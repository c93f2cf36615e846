# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

REVIEW_GROUPS = {
    "legal": "sales_policy_base.group_sales_policy_legal_reviewer",
    "finance": "sales_policy_base.group_sales_policy_finance_reviewer",
    "technical": "sales_policy_base.group_sales_policy_technical_reviewer",
}
REVIEW_KEY = "sales_qualification_review_decision"


class SalesQualificationReview(models.Model):
    _name = "sales.qualification.review"
    _description = "Qualification Review"
    _order = "qualification_id, review_type"
    _check_company_auto = True

    qualification_id = fields.Many2one(
        "sales.qualification",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="qualification_id.company_id", store=True, index=True
    )
    review_type = fields.Selection(
        [("legal", "Legal"), ("finance", "Finance"), ("technical", "Technical")],
        required=True,
    )
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
    )
    note = fields.Text(
        help="What was checked: authenticity, validity period, scope, cost/benefit."
    )
    reviewer_id = fields.Many2one("res.users", readonly=True)
    review_date = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "qualification_type_unique",
            "UNIQUE(qualification_id, review_type)",
            "A qualification has one legal, one finance and one technical review.",
        ),
    ]

    def write(self, vals):
        if (
            {"state", "reviewer_id", "review_date", "review_type"} & set(vals)
            and not self.env.context.get(REVIEW_KEY)
            and not self.env.su
        ):
            raise UserError(
                self.env._(
                    "A review is decided with its Approve and Reject buttons by a "
                    "reviewer of its kind."
                )
            )
        return super().write(vals)

    def review_type_label(self):
        self.ensure_one()
        return dict(self._fields["review_type"]._description_selection(self.env))[
            self.review_type
        ]

    def _decide(self, state):
        for review in self:
            if not self.env.user.has_group(REVIEW_GROUPS[review.review_type]):
                raise UserError(
                    self.env._(
                        "Only a %(kind)s reviewer can decide the %(kind)s review of "
                        "%(name)s.",
                        kind=review.review_type_label(),
                        name=review.qualification_id.display_name,
                    )
                )
            if review.state != "pending" or (
                review.qualification_id.state != "under_review"
            ):
                raise UserError(
                    self.env._(
                        "The %(kind)s review of %(name)s is not waiting for a "
                        "decision.",
                        kind=review.review_type_label(),
                        name=review.qualification_id.display_name,
                    )
                )
            if state == "rejected" and not review.note:
                raise UserError(
                    self.env._(
                        "Write the reasons for rejecting %(name)s in the review "
                        "notes first.",
                        name=review.qualification_id.display_name,
                    )
                )
            if (
                state == "approved"
                and review.review_type == "legal"
                and not review.qualification_id.is_authentic
            ):
                raise UserError(
                    self.env._(
                        "%(name)s has no authenticity check verified with the "
                        "issuing authority. Record a verified check before "
                        "approving the legal review.",
                        name=review.qualification_id.display_name,
                    )
                )
        self.with_context(**{REVIEW_KEY: True}).write(
            {
                "state": state,
                "reviewer_id": self.env.user.id,
                "review_date": fields.Date.context_today(self),
            }
        )
        self.qualification_id.sudo()._on_reviews_changed()

    def action_approve(self):
        self._decide("approved")
        return True

    def action_reject(self):
        self._decide("rejected")
        return True
