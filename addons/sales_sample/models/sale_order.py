# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        res = super()._action_confirm()
        self.env["sales.sample.request"]._refund_on_first_orders(
            self.filtered(lambda o: o.state == "sale")
        )
        return res
