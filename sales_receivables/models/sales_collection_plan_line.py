# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesCollectionPlanLine(models.Model):
    _name = "sales.collection.plan.line"
    _description = "Collection Plan Line"
    _order = "plan_id, user_id, partner_id, id"

    plan_id = fields.Many2one(
        "sales.collection.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    date_from = fields.Date(related="plan_id.date_from", store=True, string="Month")
    user_id = fields.Many2one("res.users", string="Salesperson", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
        check_company=True,
        index=True,
    )
    date_due = fields.Date(related="move_id.invoice_date_due", string="Due Date")
    amount_expected = fields.Monetary(string="Planned")
    amount_collected = fields.Monetary(string="Collected", readonly=True)
    note = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        plan_ids = {vals.get("plan_id") for vals in vals_list} - {False, None}
        self.env["sales.collection.plan"].browse(plan_ids)._check_not_closed(
            self.env._("added")
        )
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._check_not_closed(self.env._("changed"))
        if vals.get("plan_id"):
            self.env["sales.collection.plan"].browse(vals["plan_id"])._check_not_closed(
                self.env._("changed")
            )
        return super().write(vals)

    def unlink(self):
        self.plan_id._check_not_closed(self.env._("deleted"))
        return super().unlink()

    @api.constrains("amount_expected")
    def _check_amount_expected(self):
        for line in self:
            if line.amount_expected < 0:
                raise ValidationError(
                    self.env._(
                        "The planned collection for %(customer)s cannot be "
                        "negative. Enter 0 to plan nothing.",
                        customer=line.partner_id.display_name,
                    )
                )
