# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class SalesQualificationReview(models.Model):
    """One part (legal, finance or technical) of a certificate's review.

    Sending the certificate to review submits each review to the approval
    engine; the shipped rules give each kind to its reviewer group (any one
    of them), clause SP-QUA-02. The engine's decision passes or fails the
    review (``_approval_on_decision``); the certificate becomes active once
    all three passed and is rejected with the reasons on the first failure. A
    review no rule applies to passes at once. The legal review passes only
    when the authenticity of the certificate was verified (SP-QUA-03); a
    rejection needs its reasons in the notes (or the request's comment).
    """

    _name = "sales.qualification.review"
    _description = "Qualification Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-QUA-02"
    _order = "qualification_id, review_type"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"pass_review": _lt("Pass the Qualification Review")}
    _approval_amount_field = "cost"
    _approval_requester_field = None
    _protected_fields = [
        "state",
        "reviewer_id",
        "review_date",
        "review_type",
        "qualification_id",
    ]
    _approval_button_states = ("pending",)

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
    cost = fields.Monetary(related="qualification_id.cost")
    currency_id = fields.Many2one(related="qualification_id.currency_id")
    review_type = fields.Selection(
        [("legal", "Legal"), ("finance", "Finance"), ("technical", "Technical")],
        required=True,
    )
    state = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        tracking=True,
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

    @api.depends("review_type", "qualification_id.display_name")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "%(kind)s review of %(name)s",
                kind=review._review_type_label() if review.review_type else "",
                name=review.qualification_id.display_name or "",
            )

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        return UserError(
            self.env._(
                "A review is decided with its Approve and Reject buttons by a "
                "reviewer of its kind (the approvers of its approval rule; "
                "sales policy %(clause)s); %(fields)s cannot be written "
                "directly.",
                fields=labels,
                clause=self._policy_clause,
            )
        )

    def _review_type_label(self):
        self.ensure_one()
        return dict(self._fields["review_type"]._description_selection(self.env))[
            self.review_type
        ]

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------
    def _submit_reviews(self):
        """Submit the reviews to the approval engine; pass those no rule gates."""
        self._approval_submit()
        status = self._approval_status_by_record("pass_review")
        free = self.filtered(lambda r: status.get(r.id, ("none",))[0] == "none")
        if free:
            free.sudo()._transition(
                {"state": "approved", "review_date": fields.Date.context_today(self)}
            )
            for review in free:
                review._approval_message(
                    self.env._(
                        "No approval rule applies to this review: it passed at once."
                    )
                )
            free.qualification_id.sudo()._on_reviews_changed()

    def _check_decidable(self):
        for review in self:
            if review.state != "pending" or (
                review.qualification_id.state != "under_review"
            ):
                raise UserError(
                    self.env._(
                        "The %(kind)s review of %(name)s is not waiting for a "
                        "decision (sales policy %(clause)s).",
                        clause=review._policy_clause,
                        kind=review._review_type_label(),
                        name=review.qualification_id.display_name,
                    )
                )

    def _check_authentic(self):
        for review in self:
            if review.review_type == "legal" and not (
                review.qualification_id.is_authentic
            ):
                raise UserError(
                    self.env._(
                        "%(name)s has no authenticity check verified with the "
                        "issuing authority (clause SP-QUA-03). Record a verified "
                        "check before approving the legal review.",
                        name=review.qualification_id.display_name,
                    )
                )

    def _rejection_note_missing(self):
        self.ensure_one()
        raise UserError(
            self.env._(
                "Write the reasons for rejecting %(name)s in the review notes "
                "(or the approval request's comment) first.",
                name=self.qualification_id.display_name,
            )
        )

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: refused with the review's own reason
        before anything is decided."""
        self._check_decidable()
        waiting = set(self._approval_my_pending_requests().mapped("res_id"))
        for review in self:
            if review.id not in waiting:
                raise UserError(
                    self.env._(
                        "Only a %(kind)s reviewer can decide the %(kind)s review "
                        "of %(name)s (the approvers of its approval rule; sales "
                        "policy %(clause)s); no request of it waits for your "
                        "decision.",
                        clause=review._policy_clause,
                        kind=review._review_type_label(),
                        name=review.qualification_id.display_name,
                    )
                )
            if decision == "rejected" and not review.note:
                review._rejection_note_missing()
        if decision == "approved":
            self._check_authentic()
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        """Pass or fail the reviews as the engine decided (also from *My
        Approvals*), then move the certificate on."""
        res = super()._approval_on_decision(requests, decision)
        reviews = self.sudo()
        reviews._check_decidable()
        today = fields.Date.context_today(self)
        if decision == "rejected":
            for review in reviews:
                comments = requests.filtered(lambda r, rev=review: r.res_id == rev.id)
                note = review.note or "\n".join(
                    filter(None, comments.mapped("comment"))
                )
                if not note:
                    review._rejection_note_missing()
                review._transition(
                    {
                        "state": "rejected",
                        "reviewer_id": self.env.uid,
                        "review_date": today,
                        "note": note,
                    }
                )
        else:
            reviews._check_authentic()
            # another rule of the review may still wait for its approvers
            status = reviews._approval_status_by_record("pass_review")
            reviews.filtered(
                lambda r: status.get(r.id, ("none",))[0] in ("none", "approved")
            )._transition(
                {"state": "approved", "reviewer_id": self.env.uid, "review_date": today}
            )
        reviews.qualification_id._on_reviews_changed()
        return res
