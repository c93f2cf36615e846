# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

CHANNELS = [
    ("visit", "Visit"),
    ("call", "Phone Call"),
    ("email", "Email"),
    ("meeting", "Meeting"),
    ("event", "Trade Show or Event"),
]


class SalesContactPlan(models.Model):
    _name = "sales.contact.plan"
    _description = "Planned Contact with a Prospect"
    _inherit = ["mail.thread", "sales.policy.transition.mixin"]
    _policy_clause = "SP-DEV-05"
    _order = "planned_date, id"
    # done or cancelled only through their buttons
    _protected_fields = ["state", "done_date"]

    name = fields.Char(string="Objective", required=True, tracking=True)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Prospect",
        compute="_compute_partner_id",
        store=True,
        precompute=True,
        readonly=False,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_user_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        index=True,
    )
    planned_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="visit")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    done_date = fields.Date(readonly=True, copy=False)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
    )

    @api.depends("lead_id")
    def _compute_partner_id(self):
        for plan in self:
            plan.partner_id = plan.lead_id.partner_id.commercial_partner_id

    @api.depends("lead_id")
    def _compute_user_id(self):
        for plan in self:
            plan.user_id = plan.lead_id.user_id or plan.user_id or self.env.user

    @api.depends("lead_id")
    def _compute_company_id(self):
        for plan in self:
            plan.company_id = (
                plan.lead_id.company_id or plan.company_id or self.env.company
            )

    @api.constrains("partner_id")
    def _check_partner_confidential(self):
        """A rep plans contacts only with prospects they may read (SP-DEV-06)."""
        for plan in self.filtered("partner_id"):
            plan.partner_id._check_confidential_for(plan)

    def unlink(self):
        leads = self.lead_id
        result = super().unlink()
        # A lead past the contact-plan stage keeps at least one planned contact.
        leads.exists()._check_dev_stage_requirements()
        return result

    @public_arguments
    def action_done(self):
        if self.filtered(lambda p: p.state != "planned"):
            raise UserError(self.env._("Only planned contacts can be marked as done."))
        self._transition(
            {"state": "done", "done_date": fields.Date.context_today(self)}
        )
        return True

    @public_arguments
    def action_cancel(self):
        if self.filtered(lambda p: p.state != "planned"):
            raise UserError(self.env._("Only planned contacts can be cancelled."))
        self._transition({"state": "cancelled"})
        return True
