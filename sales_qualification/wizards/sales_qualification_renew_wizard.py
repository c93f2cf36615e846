# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesQualificationRenewWizard(models.TransientModel):
    _name = "sales.qualification.renew.wizard"
    _description = "Renew Qualification"

    qualification_id = fields.Many2one(
        "sales.qualification", required=True, readonly=True
    )
    number = fields.Char(
        string="New Certificate Number",
        required=True,
        help="Many renewed certificates keep their number; change it if the "
        "authority issued a new one.",
    )
    issue_date = fields.Date(required=True, default=fields.Date.context_today)
    expiry_date = fields.Date(required=True)

    @public_arguments(one=True)
    def action_renew(self):
        """Create the next version, sent straight to the three-part review."""
        self.ensure_one()
        previous = self.qualification_id
        previous._check_manager()
        if previous.state not in ("active", "expiring", "expired") or (
            previous.next_version_id
        ):
            raise UserError(
                self.env._(
                    "%(name)s cannot be renewed: only an active, expiring or "
                    "expired certificate without a newer version can be renewed.",
                    name=previous.display_name,
                )
            )
        # the version chain is protected: the renewal step writes it, as the
        # manager checked above
        renewal = previous.sudo().copy(
            {
                "number": self.number,
                "issue_date": self.issue_date,
                "expiry_date": self.expiry_date,
                "version": previous.version + 1,
                "previous_version_id": previous.id,
            }
        )
        renewal = renewal.with_env(previous.env)
        previous._transition({"next_version_id": renewal.id})
        renewal.action_submit_review()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.qualification",
            "res_id": renewal.id,
            "view_mode": "form",
        }
