# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from psycopg2.errors import LockNotAvailable, SerializationFailure, UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .sales_qualification import SELLABLE_STATES

_logger = logging.getLogger(__name__)

ACTIVE_LOAN_STATES = ("approved", "out")
LOAN_KEY = "sales_qualification_loan_transition"


class SalesQualificationLoan(models.Model):
    _name = "sales.qualification.loan"
    _description = "Certificate Borrow Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "request_date desc, id desc"
    _check_company_auto = True

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
                        "A borrow request starts as requested; a manager approves it."
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
        return loans

    def write(self, vals):
        protected = {"state", "approved_by_id", "handed_out_date", "returned_date"}
        if protected & set(vals) and not self.env.context.get(LOAN_KEY):
            raise UserError(
                self.env._(
                    "A borrow request moves on only with its buttons: approve, "
                    "hand out, return, refuse or cancel."
                )
            )
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

    def _transition(self, vals, current_loan):
        try:
            with self.env.cr.savepoint():
                self.with_context(**{LOAN_KEY: True}).write(vals)
                self.qualification_id.sudo().write({"current_loan_id": current_loan})
        except UniqueViolation as error:
            raise UserError(
                self.env._(
                    "%(name)s is already lent to someone else; it can be borrowed "
                    "again once it is returned.",
                    name=self.qualification_id.display_name,
                )
            ) from error

    def _set_simple_state(self, state):
        return self.with_context(**{LOAN_KEY: True}).write({"state": state})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_approve(self):
        self.ensure_one()
        if not self.env.user.has_group("sales_policy_base.group_sales_policy_manager"):
            raise UserError(
                self.env._("Only a sales manager approves borrowing a certificate.")
            )
        self._check_state(("requested",), self.env._("approved"))
        self._lock_qualification()
        self._check_borrowable()
        self._transition(
            {"state": "approved", "approved_by_id": self.env.user.id}, self.id
        )
        return True

    def action_hand_out(self):
        self.ensure_one()
        self._check_can_manage()
        self._check_state(("approved",), self.env._("handed out"))
        self._lock_qualification()
        self._check_borrowable()
        self._transition(
            {
                "state": "out",
                "handed_out_date": fields.Date.context_today(self),
            },
            self.id,
        )
        return True

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
        self._transition(
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

    def action_refuse(self):
        self.ensure_one()
        if not self.env.user.has_group("sales_policy_base.group_sales_policy_manager"):
            raise UserError(
                self.env._("Only a sales manager refuses borrowing a certificate.")
            )
        self._check_state(("requested",), self.env._("refused"))
        self._set_simple_state("refused")
        return True

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
            self._transition({"state": "cancelled"}, False)
        else:
            self._set_simple_state("cancelled")
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
                    loan.with_context(**{LOAN_KEY: True}).write(
                        {"overdue_notified": True}
                    )
                flagged += 1
            except Exception:
                _logger.exception("Could not flag overdue loan %s", loan.id)
        return flagged
