# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

SATISFACTION = [
    ("1", "1 - Very dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very satisfied"),
]


class SalesVisitReport(models.Model):
    _name = "sales.visit.report"
    _description = "Customer Visit Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _policy_clause = "SP-DEV-04"
    _order = "date desc, id desc"
    # done only through Mark Done, which checks the outcome and satisfaction
    _protected_fields = ["state"]

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index=True)
    plan_line_id = fields.Many2one(
        "sales.visit.plan.line", string="Planned Visit", readonly=True, copy=False
    )
    purpose = fields.Char(required=True, tracking=True)
    outcome = fields.Text(tracking=True)
    next_step = fields.Char(tracking=True)
    next_step_date = fields.Date()
    satisfaction = fields.Selection(
        SATISFACTION,
        string="Customer Satisfaction",
        tracking=True,
        help="How satisfied the customer is, 1 (very dissatisfied) to 5 (very "
        "satisfied); feeds the KPI scorecard.",
    )
    satisfaction_score = fields.Integer(
        compute="_compute_satisfaction_score", store=True, aggregator="avg"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    week_start = fields.Date(compute="_compute_week_start", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("partner_id", "date")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Visit to %(partner)s on %(date)s",
                partner=report.partner_id.name or "",
                date=report.date or "",
            )

    @api.depends("satisfaction")
    def _compute_satisfaction_score(self):
        for report in self:
            report.satisfaction_score = int(report.satisfaction or 0)

    @api.depends("date")
    def _compute_week_start(self):
        for report in self:
            report.week_start = report.date and fields.Date.start_of(
                report.date, "week"
            )

    @api.constrains("state", "date")
    def _check_done_date_not_future(self):
        today = fields.Date.context_today(self)
        for report in self.filtered(lambda r: r.state == "done"):
            if report.date > today:
                raise ValidationError(
                    self.env._(
                        "The visit to %(partner)s is dated %(date)s, in the future: "
                        "a visit can only be reported as done once it took place. "
                        "Correct the date or keep the report as a draft.",
                        partner=report.partner_id.display_name,
                        date=report.date,
                    )
                )

    @api.constrains("partner_id", "user_id")
    def _check_partner_visible_to_rep(self):
        """The salesperson, and the rep recording it, may read the customer
        (clause SP-DEV-06)."""
        for report in self:
            report.partner_id._check_confidential_for(
                report, salesperson=report.user_id
            )

    @public_arguments
    def action_done(self):
        for report in self:
            if not (report.outcome or "").strip() or not report.satisfaction:
                raise UserError(
                    self.env._(
                        "The report of the visit to %(partner)s needs an outcome and "
                        "the customer's satisfaction rating before it is done.",
                        partner=report.partner_id.display_name,
                    )
                )
        self._transition({"state": "done"})
        return True

    @public_arguments
    def action_reset_draft(self):
        self._transition({"state": "draft"})
        return True
