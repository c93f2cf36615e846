# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesShowroomReceptionQueue(models.Model):
    """One rep's place in one day's reception rotation.

    The head of the queue (lowest sequence, not busy) takes the next visitor
    and moves to the back; a busy rep is skipped and keeps the turn.
    """

    _name = "sales.showroom.reception.queue"
    _description = "Showroom Reception Queue"
    _order = "date desc, sequence, id"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one("res.users", string="Rep", required=True)
    sequence = fields.Integer(default=10, readonly=True)
    busy = fields.Boolean(help="Busy with a client: skipped, keeps the turn.")
    assignment_count = fields.Integer(readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "user_date_uniq",
            "unique(date, user_id, company_id)",
            "A rep appears once in a day's reception queue.",
        )
    ]

    @api.model
    def _build_for_date(self, date, company=None):
        """Queue the reps on reception duty that day, in the rota's order."""
        company = company or self.env.company
        duties = self.env["sales.showroom.duty"].search(
            [
                ("date", "=", date),
                ("duty_type", "=", "reception"),
                ("company_id", "=", company.id),
            ],
            order="slot, id",
        )
        existing = self.search([("date", "=", date), ("company_id", "=", company.id)])
        queued = set(existing.user_id.ids)
        last = max(existing.mapped("sequence"), default=0)
        vals_list = []
        for duty in duties:
            if duty.user_id.id in queued:
                continue
            queued.add(duty.user_id.id)
            last += 1
            vals_list.append(
                {
                    "date": date,
                    "user_id": duty.user_id.id,
                    "sequence": last,
                    "company_id": company.id,
                }
            )
        return existing | self.create(vals_list)

    @api.model
    def _cron_build_today_queues(self):
        """Each morning: today's queue of every company from its reception duties."""
        today = fields.Date.context_today(self)
        companies = (
            self.env["sales.showroom.duty"]
            .search([("date", "=", today), ("duty_type", "=", "reception")])
            .company_id
        )
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    self._build_for_date(today, company)
            except Exception:
                _logger.exception(
                    "Could not build the reception queue of company %s", company.id
                )
        return True

    @public_arguments
    def action_build_today(self):
        self._check_manager()
        self._build_for_date(fields.Date.context_today(self))
        return True

    @public_arguments
    def action_toggle_busy(self):
        for entry in self:
            if (
                entry.user_id != self.env.user
                and not self.env.su
                and not self.env.user.has_group(MANAGER_GROUP)
            ):
                raise AccessError(
                    self.env._(
                        "You may mark only yourself busy or free; %(rep)s's "
                        "status is changed by that rep or a sales manager.",
                        rep=entry.user_id.name,
                    )
                )
        for entry in self:
            entry.sudo().busy = not entry.busy
        return True

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a sales manager may build the reception queue.")
            )

    @api.model
    def _take_next(self, date, company):
        """Return (entry, skipped busy users) for the next visitor and rotate.

        Locks the day's queue so two receptionists never hand out the same turn.
        """
        self.env["sales.showroom.reception.queue"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM sales_showroom_reception_queue "
                "WHERE date = %s AND company_id = %s ORDER BY sequence, id FOR UPDATE",
                date,
                company.id,
            )
        )
        entries = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        entries.invalidate_recordset(["sequence", "busy"])
        if not entries:
            raise UserError(
                self.env._(
                    "Nobody is on reception duty on %(date)s. Ask a sales manager "
                    "to build today's queue from the duty rota.",
                    date=date,
                )
            )
        head = entries.filtered(lambda e: not e.busy)[:1]
        if not head:
            raise UserError(
                self.env._(
                    "Every rep on duty is busy with a client; the visitor waits "
                    "until a rep is free."
                )
            )
        skipped = entries.filtered(
            lambda e: e.busy and (e.sequence, e.id) < (head.sequence, head.id)
        ).user_id
        head.write(
            {
                "sequence": max(entries.mapped("sequence")) + 1,
                "assignment_count": head.assignment_count + 1,
            }
        )
        return head, skipped
