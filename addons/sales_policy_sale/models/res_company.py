# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_policy_confirmed_edit_mode = fields.Selection(
        [
            ("refuse", "Refuse the Edit"),
            ("review", "Re-open Approval"),
        ],
        string="Policy Edits on Confirmed Orders",
        # not required: no NOT NULL column on Odoo's own table (empty: refuse)
        default="refuse",
        help="An edit of a confirmed order that would have needed approval "
        "before confirmation (a price below its floor, a discount over the "
        "editor's limit, ...). Refuse the Edit: it is refused. Re-open "
        "Approval: it is saved, the order goes back to review by the approval "
        "rules of 'Edit of a Confirmed Order', and it is neither delivered "
        "nor invoiced until the edit is approved or the order is back within "
        "the policy.",
    )
