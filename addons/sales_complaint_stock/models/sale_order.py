# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _sales_satisfaction_delivered(self):
        """An order with deliveries is delivered when they are all validated
        (or cancelled); one without (services only) when fully invoiced."""
        self.ensure_one()
        if self.state == "sale" and self.delivery_status:
            return self.delivery_status == "full"
        return super()._sales_satisfaction_delivered()
