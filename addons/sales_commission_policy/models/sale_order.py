# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

from .sales_commission_split import check_split_total, split_total_deferred


def _default_split_commands(partner):
    owner = partner.commercial_partner_id.sales_commission_owner_id
    return [Command.create({"user_id": owner.id, "percent": 100.0})] if owner else []


class SaleOrder(models.Model):
    _inherit = "sale.order"

    sales_commission_split_ids = fields.One2many(
        "sales.commission.split",
        "order_id",
        string="Commission Split",
        copy=True,
        help="Reps earning this order's commission and their shares (100 % "
        "in total). Defaults to the customer's owner; copied to invoices.",
    )

    @api.constrains("sales_commission_split_ids")
    def _check_sales_commission_split(self):
        check_split_total(self, "sales_commission_split_ids")

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders.filtered(lambda o: not o.sales_commission_split_ids):
            order.sales_commission_split_ids = _default_split_commands(order.partner_id)
        return orders

    def write(self, vals):
        if "sales_commission_split_ids" not in vals:
            return super().write(vals)
        # several split lines change at once: the total is checked at the end
        with split_total_deferred(self):
            return super().write(vals)

    @api.onchange("partner_id")
    def _onchange_partner_sales_commission_split(self):
        if self.partner_id and not self.sales_commission_split_ids:
            self.sales_commission_split_ids = _default_split_commands(self.partner_id)

    def _prepare_invoice(self):
        vals = super()._prepare_invoice()
        vals["sales_commission_split_ids"] = [
            Command.create({"user_id": split.user_id.id, "percent": split.percent})
            for split in self.sales_commission_split_ids
        ]
        return vals
