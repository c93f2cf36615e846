# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import logging
from datetime import timedelta

import xlsxwriter
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_logger = logging.getLogger(__name__)

REVIEW_TYPES = ("legal", "finance", "technical")
SELLABLE_STATES = ("active", "expiring")
# A certificate number belongs to one live version per issuer. Renewed and
# rejected versions no longer hold it, nor does a renewal still in evaluation or
# review: until it is approved, the version it replaces holds the number, so a
# renewal may keep it (SP-QUA-04).
NUMBER_RELEASED_STATES = ("renewed", "rejected")
RENEWAL_PENDING_STATES = ("evaluation", "under_review")
NUMBER_INDEX = "sales_qualification_number_issuer_live_idx"


class SalesQualification(models.Model):
    """A qualification certificate.

    Its evaluation, its three reviews and its loans are approved through the
    approval engine (see those models); the certificate's state, version
    chain and loan change only through its own steps (``_set_state``,
    ``_transition``), never by a direct write, whatever the context.
    """

    _name = "sales.qualification"
    _description = "Qualification Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-QUA-02"
    _order = "expiry_date, name, id"
    _check_company_auto = True

    # sales.policy.transition.mixin: these change only through the
    # certificate's own steps (``_set_state``, ``_transition``)
    _protected_fields = [
        "state",
        "rejection_reason",
        "version",
        "previous_version_id",
        "next_version_id",
        "current_loan_id",
        "warning_level",
    ]

    name = fields.Char(required=True, tracking=True)
    number = fields.Char(
        string="Certificate Number",
        tracking=True,
        copy=False,
        help="Number printed on the certificate; unique per issuing authority.",
    )
    issuer_id = fields.Many2one(
        "res.partner",
        string="Issuing Authority",
        tracking=True,
        check_company=True,
    )
    issue_date = fields.Date(tracking=True, copy=False)
    expiry_date = fields.Date(tracking=True, copy=False)
    scope = fields.Text(help="What the qualification allows the company to do.")
    custodian_id = fields.Many2one(
        "res.users",
        tracking=True,
        default=lambda self: self.env.user,
        help="Person who keeps the original certificate in safe custody.",
    )
    location = fields.Char(
        string="Custody Location", tracking=True, help="Safe, cabinet or archive."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost = fields.Monetary(
        string="Acquisition Cost", help="Cost of acquiring and keeping it."
    )
    state = fields.Selection(
        [
            ("evaluation", "Evaluation"),
            ("under_review", "Under Review"),
            ("active", "Active"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
            ("renewed", "Renewed"),
            ("rejected", "Rejected"),
        ],
        default="evaluation",
        required=True,
        tracking=True,
        copy=False,
        group_expand="_group_expand_state",
    )
    rejection_reason = fields.Text(readonly=True, copy=False)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_version_id = fields.Many2one(
        "sales.qualification",
        readonly=True,
        copy=False,
        check_company=True,
        ondelete="set null",
    )
    next_version_id = fields.Many2one(
        "sales.qualification",
        readonly=True,
        copy=False,
        check_company=True,
        ondelete="set null",
        help="Renewal in progress or approved. Cleared when the renewal is "
        "rejected or deleted, so the certificate can be renewed again.",
    )
    evaluation_ids = fields.One2many(
        "sales.qualification.evaluation", "qualification_id"
    )
    review_ids = fields.One2many("sales.qualification.review", "qualification_id")
    authenticity_check_ids = fields.One2many(
        "sales.qualification.authenticity.check", "qualification_id"
    )
    loan_ids = fields.One2many("sales.qualification.loan", "qualification_id")
    current_loan_id = fields.Many2one(
        "sales.qualification.loan",
        readonly=True,
        copy=False,
        help="Loan that holds the certificate now (approved or handed out).",
    )
    product_tmpl_ids = fields.One2many("product.template", "qualification_id")
    risk_ids = fields.One2many("sales.qualification.risk", "qualification_id")
    emergency_ids = fields.One2many("sales.qualification.emergency", "qualification_id")
    warning_level = fields.Selection(
        [("first", "First warning"), ("final", "Final warning")],
        readonly=True,
        copy=False,
        help="Last expiry warning the scheduler sent for this certificate.",
    )
    remaining_days = fields.Integer(
        compute="_compute_remaining_days",
        help="Days of validity left today (negative once expired).",
    )
    is_authentic = fields.Boolean(
        compute="_compute_is_authentic",
        help="At least one check with the issuing authority verified it.",
    )

    def _group_expand_state(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    @api.depends("expiry_date")
    def _compute_remaining_days(self):
        today = fields.Date.context_today(self)
        for qualification in self:
            qualification.remaining_days = (
                (qualification.expiry_date - today).days
                if qualification.expiry_date
                else 0
            )

    @api.depends("authenticity_check_ids.result")
    def _compute_is_authentic(self):
        for qualification in self:
            qualification.is_authentic = "verified" in (
                qualification.authenticity_check_ids.mapped("result")
            )

    @api.constrains(
        "number", "issuer_id", "state", "previous_version_id", "next_version_id"
    )
    def _check_number_unique_per_issuer(self):
        """Clear error for a number another live certificate of the issuer holds.

        The partial unique index of ``init()`` guarantees it in the database; this
        check also covers renewals under review, which the index leaves out, and
        compares the values being written before they reach the database.
        """
        candidates = self.filtered(
            lambda q: q.number
            and q.issuer_id
            and q.state not in NUMBER_RELEASED_STATES
            and q.id
        )
        if not candidates:
            return
        rows = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s, %s)",
                q.id,
                q.number.lower(),
                q.issuer_id.id,
                q.previous_version_id.id or 0,
                q.next_version_id.id or 0,
            )
            for q in candidates
        )
        conflicts = self.env.execute_query(
            SQL(
                """
                SELECT mine.id, other.id
                  FROM (VALUES %(rows)s) AS mine(id, number, issuer_id, prev, next)
                  JOIN sales_qualification other
                    ON other.issuer_id = mine.issuer_id
                   AND lower(other.number) = mine.number
                   AND other.id NOT IN (mine.id, mine.prev, mine.next)
                   AND other.state NOT IN %(released)s
                 WHERE other.id NOT IN %(ids)s
                 LIMIT 1
                """,
                rows=rows,
                released=NUMBER_RELEASED_STATES,
                ids=tuple(candidates.ids),
            )
        )
        if conflicts:
            mine, other = self.browse(conflicts[0][0]), self.browse(conflicts[0][1])
            raise ValidationError(
                self.env._(
                    "%(issuer)s already has a live certificate numbered %(number)s "
                    "(%(other)s). A certificate number is unique per issuing "
                    "authority; only a renewal of the same certificate may keep it. "
                    "Check the number printed on %(name)s.",
                    issuer=mine.issuer_id.display_name,
                    number=mine.number,
                    other=other.sudo().display_name,
                    name=mine.display_name,
                )
            )

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for qualification in self:
            if (
                qualification.issue_date
                and qualification.expiry_date
                and qualification.expiry_date < qualification.issue_date
            ):
                raise ValidationError(
                    self.env._(
                        "Certificate %(name)s: the expiry date %(expiry)s is before "
                        "the issue date %(issue)s. Correct the dates as printed on "
                        "the certificate.",
                        name=qualification.display_name,
                        expiry=qualification.expiry_date,
                        issue=qualification.issue_date,
                    )
                )

    def init(self):
        # Replaced by the partial index below: a renewal may keep the number.
        self.env.cr.execute(
            SQL(
                "ALTER TABLE sales_qualification "
                "DROP CONSTRAINT IF EXISTS sales_qualification_number_issuer_unique"
            )
        )
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %(index)s "
                "ON sales_qualification (issuer_id, lower(number)) "
                "WHERE state NOT IN %(released)s "
                "AND (previous_version_id IS NULL OR state NOT IN %(pending)s)",
                index=SQL.identifier(NUMBER_INDEX),
                released=NUMBER_RELEASED_STATES,
                pending=RENEWAL_PENDING_STATES,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except UniqueViolation as error:
            if error.diag.constraint_name != NUMBER_INDEX:
                raise
            raise ValidationError(
                self.env._(
                    "The issuing authority already has a live certificate with "
                    "this number. A certificate number is unique per issuing "
                    "authority; only a renewal of the same certificate may keep "
                    "it. Check the number printed on the certificate."
                )
            ) from error

    def _protected_refusal(self, names):
        labels = ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )
        return UserError(
            self.env._(
                "A qualification only changes through its evaluation, review, "
                "renewal, borrowing and expiry steps (sales policy %(clause)s; "
                "refused: %(fields)s). Use the buttons on the certificate.",
                fields=labels,
                clause=self._policy_clause,
            )
        )

    def _set_state(self, state, **extra):
        """The certificate's own step: callers checked the user's right."""
        return self._transition(dict(extra, state=state))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments
    def action_submit_review(self):
        """Acquired certificate goes to the legal, finance and technical review."""
        self._check_manager()
        for qualification in self:
            if qualification.state != "evaluation":
                raise UserError(
                    self.env._(
                        "%(name)s is not in evaluation; only a qualification in "
                        "evaluation can be sent to review.",
                        name=qualification.display_name,
                    )
                )
            if not qualification.previous_version_id and "approved" not in (
                qualification.evaluation_ids.mapped("decision")
            ):
                raise UserError(
                    self.env._(
                        "%(name)s has no evaluation report approved by management. "
                        "Write the evaluation (legality, market demand, value) and "
                        "have it approved before acquiring and reviewing the "
                        "certificate.",
                        name=qualification.display_name,
                    )
                )
            missing = [
                qualification._fields[field].get_description(self.env)["string"]
                for field in ("number", "issuer_id", "issue_date", "expiry_date")
                if not qualification[field]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(name)s cannot go to review without %(fields)s. Enter "
                        "the data printed on the certificate first.",
                        name=qualification.display_name,
                        fields=", ".join(missing),
                    )
                )
        # reviews are made by this step only (their fields are protected)
        self.env["sales.qualification.review"].sudo().create(
            [
                {"qualification_id": qualification.id, "review_type": review_type}
                for qualification in self
                for review_type in REVIEW_TYPES
                if review_type not in qualification.review_ids.mapped("review_type")
            ]
        )
        self._set_state("under_review")
        self.review_ids.filtered(lambda r: r.state == "pending")._submit_reviews()
        return True

    @public_arguments(one=True)
    def action_renew(self):
        self.ensure_one()
        self._check_manager()
        if self.state not in ("active", "expiring", "expired") or self.next_version_id:
            raise UserError(
                self.env._(
                    "%(name)s cannot be renewed: only an active, expiring or expired "
                    "certificate without a newer version can be renewed.",
                    name=self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Renew Qualification"),
            "res_model": "sales.qualification.renew.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_qualification_id": self.id,
                "default_number": self.number,
            },
        }

    @public_arguments
    def action_export_register_xlsx(self):
        ids = ",".join(str(i) for i in self.ids)
        return {
            "type": "ir.actions.act_url",
            "url": f"/sales_qualification/register.xlsx?ids={ids}",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "sales_policy_base.group_sales_policy_manager"
        ):
            raise UserError(
                self.env._(
                    "Only a sales manager can move a qualification through its "
                    "evaluation, review and renewal steps."
                )
            )

    def _on_reviews_changed(self):
        """Reject on any rejected review; activate when all three approved."""
        for qualification in self.filtered(lambda q: q.state == "under_review"):
            reviews = qualification.review_ids
            rejected = reviews.filtered(lambda r: r.state == "rejected")
            if rejected:
                # the other reviewers no longer have anything to decide
                reviews.filtered(lambda r: r.state == "pending")._approval_requests(
                    states=("pending",)
                )._mark_outdated()
                reasons = "\n".join(
                    f"{review._review_type_label()}: {review.note or ''}"
                    for review in rejected
                )
                qualification._set_state("rejected", rejection_reason=reasons)
                qualification.message_post(
                    body=self.env._(
                        "Review failed, certificate rejected: %(reasons)s",
                        reasons=reasons,
                    )
                )
                qualification._release_previous_version()
            elif set(REVIEW_TYPES) <= set(
                reviews.filtered(lambda r: r.state == "approved").mapped("review_type")
            ):
                qualification._activate()

    def _release_previous_version(self):
        """A rejected renewal gives its predecessor back its renewability.

        The predecessor can be renewed again and the expiry scheduler resumes its
        warnings, which a pending renewal suspends.
        """
        for renewal in self:
            previous = renewal.previous_version_id.sudo()
            if previous.next_version_id != renewal:
                continue
            # The rejected state reaches the database before the predecessor
            # takes its number back (see _check_number_unique_per_issuer).
            renewal.flush_recordset(["state"])
            previous._transition({"next_version_id": False})
            previous.message_post(
                body=self.env._(
                    "Renewal %(renewal)s (version %(version)s) was rejected; this "
                    "certificate can be renewed again.",
                    renewal=renewal.display_name,
                    version=renewal.version,
                )
            )

    def _activate(self):
        today = fields.Date.context_today(self)
        for qualification in self:
            previous = qualification.previous_version_id.sudo()
            if previous:
                # The replaced version gives up the certificate number first, so
                # a renewal keeping the number satisfies the unique index.
                previous._set_state("renewed")
                previous.flush_recordset(["state"])
            qualification._set_state("active")
            if previous:
                previous.product_tmpl_ids.write({"qualification_id": qualification.id})
                previous.activity_unlink(
                    ["sales_qualification.mail_activity_type_renewal"]
                )
            qualification._update_expiry_state(today)

    def _update_expiry_state(self, today):
        """Move this active/expiring certificate along its expiry windows."""
        self.ensure_one()
        if self.state not in SELLABLE_STATES or not self.expiry_date:
            return
        company = self.company_id
        remaining = (self.expiry_date - today).days
        if remaining < 0:
            self._set_state("expired")
            self._alert_lent_certificate()
            return
        renewal_pending = bool(self.next_version_id)
        if remaining <= company.sales_qualification_warning_days:
            if self.state == "active":
                self._set_state("expiring")
                self._alert_lent_certificate()
            if not self.warning_level and not renewal_pending:
                self._schedule_renewal_task(final=False)
                self._transition({"warning_level": "first"})
        if (
            remaining <= company.sales_qualification_final_warning_days
            and self.warning_level != "final"
            and not renewal_pending
        ):
            self._schedule_renewal_task(final=True)
            self._transition({"warning_level": "final"})

    def _alert_lent_certificate(self):
        """Tell the borrower and the custodian when a lent certificate expires.

        Called when the scheduler moves the certificate to expiring or expired
        while a loan holds it (approved or handed out): the borrower may be using
        it in a tender, and the custodian (or the approving manager) must get it
        back or renew it.
        """
        self.ensure_one()
        loan = self.current_loan_id.sudo()
        if not loan or loan.state not in ("approved", "out"):
            return
        state_label = dict(self._fields["state"]._description_selection(self.env))[
            self.state
        ]
        summary = self.env._(
            "%(name)s is %(state)s while lent (%(loan)s, return by %(due)s)",
            name=self.display_name,
            state=state_label,
            loan=loan.name,
            due=loan.due_date,
        )
        note = self.env._(
            "The certificate %(name)s lent to %(borrower)s expires on %(expiry)s. "
            "Check that it is still valid for the purpose of the loan, get it back "
            "or start its renewal.",
            name=self.display_name,
            borrower=loan.borrower_id.name,
            expiry=self.expiry_date,
        )
        users = loan.borrower_id | (self.custodian_id or loan.approved_by_id)
        for user in users:
            loan.activity_schedule(
                "sales_qualification.mail_activity_type_lent_certificate_expiry",
                date_deadline=fields.Date.context_today(self),
                summary=summary,
                note=note,
                user_id=user.id,
            )

    def _schedule_renewal_task(self, final):
        summary = (
            self.env._("Urgent: renew before %(date)s", date=self.expiry_date)
            if final
            else self.env._("Prepare renewal before %(date)s", date=self.expiry_date)
        )
        self.activity_schedule(
            "sales_qualification.mail_activity_type_renewal",
            date_deadline=fields.Date.context_today(self),
            summary=summary,
            user_id=(self.custodian_id or self.create_uid or self.env.user).id,
        )

    @api.model
    def _cron_update_expiry(self):
        """Daily: active -> expiring -> expired, with renewal tasks."""
        today = fields.Date.context_today(self)
        horizon = max(
            self.env["res.company"]
            .search([])
            .mapped("sales_qualification_warning_days")
            or [0]
        )
        qualifications = self.search(
            [
                ("state", "in", list(SELLABLE_STATES)),
                ("expiry_date", "<=", today + timedelta(days=horizon)),
            ]
        )
        done = 0
        for qualification in qualifications:
            try:
                with self.env.cr.savepoint():
                    qualification._update_expiry_state(today)
                done += 1
            except Exception:
                _logger.exception(
                    "Could not update the expiry state of qualification %s",
                    qualification.id,
                )
        return done

    def _sale_refusal_reason(self, min_days, today):
        """Why a product relying on this qualification cannot be sold, or ''."""
        self.ensure_one()
        if self.state not in SELLABLE_STATES:
            return self.env._(
                "the qualification is %(state)s, not active",
                state=dict(self._fields["state"]._description_selection(self.env))[
                    self.state
                ],
            )
        remaining = (self.expiry_date - today).days if self.expiry_date else 0
        if remaining < min_days:
            return self.env._(
                "only %(remaining)s days of validity are left, the minimum is "
                "%(minimum)s days",
                remaining=remaining,
                minimum=min_days,
            )
        return ""

    def _register_rows(self):
        """One row per certificate. A linked record the current user may not
        read (a confidential customer as issuing authority, another rep's
        loan) is left blank: neither named nor an access error."""
        state_labels = dict(self._fields["state"]._description_selection(self.env))
        issuers = self.issuer_id._filtered_access("read")
        custodians = self.custodian_id._filtered_access("read")
        loans = self.current_loan_id._filtered_access("read")
        return [
            [
                q.name,
                q.number or "",
                q.issuer_id.display_name if q.issuer_id in issuers else "",
                q.issue_date or "",
                q.expiry_date or "",
                q.scope or "",
                q.custodian_id.name if q.custodian_id in custodians else "",
                q.location or "",
                state_labels[q.state],
                q.current_loan_id.borrower_id.name
                if q.current_loan_id in loans
                else "",
                q.version,
            ]
            for q in self
        ]

    def _register_xlsx_content(self):
        """The custody register of these certificates as an XLSX file."""
        headers = [
            self.env._("Name"),
            self.env._("Number"),
            self.env._("Issuer"),
            self.env._("Issued"),
            self.env._("Expires"),
            self.env._("Scope"),
            self.env._("Custodian"),
            self.env._("Location"),
            self.env._("State"),
            self.env._("Lent To"),
            self.env._("Version"),
        ]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Register"))
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, headers, bold)
        for row, values in enumerate(self._register_rows(), start=1):
            for col, value in enumerate(values):
                if hasattr(value, "toordinal"):
                    sheet.write_datetime(
                        row,
                        col,
                        fields.Datetime.to_datetime(value),
                        date_format,
                    )
                else:
                    sheet.write(row, col, value)
        sheet.set_column(0, len(headers) - 1, 18)
        workbook.close()
        return output.getvalue()
