# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

#: the report management decides on; it no longer changes once decided
REPORT_FIELDS = {"qualification_id", "legality", "market_demand", "value_assessment"}


class SalesQualificationEvaluation(models.Model):
    """The written evaluation management decides before a qualification is
    acquired (clause SP-QUA-01).

    Writing it submits it to the approval engine (the shipped rule: any
    senior manager); the engine's decision approves or rejects it
    (``_approval_on_decision``), and a rejection rejects the qualification
    with its reason (the decision note, or the request's comment). Without an
    applicable rule the evaluation is approved at once.
    """

    _name = "sales.qualification.evaluation"
    _description = "Qualification Evaluation Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-QUA-01"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"approve_evaluation": _lt("Approve the Evaluation")}
    _approval_amount_field = "cost"
    _approval_requester_field = "author_id"
    _protected_fields = [
        "decision",
        "decided_by_id",
        "decision_date",
        "author_id",
    ]
    _approval_fingerprint_fields = sorted(REPORT_FIELDS)
    _approval_state_field = "decision"
    _approval_button_states = ("pending",)

    qualification_id = fields.Many2one(
        "sales.qualification", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        related="qualification_id.company_id", store=True, index=True
    )
    cost = fields.Monetary(related="qualification_id.cost")
    currency_id = fields.Many2one(related="qualification_id.currency_id")
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    legality = fields.Text(
        required=True,
        help="Is acquiring and using this qualification lawful for the company?",
    )
    market_demand = fields.Text(
        required=True, help="Who needs services built on it, and how many?"
    )
    value_assessment = fields.Text(
        string="Value", required=True, help="Costs, expected revenue and benefit."
    )
    decision = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        tracking=True,
        copy=False,
    )
    decision_note = fields.Text(tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Date(readonly=True, copy=False)

    @api.depends("qualification_id.display_name")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = self.env._(
                "Evaluation of %(name)s",
                name=evaluation.qualification_id.display_name or "",
            )

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        return UserError(
            self.env._(
                "Management records its decision on an evaluation with the Approve "
                "and Reject buttons (its approval rule, clause SP-QUA-01); "
                "%(fields)s cannot be written directly.",
                fields=labels,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations._submit_evaluations()
        return evaluations

    def write(self, vals):
        if not self.env.su and REPORT_FIELDS.intersection(vals):
            decided = self.filtered(lambda e: e.decision != "pending")
            if decided:
                raise UserError(
                    self.env._(
                        "%(name)s has been decided: the report management decided "
                        "on no longer changes (clause SP-QUA-01). Write a new "
                        "evaluation.",
                        name=decided[0].display_name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------
    def _submit_evaluations(self):
        """Submit to the approval engine; approve those no rule gates."""
        self._approval_submit()
        status = self._approval_status_by_record("approve_evaluation")
        free = self.filtered(lambda e: status.get(e.id, ("none",))[0] == "none")
        for evaluation in free.sudo():
            evaluation._finish("approved", decided_by=self.env["res.users"])
            evaluation._approval_message(
                self.env._(
                    "No approval rule applies to this evaluation: it was approved "
                    "at once."
                )
            )

    def _check_decidable(self):
        for evaluation in self:
            if evaluation.decision != "pending":
                raise UserError(self.env._("This evaluation has already been decided."))
            if evaluation.qualification_id.state != "evaluation":
                raise UserError(
                    self.env._(
                        "%(name)s is no longer in evaluation.",
                        name=evaluation.qualification_id.display_name,
                    )
                )

    def _rejection_reason_missing(self):
        raise UserError(
            self.env._(
                "Write the reason for rejecting the evaluation in the decision "
                "note (or the approval request's comment) first."
            )
        )

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: refused with the evaluation's own
        reason before anything is decided."""
        self._check_decidable()
        if not self._approval_my_pending_requests():
            raise UserError(
                self.env._(
                    "Only management (senior managers, or the approvers of the "
                    "evaluation's approval rule) decides on a qualification "
                    "evaluation (sales policy %(clause)s); no request of "
                    "%(names)s waits for your decision.",
                    names=", ".join(self.mapped("display_name")),
                    clause=self._policy_clause,
                )
            )
        if decision == "rejected" and not all(self.mapped("decision_note")):
            self._rejection_reason_missing()
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        """Decide the evaluations as the engine decided (also from *My
        Approvals*); a rejection rejects the qualification."""
        res = super()._approval_on_decision(requests, decision)
        evaluations = self.sudo()
        evaluations._check_decidable()
        if decision == "rejected":
            for evaluation in evaluations:
                comments = requests.filtered(lambda r, e=evaluation: r.res_id == e.id)
                reason = evaluation.decision_note or "\n".join(
                    filter(None, comments.mapped("comment"))
                )
                if not reason:
                    evaluation._rejection_reason_missing()
                evaluation._finish("rejected", decided_by=self.env.user, reason=reason)
            return res
        # another rule of the evaluation may still wait for its approvers
        status = evaluations._approval_status_by_record("approve_evaluation")
        for evaluation in evaluations.filtered(
            lambda e: status.get(e.id, ("none",))[0] in ("none", "approved")
        ):
            evaluation._finish("approved", decided_by=self.env.user)
        return res

    def _finish(self, decision, decided_by, reason=None):
        """Record the decision; a rejection rejects the qualification."""
        self.ensure_one()
        vals = {
            "decision": decision,
            "decided_by_id": decided_by.id,
            "decision_date": fields.Date.context_today(self),
        }
        if reason and not self.decision_note:
            vals["decision_note"] = reason
        self._transition(vals)
        if decision == "rejected":
            self.qualification_id.sudo()._set_state("rejected", rejection_reason=reason)
