# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _sales_policy_check_edit_review(self):
        """Refuse delivering an order whose edit beyond the policy waits for
        review (see sale.order._sales_policy_confirmed_edit_breach); returns
        are let through."""
        deliveries = self.filtered(
            lambda picking: picking.picking_type_code == "outgoing"
        )
        deliveries.sale_id._sales_policy_check_edit_review(self.env._("Delivery"))

    def button_validate(self):
        # before the immediate-transfer and backorder wizards
        self._sales_policy_check_edit_review()
        return super().button_validate()

    def _action_done(self):
        # every way a delivery is done (the wizards included)
        self._sales_policy_check_edit_review()
        return super()._action_done()
