# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCreditHistory(models.Model):
    """One change of a customer's credit limit, credit rating or collection
    status: who, when, old and new value, why. Written by the server only."""

    _name = "sales.credit.history"
    _description = "Customer Credit History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, ondelete="cascade", index=True
    )
    partner_user_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Changed By",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    field_name = fields.Selection(
        [
            ("sales_credit_limit", "Credit Limit"),
            ("sales_credit_rating", "Credit Rating"),
            ("sales_collection_status", "Collection Status"),
        ],
        string="Changed",
        required=True,
    )
    old_value = fields.Char()
    new_value = fields.Char()
    reason = fields.Text()
