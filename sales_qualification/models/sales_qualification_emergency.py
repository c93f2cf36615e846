# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

#: a higher rank is more severe: raising the severity escalates again
SEVERITY_RANK = {"serious": 1, "critical": 2}


class SalesQualificationEmergency(models.Model):
    _name = "sales.qualification.emergency"
    _description = "Qualification Emergency Case"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sales.policy.transition.mixin",
    ]
    _policy_clause = "SP-QUA-10"
    _protected_fields = ["state", "closed_on", "response_deadline", "escalated_on"]
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
        help="Sets the response deadline (Settings) and who is alerted; a "
        "critical case on a certificate suspends its selling.",
    )
    response_deadline = fields.Datetime(
        readonly=True,
        copy=False,
        help="The management must respond by then (company setting per severity).",
    )
    escalated_on = fields.Datetime(readonly=True, copy=False)
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "severity" in vals and not vals["severity"]:
                raise self._missing_severity()
        emergencies = super().create(vals_list)
        self.env["sales.qualification.emergency.escalation"]._escalate(emergencies)
        return emergencies

    def write(self, vals):
        if "severity" in vals and not vals["severity"]:
            raise self._missing_severity()
        raised = self.env["sales.qualification.emergency"]
        if vals.get("severity"):
            raised = self.filtered(
                lambda e: e.state != "closed"
                and SEVERITY_RANK[vals["severity"]] > SEVERITY_RANK[e.severity]
            )
        res = super().write(vals)
        if raised:
            self.env["sales.qualification.emergency.escalation"]._escalate(raised)
        return res

    def _missing_severity(self):
        return UserError(
            self.env._(
                "An emergency case needs a severity (serious or critical): it "
                "sets the response deadline and who is alerted at once (sales "
                "policy %(clause)s).",
                clause="SP-QUA-12",
            )
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
