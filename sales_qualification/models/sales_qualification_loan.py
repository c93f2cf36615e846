# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from psycopg2.errors import LockNotAvailable, SerializationFailure, UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_qualification import SELLABLE_STATES

_logger = logging.getLogger(__name__)
_lt = LazyTranslate(__name__)

ACTIVE_LOAN_STATES = ("approved", "out")


class SalesQualificationLoan(models.Model):
    """A request to borrow a certificate from custody (clause SP-QUA-05).

    Creating the request submits it to the approval engine (the shipped rule:
    any sales manager); the engine's approval reserves the certificate for
    the borrower (state *Approved*, under a row lock and the one-active-loan
    partial unique index) so the custodian can hand it out; a rejection
    refuses the request. Without an applicable rule the request is approved
    at once. The state and what the steps record change only through the
    steps (protected fields).
    """

    _name = "sales.qualification.loan"
    _description = "Certificate Borrow Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-QUA-05"
    _order = "request_date desc, id desc"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"hand_out": _lt("Hand Out the Certificate")}
    _approval_amount_field = None
    _approval_requester_field = "borrower_id"
    _protected_fields = [
        "state",
        "approved_by_id",
        "handed_out_date",
        "returned_date",
        "overdue_notified",
    ]
    _approval_fingerprint_fields = ["qualification_id", "borrower_id"]
    _approval_button_states = ("requested",)

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", required=True
    )
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
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    purpose = fields.Text(required=True)
    request_date = fields.Date(required=True, default=fields.Date.context_today)
    due_date = fields.Date(
        string="Return By",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
        help="Agreed return date (a week by default).",
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("out", "Handed Out"),
            ("returned", "Returned"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        default="requested",
        required=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    handed_out_date = fields.Date(readonly=True, copy=False)
    returned_date = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_notified = fields.Boolean(readonly=True, copy=False)

    @api.depends("state", "due_date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "out" and loan.due_date < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [
            ("state", "=", "out"),
            ("due_date", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.constrains("request_date", "due_date")
    def _check_due_date(self):
        for loan in self:
            if loan.due_date < loan.request_date:
                raise ValidationError(
                    self.env._(
                        "The return date %(due)s of %(loan)s is before the request "
                        "date %(request)s. Choose a later return date.",
                        due=loan.due_date,
                        loan=loan.name,
                        request=loan.request_date,
                    )
                )

    def init(self):
        # A certificate is lent to at most one borrower at a time, whatever the
        # interleaving of transactions (SP-QUA-05).
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_qualification_loan_one_active_idx "
                "ON sales_qualification_loan (qualification_id) "
                "WHERE state IN ('approved', 'out')"
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "requested") != "requested" and not self.env.su:
                raise UserError(
                    self.env._(
                        "A borrow request starts as requested; a manager approves "
                        "it (sales policy %(clause)s).",
                        clause=self._policy_clause,
                    )
                )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("sales.qualification.loan")
                    or "/"
                )
        loans = super().create(vals_list)
        for loan in loans:
            loan._check_borrowable()
        loans._submit_loans()
        return loans

    def write(self, vals):
        decided = self.filtered(lambda loan: loan.state != "requested")
        if (
            {"qualification_id", "borrower_id"} & set(vals)
            and decided
            and not self.env.su
        ):
            raise UserError(
                self.env._(
                    "The certificate and borrower of a decided borrow request "
                    "cannot be changed; make a new request."
                )
            )
        if (
            {"due_date", "request_date", "purpose"} & set(vals)
            and decided
            and not self.env.su
            and not self.env.user.has_group(
                "sales_policy_base.group_sales_policy_manager"
            )
        ):
            raise UserError(
                self.env._(
                    "Only a sales manager can change the dates or purpose of a "
                    "borrow request once it is decided; ask your manager to extend "
                    "the return date."
                )
            )
        return super().write(vals)

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        return UserError(
            self.env._(
                "A borrow request moves on only with its buttons: approval by "
                "the approvers of its rule, hand out, return or cancel "
                "(sales policy %(clause)s; refused: %(fields)s).",
                fields=labels,
                clause=self._policy_clause,
            )
        )

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------
    def _submit_loans(self):
        """Submit new requests to the approval engine; approve at once those
        no rule gates."""
        self._approval_submit()
        status = self._approval_status_by_record("hand_out")
        for loan in self.filtered(
            lambda r: status.get(r.id, ("none",))[0] == "none"
        ).sudo():
            loan._reserve(approved_by=self.env["res.users"])
            loan._approval_message(
                self.env._(
                    "No approval rule applies to this borrow request: it was "
                    "approved at once."
                )
            )

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: refused with the loan's own reason
        before anything is decided."""
        approving = decision == "approved"
        for loan in self:
            loan._check_state(
                ("requested",),
                self.env._("approved") if approving else self.env._("refused"),
            )
        if not self._approval_my_pending_requests():
            if approving:
                message = self.env._(
                    "Only a sales manager approves borrowing a certificate (the "
                    "approvers of the borrow request's approval rule; sales "
                    "policy %(clause)s); no request of %(loans)s waits for your "
                    "decision.",
                    loans=", ".join(self.mapped("name")),
                    clause=self._policy_clause,
                )
            else:
                message = self.env._(
                    "Only a sales manager refuses borrowing a certificate (the "
                    "approvers of the borrow request's approval rule; sales "
                    "policy %(clause)s); no request of %(loans)s waits for your "
                    "decision.",
                    loans=", ".join(self.mapped("name")),
                    clause=self._policy_clause,
                )
            raise UserError(message)
        if approving:
            for loan in self:
                loan._lock_qualification()
                loan._check_borrowable()
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        """Reserve the certificate or refuse the request as the engine decided
        (also from *My Approvals*)."""
        res = super()._approval_on_decision(requests, decision)
        loans = self.sudo()
        approving = decision == "approved"
        for loan in loans:
            loan._check_state(
                ("requested",),
                self.env._("approved") if approving else self.env._("refused"),
            )
        if not approving:
            loans._transition({"state": "refused"})
            return res
        # another rule of the request may still wait for its approvers
        status = loans._approval_status_by_record("hand_out")
        for loan in loans.filtered(
            lambda r: status.get(r.id, ("none",))[0] in ("none", "approved")
        ):
            loan._reserve(approved_by=self.env.user)
        return res

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_borrowable(self):
        """Refuse lending an invalid or already lent certificate."""
        self.ensure_one()
        qualification = self.qualification_id.sudo()
        state_labels = dict(
            qualification._fields["state"]._description_selection(self.env)
        )
        if qualification.state not in SELLABLE_STATES:
            raise UserError(
                self.env._(
                    "%(name)s cannot be borrowed: it is %(state)s. Only active or "
                    "expiring certificates kept in custody are lent.",
                    name=qualification.display_name,
                    state=state_labels[qualification.state],
                )
            )
        current = qualification.current_loan_id
        if current and current != self:
            raise UserError(
                self.env._(
                    "%(name)s is already lent (%(loan)s to %(borrower)s, due back "
                    "%(due)s). It can be borrowed again once it is returned.",
                    name=qualification.display_name,
                    loan=current.name,
                    borrower=current.borrower_id.name,
                    due=current.due_date,
                )
            )

    def _check_state(self, expected, action):
        self.ensure_one()
        if self.state not in expected:
            state_labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(loan)s cannot be %(action)s: it is %(state)s.",
                    loan=self.name,
                    action=action,
                    state=state_labels[self.state],
                )
            )

    def _check_can_manage(self):
        user = self.env.user
        if not (
            user.has_group("sales_policy_base.group_sales_policy_manager")
            or user == self.qualification_id.custodian_id
        ):
            raise UserError(
                self.env._(
                    "Only a sales manager or the custodian of %(name)s can hand the "
                    "certificate out or take it back.",
                    name=self.qualification_id.display_name,
                )
            )

    def _lock_qualification(self):
        """Row-lock the certificate; the loser of a race gets a clear error."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM sales_qualification WHERE id = %s "
                        "FOR UPDATE NOWAIT",
                        self.qualification_id.id,
                    ),
                    log_exceptions=False,
                )
        except (LockNotAvailable, SerializationFailure) as error:
            raise UserError(
                self.env._(
                    "%(name)s is being lent by someone else right now. Reload the "
                    "certificate: it may no longer be available.",
                    name=self.qualification_id.display_name,
                )
            ) from error
        self.qualification_id.invalidate_recordset(["current_loan_id", "state"])

    def _move(self, vals, current_loan):
        """The loan's own step (callers checked the user's right): the loan
        and the certificate's current loan change together."""
        try:
            with self.env.cr.savepoint():
                self._transition(vals)
                self.qualification_id.sudo()._transition(
                    {"current_loan_id": current_loan}
                )
        except UniqueViolation as error:
            raise UserError(
                self.env._(
                    "%(name)s is already lent to someone else; it can be borrowed "
                    "again once it is returned.",
                    name=self.qualification_id.display_name,
                )
            ) from error

    def _reserve(self, approved_by):
        """Approved: the certificate is held for the borrower."""
        self.ensure_one()
        self._lock_qualification()
        self._check_borrowable()
        self._move({"state": "approved", "approved_by_id": approved_by.id}, self.id)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    @public_arguments(one=True)
    def action_hand_out(self):
        self.ensure_one()
        self._check_can_manage()
        self._check_state(("approved",), self.env._("handed out"))
        self._lock_qualification()
        self._check_borrowable()
        self._move(
            {
                "state": "out",
                "handed_out_date": fields.Date.context_today(self),
            },
            self.id,
        )
        return True

    @public_arguments(one=True)
    def action_return(self):
        self.ensure_one()
        self._check_can_manage()
        if self.state != "out":
            raise UserError(
                self.env._(
                    "%(loan)s was never handed out, so %(name)s cannot be returned "
                    "on it. Only a certificate that is out can be returned.",
                    loan=self.name,
                    name=self.qualification_id.display_name,
                )
            )
        self._lock_qualification()
        self._move(
            {
                "state": "returned",
                "returned_date": fields.Date.context_today(self),
            },
            False,
        )
        self.activity_unlink(
            ["sales_qualification.mail_activity_type_certificate_return"]
        )
        return True

    @public_arguments(one=True)
    def action_cancel(self):
        self.ensure_one()
        if self.env.user != self.borrower_id and not self.env.user.has_group(
            "sales_policy_base.group_sales_policy_manager"
        ):
            raise UserError(
                self.env._(
                    "Only the borrower or a manager can cancel %(loan)s.",
                    loan=self.name,
                )
            )
        self._check_state(("requested", "approved"), self.env._("cancelled"))
        if self.state == "approved":
            self._move({"state": "cancelled"}, False)
        else:
            self._transition({"state": "cancelled"})
            # nothing is left for the approvers to decide
            self._approval_requests(states=("pending",))._mark_outdated()
        return True

    @api.model
    def _cron_flag_overdue(self):
        """Daily: an activity for each certificate not returned in time."""
        loans = self.search(
            [("is_overdue", "=", True), ("overdue_notified", "=", False)]
        )
        flagged = 0
        for loan in loans:
            try:
                with self.env.cr.savepoint():
                    loan.activity_schedule(
                        "sales_qualification.mail_activity_type_certificate_return",
                        date_deadline=fields.Date.context_today(self),
                        summary=self.env._(
                            "Return %(name)s (due %(due)s)",
                            name=loan.qualification_id.display_name,
                            due=loan.due_date,
                        ),
                        user_id=loan.borrower_id.id,
                    )
                    loan._transition({"overdue_notified": True})
                flagged += 1
            except Exception:
                _logger.exception("Could not flag overdue loan %s", loan.id)
        return flagged
