# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
#: what the approval covers; fixed once the entry left draft
ENTRY_TERMS = ("user_id", "kind", "amount", "date", "reason", "clause_id")


class SalesRewardPenalty(models.Model):
    """A reward or a penalty of a rep (e.g. 50 CNY per contract error).

    A sales manager records it and requests approval; the approval engine
    decides it (the shipped rules: a sales manager, large amounts a senior
    manager; policy clause SP-APR-05). An approved entry goes to payroll
    (XLSX export). Nobody decides an entry about themselves. The state and the
    approver change only through these steps (``_protected_fields``).
    """

    _name = "sales.reward.penalty"
    _description = "Reward or Penalty"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-APR-05"
    _order = "date desc, id desc"

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"register_entry": _lt("Register the Reward or Penalty")}
    _approval_metrics = {"is_penalty": (_lt("Penalty"), "boolean")}
    _approval_amount_field = "amount"
    _approval_requester_field = "create_uid"
    _approval_fingerprint_fields = list(ENTRY_TERMS)
    _approval_button_states = ("draft",)
    _protected_fields = ["state", "approved_by_id"]

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, tracking=True
    )
    kind = fields.Selection(
        [("reward", "Reward"), ("penalty", "Penalty")],
        string="Type",
        required=True,
        default="penalty",
        tracking=True,
    )
    reason = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    signed_amount = fields.Monetary(
        compute="_compute_signed_amount",
        store=True,
        help="Positive for a reward, negative for a penalty (payroll).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    clause_id = fields.Many2one(
        "sales.policy.clause",
        string="Clause Applied",
        help="The policy clause the reward or penalty applies, e.g. the fine "
        "per contract error.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)

    @api.depends("user_id", "kind", "reason")
    def _compute_name(self):
        labels = dict(self._fields["kind"].selection)
        for entry in self:
            entry.name = f"{labels.get(entry.kind, '')}: {entry.user_id.name or ''}"

    @api.depends("kind", "amount")
    def _compute_signed_amount(self):
        for entry in self:
            sign = -1 if entry.kind == "penalty" else 1
            entry.signed_amount = sign * entry.amount

    @api.constrains("amount")
    def _check_amount(self):
        for entry in self.filtered(lambda e: e.amount <= 0):
            raise ValidationError(
                self.env._(
                    "The amount of %(entry)s must be positive; the type says "
                    "whether it is paid or deducted.",
                    entry=entry.name,
                )
            )

    def write(self, vals):
        if not self.env.su and not set(ENTRY_TERMS).isdisjoint(vals):
            decided = self.filtered(lambda e: e.state != "draft")
            if decided:
                raise UserError(
                    self.env._(
                        "%(entry)s is no longer a draft: its salesperson, type, "
                        "amount, date, reason and clause are what was decided "
                        "(policy clause SP-APR-05). Cancel it and record a new "
                        "one.",
                        entry=decided[0].name,
                    )
                )
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self.filtered(lambda e: e.state == "approved"):
            raise UserError(
                self.env._(
                    "An approved reward or penalty is kept for payroll; cancel "
                    "it instead."
                )
            )
        self._approval_requests(states=("pending",))._mark_outdated()
        return super().unlink()

    # --- approval engine --------------------------------------------------------
    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed)
        for entry in self:
            result[entry.id]["is_penalty"] = entry.kind == "penalty"
        return result

    def _get_approval_conflicted_users(self):
        # no one decides a reward or penalty about themselves
        result = super()._get_approval_conflicted_users()
        for entry in self:
            result[entry.id] |= entry.user_id
        return result

    def _approval_submit(self, post_message=True, strict=True):
        if strict:
            self._check_manager()
            self._check_draft()
        return super()._approval_submit(post_message=post_message, strict=strict)

    def _approval_on_decision(self, requests, decision):
        """Every rule approved: the entry is registered; one rejected: it is
        rejected."""
        res = super()._approval_on_decision(requests, decision)
        drafts = self.filtered(lambda e: e.state == "draft")
        if decision == "rejected":
            drafts.sudo()._transition({"state": "rejected"})
            return res
        status = drafts._approval_status_by_record("register_entry")
        ready = drafts.filtered(
            lambda e: status.get(e.id, ("none",))[0] in ("none", "approved")
        )
        # the engine's decision is the right: approvers need no write access
        ready.sudo()._transition({"state": "approved", "approved_by_id": self.env.uid})
        return res

    # --- actions ------------------------------------------------------------------
    @public_arguments
    def action_register(self):
        """Register entries that no approval rule gates (a sales manager)."""
        self._check_manager()
        self._check_draft()
        if self.filtered(lambda e: e.user_id == self.env.user):
            raise AccessError(
                self.env._(
                    "No one registers a reward or penalty about themselves "
                    "(policy clause SP-APR-05)."
                )
            )
        self._approval_check("register_entry")
        self._transition({"state": "approved", "approved_by_id": self.env.uid})
        return True

    @public_arguments
    def action_cancel(self):
        self._check_manager()
        self._approval_requests(states=("pending", "approved"))._mark_outdated()
        self._transition({"state": "cancel"})
        return True

    @public_arguments
    def action_draft(self):
        self._check_manager()
        self.filtered(lambda e: e.state in ("cancel", "rejected"))._transition(
            {"state": "draft", "approved_by_id": False}
        )
        return True

    # --- business methods ---------------------------------------------------
    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager records, registers and cancels "
                    "rewards and penalties (policy clause SP-APR-05)."
                )
            )
        self.check_access("write")

    def _check_draft(self):
        wrong = self.filtered(lambda e: e.state != "draft")
        if wrong:
            raise UserError(
                self.env._(
                    "%(entry)s is not a draft; only drafts are submitted or "
                    "registered.",
                    entry=wrong[0].name,
                )
            )
