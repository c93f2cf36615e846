# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.training_math import training_days


class SalesQualificationTraining(models.Model):
    """A training or induction session a salesperson attended (SP-QUA-15).

    Managers record the sessions; a salesperson reads their own. New staff
    need the company's minimum training days within their induction period;
    the appraisal reads ``_training_days_by_user``.
    """

    _name = "sales.qualification.training"
    _description = "Sales Training Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    topic = fields.Char(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    hours = fields.Float(required=True, default=8.0)
    days = fields.Float(
        string="Training Days",
        compute="_compute_days",
        store=True,
        help="Hours counted in days of eight hours.",
    )
    is_induction = fields.Boolean(string="Induction")
    result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed"), ("attended", "Attended")],
        default="attended",
        required=True,
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("hours")
    def _compute_days(self):
        for session in self:
            session.days = training_days(session.hours)

    @api.constrains("hours")
    def _check_hours(self):
        for session in self:
            if not 0 < session.hours <= 24:
                raise ValidationError(
                    self.env._(
                        "A training session of %(user)s on %(date)s lasts between "
                        "a few minutes and 24 hours, not %(hours)s hours.",
                        user=session.user_id.name,
                        date=session.date,
                        hours=session.hours,
                    )
                )

    @api.depends("topic", "date")
    def _compute_display_name(self):
        for session in self:
            session.display_name = f"{session.topic or ''} ({session.date or ''})"

    @api.model
    def _training_days_by_user(self, date_from, date_to, users=None):
        """{user id: training days} of sessions from ``date_from`` to
        ``date_to`` (included), failed sessions included (time spent);
        restricted to ``users`` when given. For the appraisal."""
        domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        result = defaultdict(float)
        for user, hours in self._read_group(domain, ["user_id"], ["hours:sum"]):
            result[user.id] = training_days(hours)
        return dict(result)
