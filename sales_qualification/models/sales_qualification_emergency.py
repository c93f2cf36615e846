# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesQualificationEmergency(models.Model):
    _name = "sales.qualification.emergency"
    _description = "Qualification Emergency Case"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sales.policy.transition.mixin",
    ]
    _policy_clause = "SP-QUA-10"
    _protected_fields = ["state", "closed_on"]
    _order = "opened_on desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    description = fields.Text(required=True)
    risk_id = fields.Many2one("sales.qualification.risk", check_company=True)
    qualification_id = fields.Many2one("sales.qualification", check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    severity = fields.Selection(
        [("serious", "Serious"), ("critical", "Critical")],
        required=True,
        default="serious",
        tracking=True,
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    team_ids = fields.Many2many("res.users", string="Response Team")
    opened_on = fields.Datetime(required=True, default=fields.Datetime.now)
    closed_on = fields.Datetime(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("contained", "Contained"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    resolution = fields.Text()
    log_ids = fields.One2many(
        "sales.qualification.emergency.log", "emergency_id", string="Timeline"
    )
    communication_ids = fields.One2many(
        "sales.qualification.emergency.communication", "emergency_id"
    )

    @public_arguments
    def action_contain(self):
        self.filtered(lambda e: e.state == "open")._transition({"state": "contained"})
        return True

    @public_arguments
    def action_close(self):
        for emergency in self:
            if not emergency.resolution:
                raise UserError(
                    self.env._(
                        "Describe how %(name)s was resolved before closing it.",
                        name=emergency.name,
                    )
                )
        self._transition({"state": "closed", "closed_on": fields.Datetime.now()})
        return True
