# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

#: the customers a quotation shows by name
ORDER_PARTNER_FIELDS = ("partner_id", "partner_invoice_id", "partner_shipping_id")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.constrains(*ORDER_PARTNER_FIELDS)
    def _check_partner_confidential(self):
        """A rep quotes only customers they may read (SP-DEV-06): the
        quotation would show the name of another rep's customer."""
        for order in self:
            partners = order.partner_id | order.partner_invoice_id
            (partners | order.partner_shipping_id)._check_confidential_for(order)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_partner_vals_confidential(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_partner_vals_confidential(vals)
        return super().write(vals)

    def _check_partner_vals_confidential(self, vals):
        """Refuse a customer the user may not read before Odoo's own
        computations copy its addresses and terms onto the order (SP-DEV-06)."""
        # ids only: a malformed value is left to Odoo's own conversion to refuse
        partner_ids = [
            vals[name]
            for name in ORDER_PARTNER_FIELDS
            if isinstance(vals.get(name), int) and not isinstance(vals[name], bool)
        ]
        if partner_ids and not self.env.su:
            partners = self.env["res.partner"].browse(partner_ids)
            partners._check_confidential_for(self)
