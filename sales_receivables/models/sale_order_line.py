# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import models

from odoo.addons.sales_policy_sale.models.sale_order import CONFIRMED_STATES
from odoo.addons.sales_policy_sale.models.sale_order_line import PRICING_FIELDS


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @contextmanager
    def _sales_policy_pricing_guard(self, orders, fnames):
        """Also the credit limit: an edit raising a confirmed order's amount
        over the customer's credit limit (SP-REC-04) goes through the door of
        confirmed edits, like the pricing checks."""
        confirmed = orders.browse()
        if not self.env.su and orders and not PRICING_FIELDS.isdisjoint(fnames):
            confirmed = orders.filtered(
                lambda order: order.state in CONFIRMED_STATES
                and isinstance(order.id, int)
            )
        amounts = {order.id: order.amount_untaxed for order in confirmed}
        with super()._sales_policy_pricing_guard(orders, fnames):
            yield
        if confirmed:
            confirmed.exists()._sales_credit_check_confirmed_edit(amounts)
