# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..models.sales_showroom_duty import SLOTS


def _next_monday():
    today = fields.Date.today()
    return today + datetime.timedelta(days=7 - today.weekday())


class SalesShowroomDutyGenerate(models.TransientModel):
    _name = "sales.showroom.duty.generate"
    _description = "Generate a Week of Showroom Duties"

    week_start = fields.Date(required=True, default=lambda self: _next_monday())
    monday = fields.Boolean(default=True)
    tuesday = fields.Boolean()
    wednesday = fields.Boolean(default=True)
    thursday = fields.Boolean()
    friday = fields.Boolean(default=True)
    saturday = fields.Boolean()
    sunday = fields.Boolean()
    slot = fields.Selection(SLOTS, required=True, default="morning")
    duty_type = fields.Selection(
        [("reception", "Reception"), ("upkeep", "Showroom Upkeep")],
        required=True,
        default="upkeep",
    )
    user_ids = fields.Many2many("res.users", string="Reps (in rotation order)")

    def _weekdays(self):
        names = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        return [index for index, name in enumerate(names) if self[name]]

    @public_arguments(one=True)
    def action_generate(self):
        self.ensure_one()
        duties = self.env["sales.showroom.duty"]._generate_week(
            self.week_start, self._weekdays(), self.slot, self.duty_type, self.user_ids
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generated Duties"),
            "res_model": "sales.showroom.duty",
            "view_mode": "list,form",
            "domain": [("id", "in", duties.ids)],
        }
