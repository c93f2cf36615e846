# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

#: what the customer agreed to: changing one of these on a confirmed order is
#: a correction of the contract
CONTRACT_LINE_FIELDS = {
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
    "tax_id",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _contract_lines(self):
        return self.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._contract_lines().order_id._mark_contract_edited()
        return lines

    def write(self, vals):
        if CONTRACT_LINE_FIELDS.isdisjoint(vals):
            return super().write(vals)
        confirmed = self._contract_lines().order_id.filtered(
            lambda o: o.state == "sale"
        )
        res = super().write(vals)
        confirmed._mark_contract_edited()
        return res

    def unlink(self):
        orders = self._contract_lines().order_id
        res = super().unlink()
        orders.exists()._mark_contract_edited()
        return res
