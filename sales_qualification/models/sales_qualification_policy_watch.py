# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_qualification import SELLABLE_STATES


class SalesQualificationPolicyWatch(models.Model):
    """A regional policy change that may affect certificates (SP-QUA-11).

    A manager records it with the certificates it affects; *Suspend Affected*
    suspends those that still sell (origin: regional policy change) and marks
    the entry acted upon.
    """

    _name = "sales.qualification.policy.watch"
    _description = "Regional Policy Change"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-QUA-11"
    _order = "date desc, id desc"
    _check_company_auto = True
    _protected_fields = ["state", "acted_by_id", "acted_on"]

    name = fields.Char(string="Summary", required=True, tracking=True)
    region = fields.Char(required=True, tracking=True)
    date = fields.Date(
        string="Effective Date", required=True, default=fields.Date.context_today
    )
    description = fields.Text(help="What changes and what it means for us.")
    risk_id = fields.Many2one(
        "sales.qualification.risk",
        string="Policy-Change Risk",
        check_company=True,
        domain="[('category', '=', 'policy_change')]",
    )
    qualification_ids = fields.Many2many(
        "sales.qualification",
        "sales_qualification_policy_watch_rel",
        "watch_id",
        "qualification_id",
        string="Affected Certificates",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("watching", "Watching"), ("acted", "Certificates Suspended")],
        default="watching",
        required=True,
        tracking=True,
        copy=False,
    )
    acted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    acted_on = fields.Datetime(readonly=True, copy=False)
    suspension_ids = fields.One2many(
        "sales.qualification.suspension", "policy_watch_id", readonly=True
    )

    @public_arguments(one=True)
    def action_suspend_affected(self):
        """Suspend every affected certificate that still sells."""
        self.ensure_one()
        self.env["sales.qualification"]._check_manager()
        targets = self.qualification_ids.filtered(lambda q: q.state in SELLABLE_STATES)
        if not targets:
            raise UserError(
                self.env._(
                    "No affected certificate of %(name)s sells any more: add the "
                    "certificates the policy change affects first.",
                    name=self.display_name,
                )
            )
        self.env["sales.qualification.suspension"].create(
            [
                {
                    "qualification_id": qualification.id,
                    "origin": "policy_change",
                    "reason": self.env._(
                        "%(region)s policy change of %(date)s: %(summary)s",
                        region=self.region,
                        date=self.date,
                        summary=self.name,
                    ),
                    "policy_watch_id": self.id,
                }
                for qualification in targets
            ]
        )
        self._transition(
            {
                "state": "acted",
                "acted_by_id": self.env.uid,
                "acted_on": fields.Datetime.now(),
            }
        )
        return True
