# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, models

from .sale_order import UNIT_PRICE_FIELDS


class SaleOrderLine(models.Model):
    """The lines of a showroom contract: the unit keeps the price agreed on
    its booking (see ``sale.order._check_showroom_contract_price_edit``)."""

    _inherit = "sale.order.line"

    @contextmanager
    def _showroom_contract_price_guard(self, orders, fnames):
        """Around an edit of ``orders``' lines touching ``fnames``: the unit of
        a confirmed contract keeps its agreed price (server code is trusted)."""
        contracts = orders.browse()
        if not self.env.su and not UNIT_PRICE_FIELDS.isdisjoint(fnames):
            contracts = orders.filtered(
                lambda order: order.showroom_booking_id and order.state == "sale"
            )
        yield
        if contracts:
            contracts.exists()._check_showroom_contract_price_edit()

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        fnames = set().union(*vals_list) | {"order_id"}
        with self._showroom_contract_price_guard(orders, fnames):
            return super().create(vals_list)

    def write(self, vals):
        orders = self.order_id
        if vals.get("order_id"):
            orders |= self.env["sale.order"].browse(vals["order_id"])
        with self._showroom_contract_price_guard(orders, vals):
            return super().write(vals)

    def unlink(self):
        with self._showroom_contract_price_guard(self.order_id, {"order_id"}):
            return super().unlink()
