# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesCreditChangeWizard(models.TransientModel):
    _name = "sales.credit.change.wizard"
    _description = "Change a Customer's Credit Terms"

    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    credit_limit = fields.Float(digits="Account")
    credit_rating = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["sales_credit_rating"]
        ._description_selection(self.env)
    )
    reason = fields.Text(required=True)

    @public_arguments(one=True)
    def action_apply(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        vals = {}
        if partner.sales_credit_limit != self.credit_limit:
            vals["sales_credit_limit"] = self.credit_limit
        if partner.sales_credit_rating != self.credit_rating:
            vals["sales_credit_rating"] = self.credit_rating
        if vals:
            partner._sales_write_credit(vals, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
