# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


def _this_monday(record):
    today = fields.Date.context_today(record)
    return today - timedelta(days=today.weekday())


class SalesVisitPlan(models.Model):
    _name = "sales.visit.plan"
    _description = "Weekly Visit Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-DEV-03"
    _order = "week_start desc, user_id"
    # submitted and reviewed only through their buttons (a plan with visits;
    # a sales manager's review)
    _protected_fields = ["state"]

    name = fields.Char(compute="_compute_name", store=True)
    week_start = fields.Date(
        string="Week of",
        required=True,
        default=_this_monday,
        tracking=True,
        help="Monday of the planned week.",
    )
    week_end = fields.Date(compute="_compute_week_end", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "sales.visit.plan.line", "plan_id", string="Planned Visits", copy=True
    )
    planned_count = fields.Integer(compute="_compute_counts", string="Planned")
    done_count = fields.Integer(compute="_compute_counts", string="Done")
    review_note = fields.Text(tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "user_week_company_uniq",
            "UNIQUE (user_id, week_start, company_id)",
            "A salesperson has one visit plan per week: open the existing plan "
            "of that week instead.",
        ),
    ]

    @api.depends("week_start", "user_id")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Week of %(week)s - %(user)s",
                week=plan.week_start or "",
                user=plan.user_id.name or "",
            )

    @api.depends("week_start")
    def _compute_week_end(self):
        for plan in self:
            plan.week_end = plan.week_start and plan.week_start + timedelta(days=6)

    @api.depends("line_ids.is_done")
    def _compute_counts(self):
        for plan in self:
            plan.planned_count = len(plan.line_ids)
            plan.done_count = len(plan.line_ids.filtered("is_done"))

    @api.constrains("week_start")
    def _check_week_start(self):
        for plan in self:
            if plan.week_start.weekday() != 0:
                raise ValidationError(
                    self.env._(
                        "A visit plan covers a week from Monday to Sunday; "
                        "%(date)s is not a Monday. Choose the Monday of the week.",
                        date=plan.week_start,
                    )
                )

    @public_arguments
    def action_submit(self):
        for plan in self:
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "The visit plan %(plan)s has no planned visit. Plan at least "
                        "one visit before submitting it for the weekly review.",
                        plan=plan.name,
                    )
                )
        self._transition({"state": "submitted"})
        return True

    @public_arguments
    def action_review(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a sales manager reviews visit plans in the weekly meeting."
                )
            )
        if self.filtered(lambda p: p.state != "submitted"):
            raise UserError(
                self.env._("Only submitted visit plans can be marked as reviewed.")
            )
        self._transition({"state": "reviewed"})
        return True

    @public_arguments
    def action_reset_draft(self):
        self._transition({"state": "draft"})
        return True
