# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesQualificationFollowup(models.Model):
    _name = "sales.qualification.followup"
    _description = "After-Sales Follow-up"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sales.policy.transition.mixin",
    ]
    _policy_clause = "SP-QUA-09"
    _protected_fields = ["state", "done_date"]
    _order = "planned_date, id"
    _check_company_auto = True

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True, readonly=True
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, string="Customer"
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, tracking=True
    )
    qualification_ids = fields.Many2many(
        "sales.qualification", string="Qualifications", readonly=True
    )
    interval_days = fields.Integer(string="Days After Confirmation", readonly=True)
    planned_date = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    outcome = fields.Selection(
        [
            ("satisfied", "Customer Satisfied"),
            ("issue_resolved", "Problem Solved"),
            ("issue_open", "Problem Open"),
            ("no_contact", "Could Not Reach"),
        ],
        tracking=True,
    )
    note = fields.Text(string="Outcome Notes")
    done_date = fields.Date(readonly=True)
    problem_ids = fields.One2many("sales.qualification.problem", "followup_id")

    @api.depends("order_id", "interval_days")
    def _compute_display_name(self):
        for followup in self:
            followup.display_name = self.env._(
                "%(order)s: day %(days)s follow-up",
                order=followup.order_id.name,
                days=followup.interval_days,
            )

    @api.constrains("state", "outcome", "note")
    def _check_outcome(self):
        for followup in self.filtered(lambda f: f.state == "done"):
            if not followup.outcome:
                raise ValidationError(
                    self.env._(
                        "Record the outcome of %(name)s (what the customer said and "
                        "whether a problem remains) before marking it done.",
                        name=followup.display_name,
                    )
                )
            if followup.outcome == "issue_open" and not followup.note:
                raise ValidationError(
                    self.env._(
                        "Describe the open problem of %(name)s and how it will be "
                        "handled in the outcome notes.",
                        name=followup.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        followups = super().create(vals_list)
        for followup in followups:
            followup.activity_schedule(
                "sales_qualification.mail_activity_type_followup",
                date_deadline=followup.planned_date,
                summary=self.env._(
                    "Follow up with %(customer)s on %(order)s",
                    customer=followup.partner_id.name,
                    order=followup.order_id.name,
                ),
                user_id=followup.user_id.id,
            )
        return followups

    @public_arguments
    def action_done(self):
        for followup in self:
            if followup.state != "planned":
                raise UserError(
                    self.env._(
                        "%(name)s is not planned any more.", name=followup.display_name
                    )
                )
        self._transition(
            {"state": "done", "done_date": fields.Date.context_today(self)}
        )
        self.activity_feedback(
            ["sales_qualification.mail_activity_type_followup"],
            feedback=self.env._("Follow-up recorded."),
        )
        self._open_problems()
        return True

    def _open_problems(self):
        """An open problem found on a follow-up is investigated (SP-QUA-14)."""
        self.env["sales.qualification.problem"].sudo().create(
            [
                {
                    "name": self.env._(
                        "Problem found on %(name)s", name=followup.display_name
                    ),
                    "followup_id": followup.id,
                    "company_id": followup.company_id.id,
                    "description": followup.note,
                    "owner_id": followup.user_id.id,
                }
                for followup in self.filtered(lambda f: f.outcome == "issue_open")
            ]
        )

    @public_arguments
    def action_cancel(self):
        self.filtered(lambda f: f.state == "planned")._transition(
            {"state": "cancelled"}
        )
        self.activity_unlink(["sales_qualification.mail_activity_type_followup"])
        return True
