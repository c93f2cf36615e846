# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The first response to a complaint and its deadline (policy §6.3).

A mixin of ``crm.claim`` (``models/crm_claim.py``): the response deadline set
by the severity (company settings), the first response, whether it came in
time, whether it is overdue (searchable: the escalation cron and the views
use it) and the escalation level the cron reached
(``models/sales_complaint_escalation.py``). The date arithmetic is in
``tools/complaint_math.py``.

It relies on the complaint's fields ``date``, ``date_deadline``,
``severity``, ``company_id`` and ``complaint_state`` and on its handling
helpers ``_check_handler``, ``_check_state`` and ``_move_to``; the complaint
lists ``RESPONSE_PROTECTED_FIELDS`` in its ``_protected_fields``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.complaint_math import (
    response_deadline,
    response_in_time,
    response_is_overdue,
)

#: the clause a complaint registered with its deadline past breaks
DEADLINE_CLAUSE = "SP-CPL-02"
#: written only by the complaint's own actions and the escalation cron
RESPONSE_PROTECTED_FIELDS = [
    "response_deadline",
    "first_response_date",
    "first_response_user_id",
    "escalation_level",
]


class SalesComplaintResponseMixin(models.AbstractModel):
    _name = "sales.complaint.response.mixin"
    _description = "Complaint First Response and Deadline"

    response_deadline = fields.Datetime(
        compute="_compute_response_deadline",
        store=True,
        readonly=True,
        help="When the first response is due: the claim date plus the "
        "response time of the severity (Settings > Sales Policy).",
    )
    first_response_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    first_response_user_id = fields.Many2one(
        "res.users", string="First Response By", readonly=True, copy=False
    )
    response_timely = fields.Boolean(
        string="Answered in Time",
        compute="_compute_response_timely",
        store=True,
    )
    response_overdue = fields.Boolean(
        compute="_compute_response_overdue", search="_search_response_overdue"
    )
    escalation_level = fields.Integer(
        readonly=True,
        copy=False,
        help="0: not escalated; 1: the responsible rep has an overdue-response "
        "activity; 2: the sales manager has one too.",
    )

    @api.model
    def _valid_field_parameter(self, field, name):
        # tracked by the complaint's mail.thread (crm.claim inherits this mixin)
        return name == "tracking" or super()._valid_field_parameter(field, name)

    # --- computes ------------------------------------------------------------
    @api.depends("date", "severity", "company_id")
    def _compute_response_deadline(self):
        for claim in self:
            company = claim.company_id or self.env.company
            claim.response_deadline = response_deadline(
                claim.date, company._complaint_response_hours(claim.severity)
            )

    @api.depends("first_response_date", "response_deadline")
    def _compute_response_timely(self):
        for claim in self:
            claim.response_timely = response_in_time(
                claim.first_response_date, claim.response_deadline
            )

    def _compute_response_overdue(self):
        now = fields.Datetime.now()
        for claim in self:
            claim.response_overdue = (
                not claim.first_response_date
                and claim.complaint_state in ("new", "routed")
                and response_is_overdue(claim.response_deadline, now)
            )

    def _search_response_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue responses."))
        domain = [
            ("first_response_date", "=", False),
            ("complaint_state", "in", ("new", "routed")),
            ("response_deadline", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", "&", *domain]

    # --- constraints ---------------------------------------------------------
    def _check_deadline_at_creation(self):
        """A complaint is registered with its deadlines ahead (policy §6.3)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for claim in self:
            if (claim.response_deadline and claim.response_deadline < now) or (
                claim.date_deadline and claim.date_deadline < today
            ):
                raise ValidationError(
                    self.env._(
                        "%(complaint)s would be registered with its deadline "
                        "already past (response due %(due)s; sales policy "
                        "%(clause)s): register it with today's date, or ask an "
                        "administrator to import past complaints.",
                        complaint=claim.name,
                        clause=DEADLINE_CLAUSE,
                        due=claim.response_deadline or claim.date_deadline,
                    )
                )

    # --- actions ---------------------------------------------------------------
    @public_arguments
    def action_respond(self):
        """Record the first response to the customer (in time or not)."""
        self._check_handler()
        self._check_state(("routed",), self.env._("The first response"))
        now = fields.Datetime.now()
        for claim in self:
            claim._move_to(
                "answered",
                {"first_response_date": now, "first_response_user_id": self.env.uid},
            )
        return True
