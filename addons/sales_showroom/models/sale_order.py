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

    def write(self, vals):
        new_state = vals.get("state")
        contracted = self.env["sales.showroom.booking"]
        if new_state and new_state != "sale":
            contracted = self._showroom_contracted_bookings()
            if contracted:
                contracted._check_contract_cancellation(new_state)
        res = super().write(vals)
        if contracted:
            contracted._release_cancelled_contract()
        return res

    def action_confirm(self):
        bookings = self.showroom_booking_id
        if bookings:
            bookings._lock_and_check_contract()
            self._check_showroom_unit_price()
        res = super().action_confirm()
        if bookings:
            bookings._mark_contracted()
        return res

    def _showroom_contracted_bookings(self):
        """Contracted bookings whose contract is one of these confirmed orders."""
        return self.filtered(lambda o: o.state == "sale").showroom_booking_id.filtered(
            lambda b: b.state == "contracted" and b.sale_order_id in self
        )

    def _showroom_unit_amount(self):
        """What the order charges for its unit: the unit lines and any negative
        line (a discount line lowers the unit's price too), untaxed."""
        self.ensure_one()
        product = self.env.ref("sales_showroom.product_showroom_unit")
        lines = self.order_line.filtered(
            lambda line: not line.display_type
            and (line.product_id == product or line.price_subtotal < 0)
        )
        return sum(lines.mapped("price_subtotal"))

    def _check_showroom_unit_price(self):
        """The unit is sold at the price approved on its booking, or above.

        The booking's agreed price is what the approval engine approved (it is
        in the booking's approval fingerprint); lowering the order below it
        needs a new price on the booking and a new approval.
        """
        for order in self.filtered("showroom_booking_id"):
            booking = order.showroom_booking_id
            rounding = order.currency_id.rounding
            amount = order._showroom_unit_amount()
            if (
                float_compare(amount, booking.agreed_price, precision_rounding=rounding)
                >= 0
            ):
                continue
            if (
                float_compare(
                    amount, booking.unit_id.list_price, precision_rounding=rounding
                )
                < 0
                and not booking._is_below_list_price()
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s sells unit %(unit)s for %(amount)s, below "
                        "its list price %(price)s; a discount beyond the price "
                        "list needs a sales manager's approval (clause "
                        "SP-SHR-05). Ask for the lower price on the booking and "
                        "request its approval.",
                        order=order.name,
                        unit=booking.unit_id.name,
                        amount=amount,
                        price=booking.unit_id.list_price,
                    )
                )
            raise UserError(
                self.env._(
                    "Order %(order)s sells unit %(unit)s for %(amount)s, below "
                    "the price %(price)s agreed and approved on its booking "
                    "(clause SP-SHR-05). Set the order back to %(price)s, or ask "
                    "for the lower price on the booking and request its approval "
                    "again.",
                    order=order.name,
                    unit=booking.unit_id.name,
                    amount=amount,
                    price=booking.agreed_price,
                )
            )
