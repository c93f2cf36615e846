# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.batch_run import run_in_batches

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
#: days an owner has to investigate a problem by default
DEFAULT_DEADLINE_DAYS = 7


class SalesQualificationProblem(models.Model):
    """An after-sales problem under investigation (clause SP-QUA-14).

    Opened by hand or when a follow-up ends with *Problem Open*; its owner
    investigates by the deadline and records the result. Past the deadline a
    daily check escalates it to the manager (the order's team leader, else
    the sales managers of the company), once.
    """

    _name = "sales.qualification.problem"
    _description = "After-Sales Problem"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-QUA-14"
    _order = "deadline, id"
    _check_company_auto = True
    _protected_fields = ["state", "escalated_on", "resolved_on"]

    name = fields.Char(string="Problem", required=True, tracking=True)
    followup_id = fields.Many2one(
        "sales.qualification.followup", check_company=True, index=True
    )
    order_id = fields.Many2one(
        "sale.order",
        compute="_compute_order_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    description = fields.Text(required=True)
    owner_id = fields.Many2one(
        "res.users",
        string="Investigated By",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Escalate To",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        help="Alerted when the investigation is overdue (the order's team "
        "leader by default; the sales managers when empty).",
    )
    deadline = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self)
        + timedelta(days=DEFAULT_DEADLINE_DAYS),
    )
    state = fields.Selection(
        [
            ("open", "Under Investigation"),
            ("resolved", "Resolved"),
        ],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    investigation_result = fields.Text(
        help="Cause found and what was done for the customer."
    )
    escalated_on = fields.Date(readonly=True, copy=False)
    resolved_on = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("followup_id")
    def _compute_order_id(self):
        for problem in self.filtered("followup_id"):
            problem.order_id = problem.followup_id.order_id

    @api.depends("order_id")
    def _compute_manager_id(self):
        for problem in self:
            problem.manager_id = problem.order_id.team_id.user_id

    @api.depends("state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for problem in self:
            problem.is_overdue = problem.state == "open" and problem.deadline < today

    @public_arguments
    def action_resolve(self):
        for problem in self:
            if problem.state != "open":
                raise UserError(
                    self.env._("%(name)s is already resolved.", name=problem.name)
                )
            if self.env.user != problem.owner_id and not self.env.user.has_group(
                MANAGER_GROUP
            ):
                raise UserError(
                    self.env._(
                        "Only %(owner)s (who investigates it) or a sales manager "
                        "can resolve %(name)s.",
                        owner=problem.owner_id.name,
                        name=problem.name,
                    )
                )
            if not problem.investigation_result:
                raise UserError(
                    self.env._(
                        "Record the investigation result of %(name)s (cause and "
                        "what was done) before resolving it.",
                        name=problem.name,
                    )
                )
        self._transition(
            {"state": "resolved", "resolved_on": fields.Date.context_today(self)}
        )
        self.activity_unlink(["sales_qualification.mail_activity_type_problem_overdue"])
        return True

    @api.model
    def _cron_escalate_overdue(self, batch_size=200, commit=None):
        """Daily: overdue investigations go to the manager, once. Returns
        (done, failed)."""
        problems = self.search(
            [
                ("state", "=", "open"),
                ("escalated_on", "=", False),
                ("deadline", "<", fields.Date.context_today(self)),
            ]
        )
        return run_in_batches(problems, self._escalate, batch_size, commit)

    def _escalation_users(self):
        self.ensure_one()
        if self.manager_id:
            return self.manager_id
        return (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .users.filtered(lambda u: self.company_id in u.company_ids and u.active)
        )

    def _escalate(self, problems):
        today = fields.Date.context_today(self)
        for problem in problems:
            for user in problem._escalation_users():
                problem.activity_schedule(
                    "sales_qualification.mail_activity_type_problem_overdue",
                    date_deadline=today,
                    summary=self.env._(
                        "Overdue investigation: %(name)s (owner %(owner)s, due "
                        "%(deadline)s)",
                        name=problem.name,
                        owner=problem.owner_id.name,
                        deadline=problem.deadline,
                    ),
                    user_id=user.id,
                )
            problem._transition({"escalated_on": today})
