# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCommissionOwnership(models.Model):
    """One period during which a rep owned a customer (commercial partner)."""

    _name = "sales.commission.ownership"
    _description = "Customer Ownership History"
    _order = "partner_id, date_from desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="Owner", index=True)
    date_from = fields.Datetime(
        string="Owner Since", required=True, default=fields.Datetime.now
    )
    date_to = fields.Datetime(string="Owner Until")
    changed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
