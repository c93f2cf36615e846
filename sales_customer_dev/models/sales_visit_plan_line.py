# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesVisitPlanLine(models.Model):
    _name = "sales.visit.plan.line"
    _description = "Planned Visit"
    _inherit = ["sales.policy.transition.mixin"]
    _policy_clause = "SP-DEV-04"
    _order = "planned_date, id"
    # linked only by Report Visit: a done report makes the visit done
    _protected_fields = ["visit_report_id"]

    plan_id = fields.Many2one(
        "sales.visit.plan",
        string="Visit Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True
    )
    planned_date = fields.Date(required=True)
    purpose = fields.Char()
    lead_id = fields.Many2one("crm.lead", string="Opportunity")
    visit_report_id = fields.Many2one("sales.visit.report", readonly=True, copy=False)
    is_done = fields.Boolean(compute="_compute_is_done", store=True, string="Visited")
    user_id = fields.Many2one(
        related="plan_id.user_id", store=True, string="Salesperson", index=True
    )
    week_start = fields.Date(related="plan_id.week_start", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)

    @api.depends("visit_report_id.state")
    def _compute_is_done(self):
        for line in self:
            line.is_done = line.visit_report_id.state == "done"

    @api.depends("partner_id", "planned_date")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.partner_id.name or ''} {line.planned_date or ''}"
            )

    @api.constrains("planned_date", "plan_id")
    def _check_planned_date_in_week(self):
        for line in self:
            plan = line.plan_id
            if not plan.week_start <= line.planned_date <= plan.week_end:
                raise ValidationError(
                    self.env._(
                        "The visit to %(partner)s is planned on %(date)s, outside the "
                        "week of the plan (%(start)s to %(end)s). Plan it in that "
                        "week or in the plan of its own week.",
                        partner=line.partner_id.display_name,
                        date=line.planned_date,
                        start=plan.week_start,
                        end=plan.week_end,
                    )
                )

    @api.constrains("partner_id", "plan_id")
    def _check_partner_visible_to_rep(self):
        """The plan's salesperson, and the rep planning it, may read the
        customer (clause SP-DEV-06)."""
        for line in self:
            line.partner_id._check_confidential_for(
                line, salesperson=line.plan_id.user_id
            )

    @public_arguments(one=True)
    def action_report_visit(self):
        """Open (creating if needed) the visit report of this planned visit."""
        self.ensure_one()
        if not self.visit_report_id:
            today = fields.Date.context_today(self)
            report = self.env["sales.visit.report"].create(
                {
                    "partner_id": self.partner_id.id,
                    "user_id": self.user_id.id,
                    "date": min(self.planned_date, today),
                    "purpose": self.purpose or self.env._("Planned visit"),
                    "lead_id": self.lead_id.id,
                    "plan_line_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
            self._transition({"visit_report_id": report.id})
        return self.visit_report_id._get_records_action()
