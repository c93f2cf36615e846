# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesRecoveryPlan(models.Model):
    _name = "sales.recovery.plan"
    _description = "Lost Customer Recovery Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-DEV-07"
    _protected_fields = ["state"]
    _order = "next_action_date, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", tracking=True, index=True
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Lost Opportunity", tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    lost_reason_id = fields.Many2one("crm.lost.reason")
    reason = fields.Text(
        string="Why the Customer Was Lost",
        tracking=True,
    )
    next_action = fields.Char(tracking=True)
    next_action_date = fields.Date(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("recovered", "Recovered"),
            ("abandoned", "Abandoned"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("partner_id", "lead_id")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Recovery of %(who)s",
                who=plan.partner_id.name or plan.lead_id.name or "",
            )

    @api.constrains("partner_id", "lead_id", "state")
    def _check_partner_or_lead(self):
        for plan in self:
            if not plan.partner_id and not plan.lead_id:
                raise ValidationError(
                    self.env._(
                        "A recovery plan is for a lost customer: choose the customer "
                        "or the lost opportunity."
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_confidential(self):
        """A rep plans the recovery of customers they may read (SP-DEV-06)."""
        for plan in self.filtered("partner_id"):
            plan.partner_id._check_confidential_for(plan)

    @api.constrains("state", "next_action", "next_action_date")
    def _check_next_action(self):
        for plan in self.filtered(lambda p: p.state == "in_progress"):
            if not plan.next_action or not plan.next_action_date:
                raise ValidationError(
                    self.env._(
                        "The recovery plan %(plan)s is in progress without a next "
                        "action and its date: lost customers are kept in contact. "
                        "Enter the next action and when it is due.",
                        plan=plan.name,
                    )
                )

    @public_arguments
    def action_start(self):
        self._transition({"state": "in_progress"})
        return True

    @public_arguments
    def action_recovered(self):
        self._transition({"state": "recovered"})
        return True

    @public_arguments
    def action_abandon(self):
        self._transition({"state": "abandoned"})
        return True
