# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_qualification import SELLABLE_STATES

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesQualificationSuspension(models.Model):
    """A certificate stops selling (clause SP-QUA-11).

    Creating a suspension (a manager, by hand; a policy-watch entry or a
    critical emergency, for the certificates they affect) moves the
    certificate to *Suspended*: its products cannot be confirmed on an order
    and it cannot be lent. Resuming is the approval engine's gated step
    ``resume`` (the shipped rule: a senior manager); the engine's approval
    gives the certificate back the state it had and moves it along its
    expiry windows.
    """

    _name = "sales.qualification.suspension"
    _description = "Qualification Suspension"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-QUA-11"
    _order = "suspended_on desc, id desc"
    _check_company_auto = True
    _rec_name = "qualification_id"

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"resume": _lt("Resume Selling the Certificate")}
    _approval_amount_field = None
    _approval_requester_field = "resume_requested_by_id"
    _approval_fingerprint_fields = ["resume_note"]
    # the form's own "Request Resumption" button submits; no generic one
    _approval_button_states = ()
    _protected_fields = [
        "state",
        "previous_state",
        "suspended_by_id",
        "suspended_on",
        "resume_requested_by_id",
        "resumed_by_id",
        "resumed_on",
    ]

    qualification_id = fields.Many2one(
        "sales.qualification",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="qualification_id.company_id", store=True, index=True
    )
    origin = fields.Selection(
        [
            ("manual", "By Hand"),
            ("policy_change", "Regional Policy Change"),
            ("emergency", "Critical Emergency"),
        ],
        required=True,
        default="manual",
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    policy_watch_id = fields.Many2one(
        "sales.qualification.policy.watch", readonly=True, check_company=True
    )
    emergency_id = fields.Many2one(
        "sales.qualification.emergency", readonly=True, check_company=True
    )
    state = fields.Selection(
        [
            ("suspended", "Suspended"),
            ("resume_requested", "Resumption Requested"),
            ("resumed", "Resumed"),
        ],
        default="suspended",
        required=True,
        tracking=True,
        copy=False,
    )
    previous_state = fields.Selection(
        [("active", "Active"), ("expiring", "Expiring")],
        readonly=True,
        copy=False,
        help="State the certificate returns to when selling resumes.",
    )
    suspended_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    suspended_on = fields.Datetime(readonly=True, copy=False)
    resume_note = fields.Text(
        string="Why Selling Can Resume",
        help="What changed since the suspension; the senior manager decides on it.",
    )
    resume_requested_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    resumed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    resumed_on = fields.Datetime(readonly=True, copy=False)

    def init(self):
        # one running suspension per certificate, whatever the interleaving
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS "
            "sales_qualification_suspension_one_open_idx "
            "ON sales_qualification_suspension (qualification_id) "
            "WHERE state != 'resumed'"
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only a sales manager can suspend a certificate (sales policy "
                    "%(clause)s).",
                    clause=self._policy_clause,
                )
            )
        Qualification = self.env["sales.qualification"].sudo()
        for vals in vals_list:
            self._check_suspendable(Qualification.browse(vals.get("qualification_id")))
        try:
            with self.env.cr.savepoint():
                suspensions = super().create(vals_list)
        except UniqueViolation as error:
            raise UserError(
                self.env._(
                    "The certificate is already suspended; see its running "
                    "suspension (sales policy %(clause)s).",
                    clause=self._policy_clause,
                )
            ) from error
        suspensions._suspend()
        return suspensions

    @api.model
    def _check_suspendable(self, qualification):
        if not qualification or qualification.state in SELLABLE_STATES:
            return
        state = dict(qualification._fields["state"]._description_selection(self.env))[
            qualification.state
        ]
        raise UserError(
            self.env._(
                "%(name)s cannot be suspended: it is %(state)s. Only an "
                "active or expiring certificate sells and can be suspended.",
                name=qualification.display_name,
                state=state,
            )
        )

    def write(self, vals):
        if "qualification_id" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "The certificate of a suspension cannot be changed; suspend the "
                    "other certificate instead (sales policy %(clause)s).",
                    clause=self._policy_clause,
                )
            )
        return super().write(vals)

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        return UserError(
            self.env._(
                "A suspended certificate resumes selling only when a senior manager "
                "approves its resumption (the approvers of the resumption rule; "
                "sales policy %(clause)s; refused: %(fields)s). Use Request "
                "Resumption on the suspension.",
                fields=labels,
                clause=self._policy_clause,
            )
        )

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def _suspend(self):
        """The certificates stop selling (callers checked the user's right)."""
        now = fields.Datetime.now()
        for suspension in self:
            qualification = suspension.qualification_id.sudo()
            qualification._lock_for_suspension()
            self._check_suspendable(qualification)
            suspension.sudo()._transition(
                {
                    "previous_state": qualification.state,
                    "suspended_by_id": self.env.uid,
                    "suspended_on": now,
                }
            )
            qualification._set_state("suspended")
            qualification._transition({"suspension_id": suspension.id})
            qualification.message_post(
                body=self.env._(
                    "Selling suspended (%(origin)s): %(reason)s",
                    origin=suspension._origin_label(),
                    reason=suspension.reason,
                )
            )
            qualification._alert_suspended_loan(suspension)

    def _origin_label(self):
        self.ensure_one()
        return dict(self._fields["origin"]._description_selection(self.env))[
            self.origin
        ]

    def _resume(self):
        """The engine approved: the certificate sells again."""
        today = fields.Date.context_today(self)
        for suspension in self.sudo():
            qualification = suspension.qualification_id
            suspension._transition(
                {
                    "state": "resumed",
                    "resumed_by_id": self.env.uid,
                    "resumed_on": fields.Datetime.now(),
                }
            )
            qualification._set_state(
                suspension.previous_state or "active", suspension_id=False
            )
            qualification.message_post(
                body=self.env._(
                    "Selling resumed, approved by %(user)s.", user=self.env.user.name
                )
            )
            qualification._update_expiry_state(today)

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_request_resume(self):
        """Ask the approvers of the resumption rule to let the certificate sell."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only a sales manager can ask to resume selling %(name)s "
                    "(sales policy %(clause)s).",
                    name=self.qualification_id.display_name,
                    clause=self._policy_clause,
                )
            )
        if self.state != "suspended":
            raise UserError(
                self.env._(
                    "The suspension of %(name)s is not waiting for a resumption "
                    "request (it is %(state)s).",
                    name=self.qualification_id.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
            )
        if not self.resume_note:
            raise UserError(
                self.env._(
                    "Write why %(name)s can sell again (what changed since the "
                    "suspension) before asking to resume it.",
                    name=self.qualification_id.display_name,
                )
            )
        self.sudo()._transition(
            {"state": "resume_requested", "resume_requested_by_id": self.env.uid}
        )
        self._approval_submit()
        status = self._approval_status_by_record("resume").get(self.id, ("none",))[0]
        if status == "none":
            self._resume()
            self._approval_message(
                self.env._(
                    "No approval rule applies to this resumption: selling resumed "
                    "at once."
                )
            )
        elif status == "approved":
            # the approvers already approved this very resumption
            self._resume()
        return True

    @public_arguments
    def action_request_approval(self):
        """The engine's generic submission is the resumption request here."""
        for suspension in self:
            suspension.action_request_resume()
        return True

    def _approval_decide_mine(self, decision):
        for suspension in self:
            if suspension.state != "resume_requested":
                raise UserError(
                    self.env._(
                        "No resumption of %(name)s is waiting for a decision (sales "
                        "policy %(clause)s).",
                        name=suspension.qualification_id.display_name,
                        clause=self._policy_clause,
                    )
                )
        if not self._approval_my_pending_requests():
            raise UserError(
                self.env._(
                    "Only a senior manager decides whether a suspended certificate "
                    "sells again (the approvers of the resumption rule; sales "
                    "policy %(clause)s); no request of %(names)s waits for your "
                    "decision.",
                    names=", ".join(self.qualification_id.mapped("display_name")),
                    clause=self._policy_clause,
                )
            )
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        suspensions = self.sudo().filtered(lambda s: s.state == "resume_requested")
        if decision != "approved":
            suspensions._transition({"state": "suspended"})
            for suspension in suspensions:
                suspension.message_post(
                    body=self.env._(
                        "Resumption refused: %(name)s stays suspended.",
                        name=suspension.qualification_id.display_name,
                    )
                )
            return res
        status = suspensions._approval_status_by_record("resume")
        suspensions.filtered(
            lambda s: status.get(s.id, ("none",))[0] in ("none", "approved")
        )._resume()
        return res
