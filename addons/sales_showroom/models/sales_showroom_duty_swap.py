# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesShowroomDutySwap(models.Model):
    """A rep asks to hand a duty to a colleague; a sales manager decides."""

    _name = "sales.showroom.duty.swap"
    _description = "Showroom Duty Swap Request"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

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

    def _check_decision(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager approves or refuses duty swaps "
                    "(clause SP-SHR-08)."
                )
            )
        if any(swap.state != "requested" for swap in self):
            raise UserError(self.env._("This swap request has already been decided."))

    def action_approve(self):
        self._check_decision()
        for swap in self:
            swap.duty_id._reassign(swap.new_user_id)
        self.sudo().write({"state": "approved", "decided_by_id": self.env.user.id})
        return True

    def action_refuse(self):
        self._check_decision()
        self.sudo().write({"state": "refused", "decided_by_id": self.env.user.id})
        return True
