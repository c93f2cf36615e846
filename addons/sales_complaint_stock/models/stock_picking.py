# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        deliveries = self.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "outgoing"
        )
        if deliveries.sale_id:
            # the after-delivery survey, once the order's deliveries are done;
            # sent by the system whoever validates (a warehouse user may not
            # read sales orders)
            deliveries.sale_id.sudo()._sales_satisfaction_request_delivery()
        return res
