# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer opinions and suggestions register of the sales office."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

USER_GROUP = "sales_policy_base.group_sales_policy_user"


class SalesCustomerSuggestion(models.Model):
    _name = "sales.customer.suggestion"
    _description = "Customer Opinion or Suggestion"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _order = "date_received desc, id desc"
    _policy_clause = "SP-CPL-05"
    _protected_fields = [
        "suggestion_state",
        "answered_by_id",
        "answered_date",
        "answer_deadline",
    ]

    name = fields.Char(string="Subject", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, index=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    content = fields.Text(string="Opinion or Suggestion", required=True)
    date_received = fields.Datetime(
        string="Received", required=True, default=fields.Datetime.now, tracking=True
    )
    answer_deadline = fields.Datetime(
        compute="_compute_answer_deadline", store=True, readonly=True
    )
    suggestion_state = fields.Selection(
        [("new", "To Answer"), ("answered", "Answered")],
        string="Status",
        default="new",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    answer = fields.Text()
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    answered_date = fields.Datetime(readonly=True, copy=False)
    timely = fields.Boolean(
        string="Answered in Time", compute="_compute_timely", store=True
    )

    @api.depends("partner_id")
    def _compute_user_id(self):
        for suggestion in self:
            partner = suggestion.partner_id.sudo()
            suggestion.user_id = (
                partner.commercial_partner_id.user_id
                or partner.user_id
                or suggestion.user_id
                or self.env.user
            )

    @api.depends("date_received", "company_id")
    def _compute_answer_deadline(self):
        for suggestion in self:
            days = (suggestion.company_id or self.env.company).suggestion_answer_days
            suggestion.answer_deadline = suggestion.date_received and (
                suggestion.date_received + timedelta(days=days)
            )

    @api.depends("answered_date", "answer_deadline")
    def _compute_timely(self):
        for suggestion in self:
            suggestion.timely = bool(
                suggestion.answered_date
                and suggestion.answer_deadline
                and suggestion.answered_date <= suggestion.answer_deadline
            )

    def write(self, vals):
        if "answer" in vals and not self.env.su and not self._in_transition():
            if any(s.suggestion_state == "answered" for s in self):
                raise UserError(
                    self.env._(
                        "The answer to a suggestion is kept as it was given "
                        "(sales policy %(clause)s); write a new message in its "
                        "chatter instead.",
                        clause=self._policy_clause,
                    )
                )
        return super().write(vals)

    @public_arguments
    def action_answer(self):
        """Record that the customer was answered, by whom and when."""
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise UserError(
                self.env._(
                    "Only salespeople and sales managers answer suggestions "
                    "(sales policy %(clause)s).",
                    clause=self._policy_clause,
                )
            )
        self.check_access("write")
        for suggestion in self:
            if suggestion.suggestion_state != "new":
                raise UserError(
                    self.env._(
                        "%(suggestion)s is already answered (sales policy "
                        "%(clause)s: the answer is kept as it was given).",
                        suggestion=suggestion.display_name,
                        clause=self._policy_clause,
                    )
                )
            if not (suggestion.answer or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer given to the customer for %(suggestion)s "
                        "first (sales policy %(clause)s: the register keeps the "
                        "answer, who gave it and when).",
                        suggestion=suggestion.display_name,
                        clause=self._policy_clause,
                    )
                )
        self._transition(
            {
                "suggestion_state": "answered",
                "answered_by_id": self.env.uid,
                "answered_date": fields.Datetime.now(),
            }
        )
        return True
