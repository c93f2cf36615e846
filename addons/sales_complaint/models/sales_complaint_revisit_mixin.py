# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The revisit after closing and the re-handling (policy §6.3).

A mixin of ``crm.claim`` (``models/crm_claim.py``): once a complaint is
closed, the customer is revisited and rates the handling 1 to 5; the score is
recorded as a satisfaction response (``sales_satisfaction``), and a customer
who is not satisfied re-opens the complaint (re-handling, counted).

It relies on the complaint's fields ``company_id``, ``complaint_state``,
``partner_id`` and ``user_id``, its ``_policy_clause`` and its handling
helpers ``_check_handler``, ``_move_to`` and ``_transition``; the complaint
lists ``REVISIT_PROTECTED_FIELDS`` in its ``_protected_fields``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.complaint_math import (
    SCORE_MAX,
    SCORE_MIN,
    score_in_scale,
    score_to_percent,
)

#: written only by the revisit action
REVISIT_PROTECTED_FIELDS = [
    "revisit_date",
    "revisit_score",
    "revisit_user_id",
    "revisit_done",
    "revisit_note",
    "reopen_count",
]


class SalesComplaintRevisitMixin(models.AbstractModel):
    _name = "sales.complaint.revisit.mixin"
    _description = "Complaint Revisit and Re-handling"

    revisit_date = fields.Datetime(readonly=True, copy=False)
    revisit_score = fields.Integer(
        readonly=True,
        copy=False,
        tracking=True,
        help="The customer's satisfaction with the handling, 1 (poor) to 5 "
        "(very good).",
    )
    revisit_user_id = fields.Many2one(
        "res.users", string="Revisited By", readonly=True, copy=False
    )
    revisit_note = fields.Text(readonly=True, copy=False)
    revisit_done = fields.Boolean(
        string="Revisited Since Closing",
        readonly=True,
        copy=False,
        help="The customer was revisited after the last closing and was "
        "satisfied (an unsatisfied customer re-opens the complaint).",
    )
    revisit_satisfied = fields.Boolean(
        string="Customer Satisfied", compute="_compute_revisit_satisfied", store=True
    )
    reopen_count = fields.Integer(
        string="Re-handlings", readonly=True, copy=False, tracking=True
    )

    @api.model
    def _valid_field_parameter(self, field, name):
        # tracked by the complaint's mail.thread (crm.claim inherits this mixin)
        return name == "tracking" or super()._valid_field_parameter(field, name)

    # --- computes ------------------------------------------------------------
    @api.depends("revisit_score", "company_id")
    def _compute_revisit_satisfied(self):
        for claim in self:
            threshold = (claim.company_id or self.env.company).complaint_satisfied_score
            claim.revisit_satisfied = bool(
                claim.revisit_score and claim.revisit_score >= threshold
            )

    # --- constraints ---------------------------------------------------------
    @api.constrains("revisit_score")
    def _check_revisit_score(self):
        for claim in self:
            if claim.revisit_score and not score_in_scale(claim.revisit_score):
                raise ValidationError(claim._score_refusal(claim.revisit_score))

    # --- actions ---------------------------------------------------------------
    @public_arguments(one=True)
    def action_open_revisit_wizard(self):
        self.ensure_one()
        self._check_handler()
        self._check_revisit_allowed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revisit"),
            "res_model": "sales.complaint.revisit.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_id": self.id},
        }

    def _check_revisit_allowed(self):
        for claim in self:
            if claim.complaint_state != "closed":
                raise UserError(
                    self.env._(
                        "%(complaint)s is not closed: the customer is revisited "
                        "after the complaint is closed (sales policy %(clause)s, "
                        "§6.3).",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )
            if claim.revisit_done:
                raise UserError(
                    self.env._(
                        "%(complaint)s was already revisited since it was closed "
                        "(sales policy %(clause)s: one revisit per closing).",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )

    def _score_refusal(self, score):
        return self.env._(
            "A revisit score is a whole number from %(low)s to %(high)s, "
            "not %(score)s (sales policy %(clause)s).",
            clause=self._policy_clause,
            low=SCORE_MIN,
            high=SCORE_MAX,
            score=score,
        )

    @public_arguments(one=True)
    def action_revisit(self, score, note=None):
        """Record the revisit; an unsatisfied customer re-opens the complaint."""
        self._check_handler()
        if not score_in_scale(score):
            raise ValidationError(self._score_refusal(score))
        self._check_revisit_allowed()
        now = fields.Datetime.now()
        self._transition(
            {
                "revisit_date": now,
                "revisit_score": score,
                "revisit_user_id": self.env.uid,
                "revisit_note": note or False,
            }
        )
        self._complaint_record_score(score)
        if self.revisit_satisfied:
            self._transition({"revisit_done": True})
            self.message_post(
                body=self.env._(
                    "Revisited: the customer is satisfied (score %(score)s/5).",
                    score=score,
                )
            )
            return True
        self._move_to(
            "answered",
            {
                "reopen_count": self.reopen_count + 1,
                "resolved_date": False,
                "customer_confirmed": False,
                "customer_confirmed_date": False,
                "date_closed": False,
            },
        )
        self.message_post(
            body=self.env._(
                "Revisited: the customer is not satisfied (score %(score)s/5). "
                "The complaint is handled again (re-handling %(count)s).",
                score=score,
                count=self.reopen_count,
            )
        )
        return True

    def _complaint_record_score(self, score):
        self.ensure_one()
        if not self.partner_id:
            return
        self.env["sales.satisfaction.response"].sudo()._record_score(
            self.partner_id,
            score_to_percent(score),
            "revisit",
            origin=self,
            user=self.user_id,
        )
