# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesLegalCase(models.Model):
    """Legal recovery of a customer's overdue receivables, opened by a sales
    manager; its chatter is the case history."""

    _name = "sales.legal.case"
    _description = "Legal Recovery Case"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sales.policy.transition.mixin",
    ]
    _policy_clause = "SP-REC-03"
    _protected_fields = ["state", "date_closed"]
    _order = "date_opened desc, id desc"

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, index=True
    )
    partner_user_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_opened = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    date_closed = fields.Date(readonly=True, tracking=True)
    amount_open = fields.Monetary(
        string="Open at Opening",
        readonly=True,
        help="Open receivables of the customer when the case was opened.",
    )
    amount_overdue = fields.Monetary(
        string="Overdue at Opening",
        readonly=True,
        help="Overdue receivables of the customer when the case was opened.",
    )
    amount_recovered = fields.Monetary(tracking=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "In Proceedings"),
            ("closed", "Closed"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    outcome = fields.Selection(
        [
            ("recovered", "Recovered in Full"),
            ("settled", "Settled"),
            ("written_off", "Written Off"),
            ("withdrawn", "Withdrawn"),
        ],
        tracking=True,
    )
    outcome_note = fields.Text()

    @api.constrains("amount_recovered")
    def _check_amount_recovered(self):
        for case in self:
            if case.amount_recovered < 0:
                raise UserError(
                    self.env._(
                        "The amount recovered in %(case)s cannot be negative.",
                        case=case.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "sales.legal.case"
                ) or self.env._("New")
        return super().create(vals_list)

    @public_arguments
    def action_start(self):
        self._transition({"state": "in_progress"})
        return True

    @public_arguments
    def action_close(self):
        for case in self:
            if not case.outcome:
                raise UserError(
                    self.env._(
                        "Record the outcome of %(case)s before closing it.",
                        case=case.name,
                    )
                )
        self._transition(
            {"state": "closed", "date_closed": fields.Date.context_today(self)}
        )
        return True
