# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare

#: bookings whose own action (Create Quotation / Contract) links an order now;
#: kept on the cursor, out of reach of RPC callers (a context key is not)
LINK_KEY = "sales_showroom_order_link"
#: showroom orders inside their own ``action_confirm``
CONFIRM_KEY = "sales_showroom_order_confirm"
#: the confirmed-edit breach of the agreed price (``sales_policy_edit_breaches``)
PRICE_CHECK = "showroom_price"
PRICE_CLAUSE = "sales_showroom.clause_showroom_discount"
#: line fields that change what a contract charges for its unit
UNIT_PRICE_FIELDS = {
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_unit",
    "discount",
    "display_type",
    "order_id",
}


@contextmanager
def _cursor_marks(env, key, ids):
    marks = env.cr.precommit.data.setdefault(key, set())
    added = set(ids) - marks
    marks.update(added)
    try:
        yield
    finally:
        marks.difference_update(added)


def _cursor_marked(env, key, ids):
    marks = env.cr.precommit.data.get(key) or set()
    return set(ids) <= marks


class SaleOrder(models.Model):
    """The order that sells a showroom unit: the contract of its booking.

    The link to the booking is set only by the booking's own action; a linked
    order is confirmed only by ``action_confirm``, which checks that it is the
    booking's order; PostgreSQL keeps one live (not cancelled) order per
    booking (``sale_order_showroom_booking_live_uniq``).
    """

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

    def init(self):
        res = super().init()
        # One live order per booking: a unit is never sold twice, even by two
        # orders of one booking (clause SP-SHR-01).
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sale_order_showroom_booking_live_uniq "
                "ON sale_order (showroom_booking_id) "
                "WHERE showroom_booking_id IS NOT NULL AND state != 'cancel'"
            )
        )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            default = self.env.context.get("default_showroom_booking_id")
            asked = {vals.get("showroom_booking_id", default) for vals in vals_list}
            asked.discard(False)
            asked.discard(None)
            if asked:
                self._check_showroom_link(
                    self.env["sales.showroom.booking"].browse(asked)
                )
        if self.env.context.get("default_showroom_booking_id") or any(
            vals.get("showroom_booking_id") for vals in vals_list
        ):
            # a cancelled order (pending write) must reach the unique index first
            self.flush_model(["state", "showroom_booking_id"])
        orders = super().create(vals_list)
        linked = orders.filtered("showroom_booking_id")
        if linked and not self.env.su:
            # and on the result, whatever default filled the field in
            self._check_showroom_link(linked.showroom_booking_id)
        return orders

    def write(self, vals):
        if "showroom_booking_id" in vals and not self.env.su:
            self._check_showroom_link_write(vals["showroom_booking_id"])
        new_state = vals.get("state")
        if new_state == "sale":
            self._check_showroom_confirm_write()
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
        showroom = self.filtered("showroom_booking_id")
        bookings = showroom.showroom_booking_id
        if bookings:
            showroom._check_showroom_contract_order()
            bookings._lock_and_check_contract()
            showroom._check_showroom_unit_price()
        with _cursor_marks(self.env, CONFIRM_KEY, showroom.ids):
            res = super().action_confirm()
        if bookings:
            bookings._mark_contracted()
        return res

    @contextmanager
    def _showroom_link_scope(self, bookings):
        """The bookings' own action links an order to them inside this block."""
        with _cursor_marks(self.env, LINK_KEY, bookings.ids):
            yield

    def _showroom_link_refusal(self):
        return UserError(
            self.env._(
                "The showroom booking of an order is set only by the booking's "
                "own Create Quotation or Contract button, and never removed: a "
                "unit is sold once, through its own booking (clause SP-SHR-01). "
                "Open the booking to create its quotation."
            )
        )

    def _check_showroom_link(self, bookings):
        if not _cursor_marked(self.env, LINK_KEY, bookings.ids):
            raise self._showroom_link_refusal()

    def _check_showroom_link_write(self, value):
        booking = self.env["sales.showroom.booking"].browse(value or [])
        changed = self.filtered(lambda order: order.showroom_booking_id != booking)
        if not changed:
            return
        contracts = changed.filtered(
            lambda order: order.state == "sale" and order.showroom_booking_id
        )
        if contracts:
            raise UserError(
                self.env._(
                    "Order %(order)s is the contract of showroom booking "
                    "%(booking)s: its booking cannot be removed or replaced "
                    "(clause SP-SHR-01). A sales manager cancels the contract, "
                    "which releases the unit.",
                    order=contracts[0].name,
                    booking=contracts[0].showroom_booking_id.sudo().name,
                )
            )
        if not booking or not _cursor_marked(self.env, LINK_KEY, booking.ids):
            raise self._showroom_link_refusal()

    def _check_showroom_confirm_write(self):
        """A showroom order becomes a contract only through ``action_confirm``."""
        todo = self.filtered(
            lambda order: order.showroom_booking_id and order.state != "sale"
        )
        if todo and not _cursor_marked(self.env, CONFIRM_KEY, todo.ids):
            raise UserError(
                self.env._(
                    "Order %(order)s sells showroom unit %(unit)s: it is confirmed "
                    "only with its Confirm button, which checks the unit's booking "
                    "(clause SP-SHR-01: a unit is sold once).",
                    order=todo[0].name,
                    unit=todo[0].showroom_booking_id.sudo().unit_id.name,
                )
            )

    def _check_showroom_contract_order(self):
        """Each order is the one its booking sells the unit through."""
        for order in self:
            booking = order.showroom_booking_id
            if booking.sudo().sale_order_id != order:
                raise UserError(
                    self.env._(
                        "Order %(order)s cannot be confirmed: showroom booking "
                        "%(booking)s sells unit %(unit)s through its own order, "
                        "not this one (clause SP-SHR-01: a unit is sold once). "
                        "Confirm the booking's order from the booking.",
                        order=order.name,
                        booking=booking.sudo().name,
                        unit=booking.sudo().unit_id.name,
                    )
                )

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

    def _showroom_below_agreed_price(self):
        """The unit's price on the order is below the one agreed (and
        approved) on its booking."""
        self.ensure_one()
        booking = self.showroom_booking_id
        return bool(booking) and (
            float_compare(
                self._showroom_unit_amount(),
                booking.agreed_price,
                precision_rounding=self.currency_id.rounding or 0.01,
            )
            < 0
        )

    def _check_showroom_contract_price_edit(self):
        """An edit of a confirmed showroom contract that puts the unit's price
        below the agreed one (SP-SHR-05) is refused, or, with the suite's door
        of confirmed edits (``sales_policy_sale``), refused or reviewed as the
        company's setting says."""
        for order in self:
            if not (
                order.showroom_booking_id
                and order.state == "sale"
                and order._showroom_below_agreed_price()
            ):
                continue
            booking = order.showroom_booking_id.sudo()
            message = self.env._(
                "Order %(order)s is the confirmed contract of unit %(unit)s: this "
                "edit would sell it for %(amount)s, below the price %(price)s "
                "agreed and approved on its booking (clause SP-SHR-05). Keep the "
                "unit's price at %(price)s or above.",
                order=order.name,
                unit=booking.unit_id.name,
                amount=order._showroom_unit_amount(),
                price=booking.agreed_price,
            )
            order._sales_policy_confirmed_edit_breach(
                message, PRICE_CLAUSE, breach={"check": PRICE_CHECK}
            )

    def _sales_policy_breach_holds(self, breach, discount, verdicts):
        if breach.get("check") != PRICE_CHECK:
            return super()._sales_policy_breach_holds(breach, discount, verdicts)
        self.ensure_one()
        return self._showroom_below_agreed_price()
