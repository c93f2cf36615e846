# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


def _check_split_total(records, field_name):
    """Splits of each record sum to 100 % (or the record has none)."""
    for record in records:
        splits = record[field_name]
        total = sum(splits.mapped("percent"))
        if splits and abs(total - 100.0) > 0.005:
            raise ValidationError(
                records.env._(
                    "The commission split of %(document)s sums to %(total)s %%, "
                    "not 100 %% (policy clause SP-COM-04). Adjust the reps' "
                    "shares so that they add up to 100 %%.",
                    document=record.display_name,
                    total=round(total, 2),
                )
            )


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
        _check_split_total(self, "sales_commission_split_ids")

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders.filtered(lambda o: not o.sales_commission_split_ids):
            order.sales_commission_split_ids = _default_split_commands(order.partner_id)
        return orders

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
