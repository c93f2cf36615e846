# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

SLOTS = [
    ("morning", "Morning"),
    ("afternoon", "Afternoon"),
    ("full_day", "Full Day"),
]


def plan_rota(week_start, weekdays, user_ids):
    """Round-robin plan of one week: [(date, user_id), ...].

    ``weekdays`` are ISO weekday numbers (0 = Monday); ``user_ids`` rotate in
    the given order, so with Mon/Wed/Fri and reps A, B the week is A, B, A.
    """
    if not user_ids:
        return []
    monday = week_start - datetime.timedelta(days=week_start.weekday())
    days = [monday + datetime.timedelta(days=day) for day in sorted(set(weekdays))]
    return [(day, user_ids[index % len(user_ids)]) for index, day in enumerate(days)]


class SalesShowroomDuty(models.Model):
    _name = "sales.showroom.duty"
    _description = "Showroom Duty"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date, slot, duty_type"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, tracking=True)
    slot = fields.Selection(SLOTS, required=True, default="morning")
    duty_type = fields.Selection(
        [("reception", "Reception"), ("upkeep", "Showroom Upkeep")],
        required=True,
        default="reception",
    )
    user_id = fields.Many2one("res.users", string="Rep", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    swap_ids = fields.One2many("sales.showroom.duty.swap", "duty_id")

    _sql_constraints = [
        (
            "slot_uniq",
            "unique(date, slot, duty_type, user_id, company_id)",
            "A rep has this duty once per slot.",
        )
    ]

    @api.depends("date", "slot", "duty_type", "user_id.name")
    def _compute_name(self):
        slots = dict(SLOTS)
        types = dict(self._fields["duty_type"]._description_selection(self.env))
        for duty in self:
            duty.name = (
                f"{types.get(duty.duty_type, '')} {duty.date or ''} "
                f"{slots.get(duty.slot, '')} - {duty.user_id.name or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        duties = super().create(vals_list)
        duties._schedule_duty_activity()
        return duties

    @api.model
    def _generate_week(self, week_start, weekdays, slot, duty_type, users):
        """Create one week's duties from a pattern (weekdays, slot), round-robin."""
        plan = plan_rota(week_start, weekdays, users.ids)
        if not plan:
            raise UserError(
                self.env._(
                    "Choose at least one weekday and one rep to generate the rota."
                )
            )
        existing = self.search(
            [
                ("date", "in", [day for day, _user in plan]),
                ("slot", "=", slot),
                ("duty_type", "=", duty_type),
                ("company_id", "=", self.env.company.id),
            ]
        )
        taken = set(existing.mapped("date"))
        return self.create(
            [
                {
                    "date": day,
                    "slot": slot,
                    "duty_type": duty_type,
                    "user_id": user_id,
                    "company_id": self.env.company.id,
                }
                for day, user_id in plan
                if day not in taken
            ]
        )

    def _schedule_duty_activity(self):
        for duty in self:
            duty.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=duty.date,
                summary=self.env._("Showroom duty: %(duty)s", duty=duty.name),
                user_id=duty.user_id.id,
            )

    def _reassign(self, user):
        """Give the duty to ``user`` and move its to-do activity along."""
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self.sudo().write({"user_id": user.id})
        self._schedule_duty_activity()
