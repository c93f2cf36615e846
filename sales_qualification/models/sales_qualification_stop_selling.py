# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stop selling: the certificate's *Suspended* state (clause SP-QUA-11).

A suspended certificate is not in ``SELLABLE_STATES``: orders relying on it
are refused at confirmation (``sale.order._check_qualification_validity``),
it cannot be lent (``sales.qualification.loan._check_borrowable``, at the
request, the approval and the hand-out) and the expiry scheduler leaves it
alone until it resumes (see ``sales.qualification.suspension``).
"""

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_qualification import SalesQualification


class SalesQualificationStopSelling(models.Model):
    _inherit = "sales.qualification"

    _protected_fields = [*SalesQualification._protected_fields, "suspension_id"]

    state = fields.Selection(
        selection_add=[("suspended", "Suspended")],
        ondelete={"suspended": "set default"},
    )
    suspension_id = fields.Many2one(
        "sales.qualification.suspension",
        string="Current Suspension",
        readonly=True,
        copy=False,
    )
    suspension_reason = fields.Text(
        related="suspension_id.reason", string="Suspension Reason"
    )
    suspension_origin = fields.Selection(
        related="suspension_id.origin", string="Suspended By"
    )
    suspension_ids = fields.One2many(
        "sales.qualification.suspension", "qualification_id", string="Suspensions"
    )
    policy_watch_ids = fields.Many2many(
        "sales.qualification.policy.watch",
        "sales_qualification_policy_watch_rel",
        "qualification_id",
        "watch_id",
        string="Policy Changes",
    )

    def _sale_refusal_reason(self, min_days, today):
        self.ensure_one()
        if self.state == "suspended":
            return self.env._(
                "the qualification is suspended (%(reason)s); a senior manager "
                "must approve its resumption (clause SP-QUA-11)",
                reason=self.sudo().suspension_id.reason or "",
            )
        return super()._sale_refusal_reason(min_days, today)

    def _lock_for_suspension(self):
        """Row-lock the certificate; a concurrent step gets a clear error."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM sales_qualification WHERE id = %s "
                        "FOR UPDATE NOWAIT",
                        self.id,
                    ),
                    log_exceptions=False,
                )
        except (LockNotAvailable, SerializationFailure) as error:
            raise UserError(
                self.env._(
                    "%(name)s is being changed by someone else right now. Reload "
                    "it and try again.",
                    name=self.display_name,
                )
            ) from error
        self.invalidate_recordset(["state", "suspension_id", "current_loan_id"])

    def _alert_suspended_loan(self, suspension):
        """A lent certificate that stops selling: the borrower brings it back."""
        self.ensure_one()
        loan = self.current_loan_id.sudo()
        if not loan or loan.state not in ("approved", "out"):
            return
        loan.activity_schedule(
            "sales_qualification.mail_activity_type_certificate_return",
            date_deadline=fields.Date.context_today(self),
            summary=self.env._(
                "%(name)s is suspended: stop using it", name=self.display_name
            ),
            note=suspension.reason,
            user_id=loan.borrower_id.id,
        )

    @public_arguments(one=True)
    def action_suspend(self):
        """Open a new suspension of this certificate (a manager saves it)."""
        self.ensure_one()
        self._check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Suspend Selling"),
            "res_model": "sales.qualification.suspension",
            "view_mode": "form",
            "target": "new",
            "context": {"default_qualification_id": self.id},
        }

    @public_arguments(one=True)
    def action_view_suspension(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.qualification.suspension",
            "view_mode": "form",
            "res_id": self.suspension_id.id,
        }
