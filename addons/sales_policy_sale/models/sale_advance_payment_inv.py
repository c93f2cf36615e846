# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _create_invoices(self, sale_orders):
        # down payments are invoiced without sale.order._create_invoices, from
        # the wizard's own orders (Odoo's down-payment path reads
        # self.sale_order_ids and ignores the argument, which some callers,
        # Odoo's own tests among them, pass as something else than orders)
        orders = self.sale_order_ids
        if (
            isinstance(sale_orders, models.BaseModel)
            and sale_orders._name == "sale.order"
        ):
            orders |= sale_orders
        orders._sales_policy_check_edit_review(self.env._("Invoicing"))
        return super()._create_invoices(sale_orders)
