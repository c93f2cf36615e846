# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, LazyTranslate, float_compare, format_datetime

from odoo.addons.sales_policy_base.tools.rpc_args import (
    as_date,
    as_number,
    public_arguments,
)

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesShowroomBooking(models.Model):
    """One customer's claim on one unit: hold, subscription, contract.

    At most one booking per unit is active (held, subscribed or contracted):
    a partial unique index guarantees it in PostgreSQL, and every transition
    row-locks the unit first (see ``sales.showroom.unit._lock_for_transition``).
    Bookings are changed only through the methods below (users have read
    access only), so the unit's state always follows its active booking.
    """

    _name = "sales.showroom.booking"
    _description = "Showroom Unit Booking"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = "SP-SHR-01"
    _order = "id desc"
    _mail_post_access = "read"
    _check_company_auto = True

    _ACTIVE_STATES = ("held", "subscribed", "contracted")

    # Approval engine (sales.policy.approval.mixin): a price below the unit's
    # list price is "below its floor"; the rules on the booking's "confirm"
    # action gate subscribing and contracting. The approval holds for the
    # agreed price it was given for: changing the price re-opens review.
    _approval_actions = {"confirm": _lt("Subscribe and Contract")}
    _approval_metrics = {
        "discount": (_lt("Discount on the List Price (%)"), "percent"),
        "below_floor": (_lt("Below the List Price"), "boolean"),
    }
    _approval_button_states = ("held", "subscribed")
    _approval_amount_field = "agreed_price"
    _approval_state_actions = {"subscribed": "confirm", "contracted": "confirm"}
    _approval_fingerprint_fields = ["unit_id", "partner_id", "agreed_price"]
    # written only by the booking's own methods (as superuser, after their
    # checks); users have read access only
    _protected_fields = ["state", "sale_order_id"]

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "sales.showroom.unit",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, precompute=True
    )
    currency_id = fields.Many2one(related="unit_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("held", "Held"),
            ("subscribed", "Subscribed"),
            ("contracted", "Contracted"),
            ("expired", "Hold Expired"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="held",
        tracking=True,
    )
    hold_expiry = fields.Datetime(tracking=True)
    list_price = fields.Monetary(related="unit_id.list_price")
    agreed_price = fields.Monetary(tracking=True)
    discount_amount = fields.Monetary(
        compute="_compute_discount_amount",
        store=True,
        help="List price minus agreed price: a discount beyond the price list.",
    )
    deposit_amount = fields.Monetary(tracking=True)
    subscription_date = fields.Date()
    contract_due_date = fields.Date(tracking=True)
    sale_order_id = fields.Many2one("sale.order", copy=False, check_company=True)

    _sql_constraints = [
        (
            "deposit_positive_when_subscribed",
            "CHECK(state NOT IN ('subscribed', 'contracted') "
            "OR COALESCE(deposit_amount, 0) > 0)",
            "A subscription needs a deposit greater than zero.",
        ),
    ]

    def init(self):
        # The rule "a unit is never sold twice" in PostgreSQL itself.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_showroom_booking_active_unit_uniq "
                "ON sales_showroom_booking (unit_id) "
                "WHERE state IN ('held', 'subscribed', 'contracted')"
            )
        )

    @api.depends("unit_id.name", "partner_id.name")
    def _compute_name(self):
        for booking in self:
            booking.name = f"{booking.unit_id.name} - {booking.partner_id.name or ''}"

    @api.depends("unit_id.list_price", "agreed_price")
    def _compute_discount_amount(self):
        for booking in self:
            booking.discount_amount = max(
                booking.unit_id.list_price - booking.agreed_price, 0.0
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        # access rights first: a user (read only) is told so before the
        # protected fields are refused
        self.check_access("write")
        return super().write(vals)

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------
    def _get_approval_values(self, needed=None):
        """The agreed price is the amount; below the list price is below floor.

        ``discount`` is the discount on the list price in percent, e.g.
        1,000,000 list and 950,000 agreed: 50,000 / 1,000,000 = 5.0 %.
        """
        result = super()._get_approval_values(needed=needed)
        for booking in self:
            list_price = booking.unit_id.list_price
            result[booking.id].update(
                discount=(booking.discount_amount / list_price * 100.0)
                if list_price
                else 0.0,
                below_floor=booking._is_below_list_price(),
            )
        return result

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.model
    def _check_hold_hours(self, hours, company):
        if hours <= 0 or hours > company.showroom_max_hold_hours:
            raise UserError(
                self.env._(
                    "A hold of %(hours)s hours is refused: holds last from 1 to "
                    "%(max)s hours (clause SP-SHR-02). Shorten the hold or "
                    "subscribe the unit with a deposit.",
                    hours=hours,
                    max=company.showroom_max_hold_hours,
                )
            )

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda booking: booking.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Booking %(booking)s cannot be %(action)s: it is %(state)s.",
                    booking=wrong[0].name,
                    action=action,
                    state=states[wrong[0].state],
                )
            )

    def _is_below_list_price(self):
        self.ensure_one()
        return (
            float_compare(
                self.agreed_price,
                self.unit_id.list_price,
                precision_rounding=self.currency_id.rounding or 0.01,
            )
            < 0
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_open_subscribe_wizard(self):
        self.ensure_one()
        self._check_state(("held",), self.env._("subscribed"))
        self._check_own_or_manager()
        self._check_hold_not_expired()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Subscribe Unit"),
            "res_model": "sales.showroom.booking.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_unit_id": self.unit_id.id,
                "default_booking_id": self.id,
                "default_mode": "subscribe",
            },
        }

    @public_arguments(one=True)
    def action_open_reprice_wizard(self):
        """The form's *Change Price*: the wizard calls ``set_agreed_price``."""
        self.ensure_one()
        self._check_state(("held", "subscribed"), self.env._("repriced"))
        self._check_own_or_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Agreed Price"),
            "res_model": "sales.showroom.booking.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_unit_id": self.unit_id.id,
                "default_booking_id": self.id,
                "default_mode": "reprice",
            },
        }

    @public_arguments(one=True)
    def action_create_sale_order(self):
        """Create the quotation that sells the unit (once per booking)."""
        self.ensure_one()
        self._check_state(("subscribed",), self.env._("converted to a sale order"))
        self._check_own_or_manager()
        if not self.sale_order_id:
            SaleOrder = self.env["sale.order"]
            with SaleOrder._showroom_link_scope(self):
                order = SaleOrder.create(self._prepare_sale_order_vals())
            self.sudo().sale_order_id = order
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "view_mode": "form",
            "res_id": self.sale_order_id.id,
        }

    @public_arguments(one=True)
    def action_contract(self):
        """Create the sale order if needed and confirm it: the unit is contracted."""
        self.ensure_one()
        self._check_state(("subscribed",), self.env._("contracted"))
        self._check_own_or_manager()
        if not self.sale_order_id:
            self.action_create_sale_order()
        self.sale_order_id.action_confirm()
        return True

    @public_arguments
    def action_cancel(self):
        """Cancel a hold (its rep or a manager) or a subscription (a manager)."""
        self._check_state(("held", "subscribed"), self.env._("cancelled"))
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            others = self.filtered(
                lambda b: b.state != "held" or b.user_id != self.env.user
            )
            if others:
                raise AccessError(
                    self.env._(
                        "You may cancel only your own holds; cancelling "
                        "%(booking)s needs a sales manager.",
                        booking=others[0].name,
                    )
                )
        self.unit_id._lock_for_transition()
        self._release("cancelled")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _prepare_sale_order_vals(self):
        self.ensure_one()
        product = self.env.ref("sales_showroom.product_showroom_unit")
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            "showroom_booking_id": self.id,
            "order_line": [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "name": self.env._(
                            "Unit %(unit)s (%(area)s m²)",
                            unit=self.unit_id.name,
                            area=self.unit_id.area,
                        ),
                        "product_uom_qty": 1.0,
                        "price_unit": self.agreed_price,
                    }
                )
            ],
        }

    @public_arguments(one=True)
    def subscribe(self, deposit, due_date=None, agreed_price=None):
        """Turn a hold into a subscription with a deposit (its rep or a manager)."""
        self.ensure_one()
        deposit = as_number(self, deposit, self.env._("Deposit"), required=False)
        due_date = as_date(
            self, due_date, self.env._("Contract due date"), required=False
        )
        agreed_price = as_number(
            self, agreed_price, self.env._("Agreed price"), minimum=0, required=False
        )
        self._check_own_or_manager()
        self.unit_id._lock_for_transition()
        self.invalidate_recordset(["state", "hold_expiry"])
        self._check_state(("held",), self.env._("subscribed"))
        self._check_hold_not_expired()
        if deposit is None or deposit <= 0:
            raise UserError(
                self.env._(
                    "A deposit of %(deposit)s is refused for %(unit)s: a "
                    "subscription needs a deposit greater than zero (clause "
                    "SP-SHR-04). Enter the amount the customer paid.",
                    deposit=deposit or 0.0,
                    unit=self.unit_id.name,
                )
            )
        vals = {
            "state": "subscribed",
            "deposit_amount": deposit,
            "subscription_date": fields.Date.context_today(self),
            "contract_due_date": due_date
            or fields.Date.add(
                fields.Date.context_today(self),
                days=self.company_id.showroom_contract_due_days,
            ),
        }
        rounding = self.currency_id.rounding or 0.01
        # Nothing is half-written: a refused approval rolls the price back too.
        with self.env.cr.savepoint():
            if agreed_price is not None and float_compare(
                agreed_price, self.agreed_price, precision_rounding=rounding
            ):
                # A new price is a new fingerprint: it needs its own approval.
                self.sudo().write({"agreed_price": agreed_price})
            self._approval_check("confirm", remember=True)
            self.sudo().write(vals)
            self.unit_id.sudo().write({"state": "subscribed"})
        return True

    def _lock_and_check_contract(self):
        """Before confirming the sale order: lock the unit, check the booking."""
        self.unit_id._lock_for_transition()
        self.invalidate_recordset(["state"])
        self._check_state(("subscribed",), self.env._("contracted"))
        # The discount rules of the approval engine, for the agreed price.
        self._approval_check("confirm", remember=True)

    def _mark_contracted(self):
        self.sudo().write({"state": "contracted"})
        self.unit_id.sudo().write({"state": "contracted"})

    def _release(self, state):
        self.sudo().write({"state": state})
        self.unit_id.sudo().write({"state": "available"})

    @public_arguments(one=True)
    def set_agreed_price(self, agreed_price):
        """Renegotiate the price of a held or subscribed unit (its rep or a manager).

        The price is in the booking's approval fingerprint: a price below the
        list price needs the discount rule's approval again before the unit is
        subscribed or contracted.
        """
        self.ensure_one()
        agreed_price = as_number(
            self, agreed_price, self.env._("Agreed price"), required=False
        )
        self._check_state(("held", "subscribed"), self.env._("repriced"))
        self._check_own_or_manager()
        if agreed_price is None or agreed_price < 0:
            raise UserError(
                self.env._(
                    "A price of %(price)s is refused for %(unit)s: enter the price "
                    "agreed with the customer.",
                    price=agreed_price or 0.0,
                    unit=self.unit_id.name,
                )
            )
        self.unit_id._lock_for_transition()
        self.sudo().write({"agreed_price": agreed_price})
        return True

    def _check_own_or_manager(self):
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        others = self.filtered(lambda b: b.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "Booking %(booking)s belongs to %(rep)s; only that rep or a "
                    "sales manager may change it (clause SP-SHR-10).",
                    booking=others[0].name,
                    rep=others[0].user_id.name,
                )
            )

    def _check_hold_not_expired(self):
        """An expired hold is released, never subscribed."""
        now = fields.Datetime.now()
        expired = self.filtered(
            lambda b: b.state == "held" and b.hold_expiry and b.hold_expiry < now
        )
        if expired:
            raise UserError(
                self.env._(
                    "The hold of %(booking)s expired on %(expiry)s: an expired "
                    "hold cannot be subscribed (clause SP-SHR-09). Cancel it and "
                    "hold the unit again.",
                    booking=expired[0].name,
                    expiry=format_datetime(self.env, expired[0].hold_expiry),
                )
            )

    def _check_contract_cancellation(self, new_state):
        """Before the contract's order leaves "sale": only a cancellation by a
        manager, which puts the unit back on sale."""
        if new_state != "cancel":
            raise UserError(
                self.env._(
                    "The order of %(booking)s is the unit's contract: it can only "
                    "be cancelled, which releases the unit, not set back to "
                    "quotation.",
                    booking=self[0].name,
                )
            )
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Cancelling the contract of %(booking)s releases a sold unit; "
                    "only a sales manager may do it (clause SP-SHR-01). Ask your "
                    "sales manager.",
                    booking=self[0].name,
                )
            )
        self.unit_id._lock_for_transition()
        self.invalidate_recordset(["state"])
        self._check_state(("contracted",), self.env._("released"))

    def _release_cancelled_contract(self):
        self._release("cancelled")
        for booking in self:
            booking.message_post(
                body=self.env._(
                    "Contract %(order)s cancelled: the booking is cancelled and "
                    "unit %(unit)s is available again.",
                    order=booking.sale_order_id.name,
                    unit=booking.unit_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _cron_remind_overdue_subscriptions(self):
        """A to-do for the rep of each subscription past its contract due date.

        Once per booking (an open to-do is not duplicated); one bad record does
        not stop the others.
        """
        todo = self.env.ref("mail.mail_activity_data_todo")
        bookings = self.search(
            [
                ("state", "=", "subscribed"),
                ("contract_due_date", "<", fields.Date.context_today(self)),
            ]
        )
        reminded = self.browse()
        for booking in bookings:
            if booking.activity_ids.filtered(lambda a, t=todo: a.activity_type_id == t):
                continue
            try:
                with self.env.cr.savepoint():
                    booking.sudo().activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=booking.user_id.id,
                        summary=self.env._(
                            "Contract overdue: %(booking)s was due on %(date)s",
                            booking=booking.name,
                            date=booking.contract_due_date,
                        ),
                        note=self.env._(
                            "The subscription's contract due date has passed. "
                            "Contract the unit or agree a new date with a sales "
                            "manager."
                        ),
                    )
                    reminded |= booking
            except Exception:
                _logger.exception(
                    "Could not remind overdue subscription %s", booking.id
                )
        return reminded

    def _expire(self):
        self.unit_id._lock_for_transition()
        self.invalidate_recordset(["state"])
        expired = self.filtered(
            lambda b: b.state == "held" and b.hold_expiry < fields.Datetime.now()
        )
        expired._release("expired")
        return expired
