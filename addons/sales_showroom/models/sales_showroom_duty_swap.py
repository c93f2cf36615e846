# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesShowroomDutySwap(models.Model):
    """A rep asks to hand a duty to a colleague; the approval engine decides.

    Creating the request submits it to the approval engine (the shipped rule:
    any sales manager, clause SP-SHR-08); the engine's decision applies the
    swap or refuses it (``_approval_on_decision``). Without an applicable rule
    the swap needs no approval and applies at once. The state, who decided and
    who asked change only through these steps (protected fields).
    """

    _name = "sales.showroom.duty.swap"
    _description = "Showroom Duty Swap Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-SHR-08"
    _order = "id desc"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"apply_swap": _lt("Apply the Duty Swap")}
    _approval_amount_field = None
    _approval_requester_field = "requested_by_id"
    _protected_fields = ["state", "decided_by_id", "requested_by_id"]
    _approval_fingerprint_fields = ["duty_id", "new_user_id"]
    _approval_button_states = ("requested",)

    duty_id = fields.Many2one(
        "sales.showroom.duty", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        related="duty_id.company_id", store=True, precompute=True
    )
    requested_by_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True
    )
    from_user_id = fields.Many2one(related="duty_id.user_id", string="Current Rep")
    new_user_id = fields.Many2one(
        "res.users", string="Colleague Taking Over", required=True, tracking=True
    )
    reason = fields.Text()
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)

    @api.depends("duty_id.name", "new_user_id.name")
    def _compute_display_name(self):
        for swap in self:
            swap.display_name = self.env._(
                "%(duty)s to %(rep)s",
                duty=swap.duty_id.name or "",
                rep=swap.new_user_id.name or "",
            )

    @api.constrains("duty_id", "new_user_id", "requested_by_id")
    def _check_swap(self):
        for swap in self:
            if swap.new_user_id == swap.duty_id.user_id:
                raise ValidationError(
                    self.env._(
                        "%(rep)s already has this duty; choose another colleague "
                        "to take it over.",
                        rep=swap.new_user_id.name,
                    )
                )
            if swap.requested_by_id != swap.duty_id.user_id and not (
                swap.requested_by_id.has_group(MANAGER_GROUP)
            ):
                raise ValidationError(
                    self.env._(
                        "Only the rep on duty (%(rep)s) may ask to swap %(duty)s.",
                        rep=swap.duty_id.user_id.name,
                        duty=swap.duty_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        swaps = super().create(vals_list)
        swaps._submit_swap()
        return swaps

    def write(self, vals):
        # Access rights first: a rep (read and create only) is told so, even
        # for the protected fields the approval mixin refuses next.
        self.check_access("write")
        if not self.env.su and {"duty_id", "new_user_id"}.intersection(vals):
            decided = self.filtered(lambda s: s.state != "requested")
            if decided:
                raise UserError(
                    self.env._(
                        "%(swap)s has been decided: its duty and colleague no "
                        "longer change (clause SP-SHR-08). Ask for a new swap.",
                        swap=decided[0].display_name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Approval engine
    # ------------------------------------------------------------------
    def _submit_swap(self):
        """Submit new requests to the approval engine; apply the swaps that
        no rule gates."""
        self._approval_submit()
        status = self._approval_status_by_record("apply_swap")
        free = self.filtered(
            lambda s: status.get(s.id, ("none",))[0] in ("none", "approved")
        )
        if free:
            # the rep asking has no write access: the step is the model's own
            free.sudo()._apply_swap(decided_by=self.env["res.users"])
            for swap in free:
                swap._approval_message(
                    self.env._(
                        "No approval rule applies to this swap: the duty was "
                        "handed over at once."
                    )
                )

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        open_swaps = self.filtered(lambda s: s.state == "requested")
        if decision == "rejected":
            open_swaps.sudo()._transition(
                {"state": "refused", "decided_by_id": self.env.uid}
            )
            return res
        # another rule of the swap may still wait for its approvers
        status = open_swaps._approval_status_by_record("apply_swap")
        ready = open_swaps.filtered(
            lambda s: status.get(s.id, ("none",))[0] in ("none", "approved")
        )
        ready.sudo()._apply_swap(decided_by=self.env.user)
        return res

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: a decided swap or a user no request
        waits for gets a refusal naming the clause."""
        decided = self.filtered(lambda s: s.state != "requested")
        if decided:
            raise UserError(
                self.env._(
                    "This swap request has already been decided (clause "
                    "SP-SHR-08): ask for a new swap."
                )
            )
        if not self._approval_my_pending_requests():
            raise AccessError(
                self.env._(
                    "Only the approvers of duty swaps (a sales manager) approve "
                    "or refuse them (clause SP-SHR-08); no request of %(swaps)s "
                    "waits for your decision.",
                    swaps=", ".join(self.mapped("display_name")),
                )
            )
        return super()._approval_decide_mine(decision)

    def _apply_swap(self, decided_by):
        """Hand each duty to the colleague and close the request."""
        for swap in self:
            swap.duty_id._reassign(swap.new_user_id)
        self._transition({"state": "approved", "decided_by_id": decided_by.id})
