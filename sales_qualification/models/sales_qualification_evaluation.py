# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

DECISION_KEY = "sales_qualification_evaluation_decision"


class SalesQualificationEvaluation(models.Model):
    _name = "sales.qualification.evaluation"
    _description = "Qualification Evaluation Report"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    qualification_id = fields.Many2one(
        "sales.qualification", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        related="qualification_id.company_id", store=True, index=True
    )
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    legality = fields.Text(
        required=True,
        help="Is acquiring and using this qualification lawful for the company?",
    )
    market_demand = fields.Text(
        required=True, help="Who needs services built on it, and how many?"
    )
    value_assessment = fields.Text(
        string="Value", required=True, help="Costs, expected revenue and benefit."
    )
    decision = fields.Selection(
        [("pending", "Pending"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        tracking=True,
        copy=False,
    )
    decision_note = fields.Text(tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Date(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("decision", "pending") != "pending" for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A new evaluation waits for management's decision; it cannot be "
                    "created already decided."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if (
            {"decision", "decided_by_id", "decision_date"} & set(vals)
            and not self.env.context.get(DECISION_KEY)
            and not self.env.su
        ):
            raise UserError(
                self.env._(
                    "Management records its decision on an evaluation with the "
                    "Approve and Reject buttons."
                )
            )
        return super().write(vals)

    def _decide(self, decision):
        self.ensure_one()
        if not self.env.user.has_group(
            "sales_policy_base.group_sales_policy_senior_manager"
        ):
            raise UserError(
                self.env._(
                    "Only management (senior managers) decides on a qualification "
                    "evaluation."
                )
            )
        if self.decision != "pending":
            raise UserError(self.env._("This evaluation has already been decided."))
        if self.qualification_id.state != "evaluation":
            raise UserError(
                self.env._(
                    "%(name)s is no longer in evaluation.",
                    name=self.qualification_id.display_name,
                )
            )
        self.with_context(**{DECISION_KEY: True}).write(
            {
                "decision": decision,
                "decided_by_id": self.env.user.id,
                "decision_date": fields.Date.context_today(self),
            }
        )

    def action_approve(self):
        self._decide("approved")
        return True

    def action_reject(self):
        if not self.decision_note:
            raise UserError(
                self.env._(
                    "Write the reason for rejecting the evaluation in the decision "
                    "note first."
                )
            )
        self._decide("rejected")
        self.qualification_id.sudo()._set_state(
            "rejected", rejection_reason=self.decision_note
        )
        return True
