# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.commission_math import split_amounts

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
#: what the approval covers; fixed once the bonus left draft
BONUS_TERMS = ("amount", "date", "partner_id", "order_id", "beneficiary_ids")
#: bonuses whose own write is saving their beneficiaries (on the cursor)
BENEFICIARIES_KEY = "sales_commission_bonus_beneficiaries"


class SalesCommissionBonus(models.Model):
    """A bonus management grants for a major or strategic project.

    The approval engine decides it (the shipped rules: any sales manager,
    large bonuses any senior manager; policy clause SP-COM-05): the proposer
    clicks *Request Approval*, an approver approves it in *My Approvals* or on
    the form, and the decision grants it (``_approval_on_decision``): the
    beneficiaries' commission lines are created. Nobody decides a bonus they
    benefit from. Without an applicable rule a sales manager grants it at once
    (*Grant Bonus*). The state and the approver change only through these
    steps (``_protected_fields``).
    """

    _name = "sales.commission.bonus"
    _description = "Project Bonus"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-COM-05"
    _order = "date desc, id desc"

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"grant_bonus": _lt("Grant the Project Bonus")}
    _approval_amount_field = "amount"
    _approval_requester_field = "create_uid"
    _approval_fingerprint_fields = list(BONUS_TERMS)
    _approval_button_states = ("draft",)
    _protected_fields = ["state", "approved_by_id"]

    name = fields.Char(string="Project", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.today, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", check_company=True, tracking=True
    )
    order_id = fields.Many2one("sale.order", check_company=True)
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Text(help="Why the project earns a bonus.")
    beneficiary_ids = fields.One2many(
        "sales.commission.bonus.beneficiary", "bonus_id", string="Beneficiaries"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    line_ids = fields.One2many("sales.commission.line", "bonus_id")

    @api.constrains("amount")
    def _check_amount(self):
        for bonus in self.filtered(lambda b: b.amount <= 0):
            raise ValidationError(
                self.env._(
                    "The amount of bonus %(bonus)s must be positive. Enter the "
                    "bonus management granted.",
                    bonus=bonus.name,
                )
            )

    @api.constrains("beneficiary_ids")
    def _check_beneficiary_split(self):
        for bonus in self:
            total = sum(bonus.beneficiary_ids.mapped("percent"))
            if bonus.beneficiary_ids and abs(total - 100.0) > 0.005:
                raise ValidationError(
                    self.env._(
                        "The beneficiaries of bonus %(bonus)s share %(total)s "
                        "%%, not 100 %% (policy clause SP-COM-05). Adjust their "
                        "shares so that they add up to 100 %%.",
                        bonus=bonus.name,
                        total=round(total, 2),
                    )
                )

    def write(self, vals):
        if not self.env.su and not set(BONUS_TERMS).isdisjoint(vals):
            self._check_terms_open()
        if "beneficiary_ids" not in vals:
            return super().write(vals)
        # the beneficiaries written here re-open review once, at the end of
        # this write (a fingerprint field), not once per beneficiary
        marks = self.env.cr.precommit.data.setdefault(BENEFICIARIES_KEY, set())
        added = set(self.ids) - marks
        marks.update(added)
        try:
            return super().write(vals)
        finally:
            marks.difference_update(added)

    def unlink(self):
        # a deleted bonus waits for nobody's decision
        self._approval_requests(states=("pending",))._mark_outdated()
        return super().unlink()

    def _check_terms_open(self):
        """The amount, date, customer and beneficiaries change only in draft."""
        decided = self.filtered(lambda b: b.state != "draft")
        if decided:
            raise UserError(
                self.env._(
                    "Bonus %(bonus)s is %(state)s: its amount, date, customer and "
                    "beneficiaries no longer change (policy clause SP-COM-05). "
                    "Cancel it and reset it to draft to change them.",
                    bonus=decided[0].name,
                    state=dict(self._fields["state"].selection)[decided[0].state],
                )
            )

    # --- approval engine --------------------------------------------------------
    def _get_approval_fingerprint_data(self):
        # the shares, not only which beneficiary rows exist: a new share
        # re-opens review
        result = super()._get_approval_fingerprint_data()
        for bonus in self:
            result[bonus.id].append(
                sorted((b.user_id.id, b.percent) for b in bonus.sudo().beneficiary_ids)
            )
        return result

    def _approval_submit(self, post_message=True, strict=True):
        if strict:
            # a user submits: only a draft with beneficiaries, and only when
            # someone who does not benefit from it can decide it
            self._check_grantable()
        return super()._approval_submit(post_message=post_message, strict=strict)

    def _get_approval_conflicted_users(self):
        # no one decides a bonus they benefit from (policy clause SP-COM-05):
        # the engine keeps them out of the inbox and refuses their decision
        result = super()._get_approval_conflicted_users()
        for bonus in self:
            result[bonus.id] |= bonus.sudo().beneficiary_ids.user_id
        return result

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: refused to users no request waits for
        and to the bonus's beneficiaries."""
        pending = self._approval_requests(states=("pending",))
        if self.env.user in pending.approver_ids:
            # an approver who benefits from the bonus is told why
            self._check_not_beneficiary()
        if not self._approval_my_pending_requests():
            raise AccessError(
                self.env._(
                    "Only the approvers of project bonuses (a sales manager, a "
                    "senior manager for large bonuses) decide them (policy "
                    "clause SP-COM-05); no request of %(bonuses)s waits for "
                    "your decision.",
                    bonuses=", ".join(self.mapped("display_name")),
                )
            )
        return super()._approval_decide_mine(decision)

    def _approval_on_decision(self, requests, decision):
        """An approval grants the bonuses every rule has approved."""
        res = super()._approval_on_decision(requests, decision)
        drafts = self.filtered(lambda b: b.state == "draft")
        if decision != "approved":
            return res
        status = drafts._approval_status_by_record("grant_bonus")
        ready = drafts.filtered(
            lambda b: status.get(b.id, ("none",))[0] in ("none", "approved")
        )
        # the engine's decision is the right: approvers need no write access
        ready.sudo()._grant(decided_by=self.env.user)
        return res

    def _check_not_beneficiary(self):
        """No one decides or grants a bonus they benefit from (policy clause
        SP-COM-05)."""
        users = self.env.user
        for bonus in self:
            conflicted = users & bonus.sudo().beneficiary_ids.user_id
            if conflicted:
                raise UserError(
                    self.env._(
                        "%(users)s benefit(s) from bonus %(bonus)s and may not "
                        "decide it (policy clause SP-COM-05: no one approves a "
                        "bonus paying themselves). Another approver must "
                        "decide it.",
                        users=", ".join(conflicted.mapped("name")),
                        bonus=bonus.name,
                    )
                )

    # --- actions ------------------------------------------------------------------
    @public_arguments
    def action_grant(self):
        """Grant bonuses that no approval rule gates (a sales manager)."""
        self._check_manager()
        self._check_not_beneficiary()
        self._approval_check("grant_bonus")
        self._grant(decided_by=self.env.user)
        return True

    @public_arguments
    def action_cancel(self):
        self._check_manager()
        if self.line_ids.settlement_id.filtered(lambda s: s.state != "cancel"):
            raise UserError(
                self.env._(
                    "This bonus is already in a settlement; cancel the "
                    "settlement first."
                )
            )
        self.line_ids.sudo().unlink()
        # withdrawn: a bonus reset to draft is reviewed again
        self._approval_requests(states=("pending", "approved"))._mark_outdated()
        self._transition({"state": "cancel"})
        return True

    @public_arguments
    def action_draft(self):
        self._check_manager()
        self.filtered(lambda b: b.state == "cancel")._transition(
            {"state": "draft", "approved_by_id": False}
        )
        return True

    # --- business methods ---------------------------------------------------
    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager grants, cancels or resets project "
                    "bonuses (policy clause SP-COM-05)."
                )
            )

    def _check_grantable(self):
        for bonus in self:
            if bonus.state != "draft":
                raise UserError(
                    self.env._(
                        "Bonus %(bonus)s is not a draft; only draft bonuses are "
                        "granted.",
                        bonus=bonus.name,
                    )
                )
            if not bonus.beneficiary_ids:
                raise UserError(
                    self.env._(
                        "Bonus %(bonus)s has no beneficiaries. Add the reps who "
                        "earn it and their shares.",
                        bonus=bonus.name,
                    )
                )

    def _grant(self, decided_by):
        """Create the beneficiaries' commission lines and mark the bonuses
        approved. The callers checked the decision (the engine's approval or
        a manager's grant without an applicable rule)."""
        self._check_grantable()
        vals_list = []
        for bonus in self:
            parts = split_amounts(bonus.amount, bonus.beneficiary_ids.mapped("percent"))
            for beneficiary, part in zip(bonus.beneficiary_ids, parts, strict=True):
                vals_list.append(
                    {
                        "name": bonus.name,
                        "company_id": bonus.company_id.id,
                        "user_id": beneficiary.user_id.id,
                        "date": bonus.date,
                        "period_start": bonus.date.replace(day=1),
                        "basis": "bonus",
                        "partner_id": bonus.partner_id.commercial_partner_id.id,
                        "bonus_id": bonus.id,
                        "revenue_amount": 0.0,
                        "split_percent": beneficiary.percent,
                        "amount": part,
                        "currency_id": bonus.currency_id.id,
                    }
                )
        self.env["sales.commission.line"].sudo().create(vals_list)
        self._transition({"state": "approved", "approved_by_id": decided_by.id})

    def _beneficiaries_changed(self):
        """Who earns a bonus is part of what its approval covers: a change on a
        decided bonus is refused; on a submitted one it re-opens review."""
        if not self.env.su:
            self._check_terms_open()
        writing = self.env.cr.precommit.data.get(BENEFICIARIES_KEY) or set()
        self.filtered(lambda b: b.id not in writing)._approval_refresh()
