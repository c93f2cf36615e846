# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import (
    as_number,
    as_record,
    public_arguments,
)

_logger = logging.getLogger(__name__)

UNIT_STATES = [
    ("available", "Available"),
    ("held", "Held"),
    ("subscribed", "Subscribed"),
    ("contracted", "Contracted"),
    ("withheld", "Withheld"),
]
# Kanban colour index (border) and Bootstrap background per state.
STATE_COLORS = {
    "available": 10,
    "held": 3,
    "subscribed": 2,
    "contracted": 1,
    "withheld": 0,
}
STATE_CLASSES = {
    "available": "success",
    "held": "warning",
    "subscribed": "info",
    "contracted": "danger",
    "withheld": "secondary",
}
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesShowroomUnit(models.Model):
    _name = "sales.showroom.unit"
    _description = "Showroom Unit"
    _inherit = ["mail.thread"]
    _order = "project_id, building_id, floor, number"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    building_id = fields.Many2one(
        "sales.showroom.building",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    project_id = fields.Many2one(
        related="building_id.project_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, precompute=True
    )
    floor = fields.Integer(required=True, tracking=True)
    number = fields.Char(required=True, tracking=True)
    board_group = fields.Char(
        string="Building / Floor",
        compute="_compute_board_group",
        store=True,
        help="Row of the sales-control board.",
    )
    area = fields.Float(string="Area (m²)", digits=(16, 2))
    attributes = fields.Char(help="Orientation, view, layout and similar features.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    list_price = fields.Monetary(required=True, tracking=True)
    state = fields.Selection(
        UNIT_STATES, default="available", required=True, readonly=True, tracking=True
    )
    booking_ids = fields.One2many("sales.showroom.booking", "unit_id")
    active_booking_id = fields.Many2one(
        "sales.showroom.booking", compute="_compute_active_booking"
    )
    partner_id = fields.Many2one(
        "res.partner",
        compute="_compute_active_booking",
        search="_search_partner_id",
        string="Customer",
    )
    hold_expiry = fields.Datetime(compute="_compute_active_booking")
    color = fields.Integer(compute="_compute_board_style")
    board_class = fields.Char(compute="_compute_board_style")

    _sql_constraints = [
        (
            "number_building_uniq",
            "unique(building_id, floor, number)",
            "A unit number is used once per floor of a building.",
        ),
        (
            "list_price_positive",
            "CHECK(list_price >= 0)",
            "The list price of a unit cannot be negative.",
        ),
    ]

    @api.depends("building_id.name", "floor", "number")
    def _compute_name(self):
        for unit in self:
            unit.name = (
                f"{unit.building_id.name or ''}-{unit.floor}-{unit.number or ''}"
            )

    @api.depends("building_id.name", "floor")
    def _compute_board_group(self):
        for unit in self:
            # Language-neutral on purpose: the value is stored and grouped on.
            unit.board_group = f"{unit.building_id.name or ''} / {unit.floor:02d}F"

    def _compute_active_booking(self):
        bookings = self.env["sales.showroom.booking"].search(
            [
                ("unit_id", "in", self.ids),
                ("state", "in", self.env["sales.showroom.booking"]._ACTIVE_STATES),
            ]
        )
        by_unit = {booking.unit_id.id: booking for booking in bookings}
        for unit in self:
            booking = by_unit.get(unit.id, bookings.browse())
            unit.active_booking_id = booking
            unit.partner_id = booking.partner_id
            unit.hold_expiry = booking.hold_expiry

    def _search_partner_id(self, operator, value):
        return [
            (
                "booking_ids",
                "any",
                [
                    ("partner_id", operator, value),
                    ("state", "in", self.env["sales.showroom.booking"]._ACTIVE_STATES),
                ],
            )
        ]

    @api.depends("state")
    def _compute_board_style(self):
        for unit in self:
            unit.color = STATE_COLORS.get(unit.state, 0)
            unit.board_class = STATE_CLASSES.get(unit.state, "light")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "available") not in ("available", "withheld")
            for vals in vals_list
        ):
            self._raise_state_write()
        return super().create(vals_list)

    def write(self, vals):
        # The state follows the unit's booking (hold, subscribe, contract,
        # cancel) or the manager's Withhold / Release actions: never a write.
        if "state" in vals and not self.env.su:
            self._raise_state_write()
        return super().write(vals)

    def _raise_state_write(self):
        raise AccessError(
            self.env._(
                "A unit's state follows its booking and cannot be written "
                "directly (clause SP-SHR-01). Hold, subscribe, contract or cancel "
                "the booking; a sales manager withholds or releases a unit with "
                "Withhold / Release."
            )
        )

    # ------------------------------------------------------------------
    # Locking
    # ------------------------------------------------------------------
    def _lock_for_transition(self):
        """Row-lock the units for the rest of the transaction (NOWAIT).

        A concurrent transaction that already locked or changed the unit makes
        this fail at once; the caller gets a clear UserError and nothing is
        written. Returns the units re-read under the lock.
        """
        if not self:
            return self
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM sales_showroom_unit WHERE id IN %s "
                        "FOR UPDATE NOWAIT",
                        tuple(self.ids),
                    ),
                    log_exceptions=False,
                )
        except (
            psycopg2.errors.LockNotAvailable,
            psycopg2.errors.SerializationFailure,
        ) as error:
            raise UserError(
                self.env._(
                    "Unit %(units)s is being booked by someone else at this very "
                    "moment, so your request was refused to keep the unit from "
                    "being sold twice. Reload the board and check whether the "
                    "unit is still available.",
                    units=", ".join(self.mapped("name")),
                )
            ) from error
        self.invalidate_recordset(["state"])
        return self

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only sales managers may withhold units from sale or release "
                    "them (clause SP-SHR-03). Ask your sales manager."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_open_booking_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hold Unit"),
            "res_model": "sales.showroom.booking.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_unit_id": self.id, "default_mode": "hold"},
        }

    @public_arguments(one=True)
    def action_open_subscribe_wizard(self):
        self.ensure_one()
        return self.active_booking_id.action_open_subscribe_wizard()

    @public_arguments(one=True)
    def action_contract(self):
        self.ensure_one()
        if not self.active_booking_id:
            raise UserError(
                self.env._(
                    "Unit %(unit)s has no booking to contract. Hold and subscribe "
                    "it first.",
                    unit=self.name,
                )
            )
        return self.active_booking_id.action_contract()

    @public_arguments(one=True)
    def action_hold(self, partner_id, hours=None):
        """RPC entry point of :meth:`hold`: returns the id of the new booking."""
        self.ensure_one()
        partner = as_record(self, partner_id, "res.partner", self.env._("Customer"))
        return self.hold(partner, hours).id

    @public_arguments(one=True)
    def action_view_booking(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.showroom.booking",
            "view_mode": "form",
            "res_id": self.active_booking_id.id,
        }

    @public_arguments
    def action_withhold(self):
        self._check_manager()
        self._lock_for_transition()
        not_free = self.filtered(lambda unit: unit.state != "available")
        if not_free:
            raise UserError(
                self.env._(
                    "Only available units can be withheld from sale; %(units)s "
                    "is booked or already withheld. Cancel its booking first.",
                    units=", ".join(not_free.mapped("name")),
                )
            )
        self.sudo().write({"state": "withheld"})
        return True

    @public_arguments
    def action_release(self):
        self._check_manager()
        self._lock_for_transition()
        not_withheld = self.filtered(lambda unit: unit.state != "withheld")
        if not_withheld:
            raise UserError(
                self.env._(
                    "Only withheld units can be released for sale; %(units)s is "
                    "not withheld.",
                    units=", ".join(not_withheld.mapped("name")),
                )
            )
        self.sudo().write({"state": "available"})
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def hold(self, partner, hours=None, agreed_price=None):
        """Hold this unit for ``partner``; the single entry to the booking flow.

        Row-locks the unit, checks it is available and creates the booking. The
        partial unique index on active bookings refuses a second one even if
        the lock were bypassed. ``partner`` is a record or its id.
        """
        self.ensure_one()
        partner = as_record(self, partner, "res.partner", self.env._("Customer"))
        hours = as_number(self, hours, self.env._("Hold hours"), required=False)
        agreed_price = as_number(
            self, agreed_price, self.env._("Agreed price"), minimum=0, required=False
        )
        unit = self._lock_for_transition()
        if unit.state != "available":
            raise UserError(
                self.env._(
                    "Unit %(unit)s cannot be held: it is %(state)s. Only available "
                    "units can be held; choose another unit.",
                    unit=unit.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        unit.state
                    ],
                )
            )
        booking_model = self.env["sales.showroom.booking"]
        # Pending writes (e.g. a cancelled booking) must reach the partial
        # unique index before the new booking is inserted.
        booking_model.flush_model()
        if hours is None or hours is False:
            hours = unit.company_id.showroom_max_hold_hours
        booking_model._check_hold_hours(hours, unit.company_id)
        booking = booking_model.sudo().create(
            {
                "unit_id": unit.id,
                "partner_id": partner.id,
                "user_id": self.env.user.id,
                "state": "held",
                "hold_expiry": fields.Datetime.add(fields.Datetime.now(), hours=hours),
                "agreed_price": unit.list_price
                if agreed_price is None
                else agreed_price,
            }
        )
        unit.sudo().write({"state": "held"})
        return booking.sudo(self.env.su)

    @api.model
    def _cron_release_expired_holds(self):
        """Release every hold past its expiry; one bad record does not stop the rest."""
        bookings = self.env["sales.showroom.booking"].search(
            [("state", "=", "held"), ("hold_expiry", "<", fields.Datetime.now())]
        )
        released = self.env["sales.showroom.booking"]
        for booking in bookings:
            try:
                with self.env.cr.savepoint():
                    booking._expire()
                    released |= booking
            except Exception:
                _logger.exception("Could not release expired hold %s", booking.id)
        return released
