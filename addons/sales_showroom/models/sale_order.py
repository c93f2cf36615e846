# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class SaleOrder(models.Model):
    _inherit = "sale.order"

    showroom_booking_id = fields.Many2one(
        "sales.showroom.booking",
        copy=False,
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    showroom_unit_id = fields.Many2one(
        related="showroom_booking_id.unit_id", string="Showroom Unit"
    )

    def action_confirm(self):
        bookings = self.showroom_booking_id
        if bookings:
            bookings._lock_and_check_contract()
            self._check_showroom_unit_price()
        res = super().action_confirm()
        if bookings:
            bookings._mark_contracted()
        return res

    def _check_showroom_unit_price(self):
        """A unit sold below its list price needs the approved discount."""
        for order in self.filtered("showroom_booking_id"):
            booking = order.showroom_booking_id
            if booking.discount_approved:
                continue
            if (
                float_compare(
                    order.amount_untaxed,
                    booking.unit_id.list_price,
                    precision_rounding=order.currency_id.rounding,
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s sells unit %(unit)s for %(amount)s, below "
                        "its list price %(price)s; a discount beyond the price "
                        "list needs a sales manager's approval (clause "
                        "SP-SHR-05). Ask a manager to approve it on the booking.",
                        order=order.name,
                        unit=booking.unit_id.name,
                        amount=order.amount_untaxed,
                        price=booking.unit_id.list_price,
                    )
                )
