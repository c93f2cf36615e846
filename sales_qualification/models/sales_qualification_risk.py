# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.batch_run import run_in_batches

SCALE = [
    ("1", "1 - Very Low"),
    ("2", "2 - Low"),
    ("3", "3 - Medium"),
    ("4", "4 - High"),
    ("5", "5 - Very High"),
]


def risk_level(score):
    """Level of a likelihood x impact score on the 1..25 scale."""
    if score >= 15:
        return "high"
    if score >= 8:
        return "medium"
    return "low"


class SalesQualificationRisk(models.Model):
    _name = "sales.qualification.risk"
    _description = "Qualification Risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "score desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    category = fields.Selection(
        [
            ("policy_change", "Policy Change"),
            ("processing_delay", "Processing Delay"),
            ("competition", "Competition"),
            ("legal", "Legal"),
            ("other", "Other"),
        ],
        required=True,
        default="policy_change",
    )
    qualification_id = fields.Many2one("sales.qualification", check_company=True)
    qualification_state = fields.Selection(
        related="qualification_id.state", string="Certificate State"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    likelihood = fields.Selection(SCALE, required=True, default="3", tracking=True)
    impact = fields.Selection(SCALE, required=True, default="3", tracking=True)
    score = fields.Integer(compute="_compute_score", store=True)
    level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        compute="_compute_score",
        store=True,
    )
    owner_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, tracking=True
    )
    mitigation = fields.Selection(
        [("avoid", "Avoid"), ("reduce", "Reduce"), ("transfer", "Transfer")],
        required=True,
        default="reduce",
        tracking=True,
    )
    mitigation_plan = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("mitigated", "Mitigated"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    emergency_ids = fields.One2many("sales.qualification.emergency", "risk_id")
    assessment_interval_months = fields.Integer(
        string="Re-assess Every (Months)",
        default=3,
        help="Months between two assessments (3: quarterly).",
    )
    assessment_ids = fields.One2many(
        "sales.qualification.risk.assessment", "risk_id", string="Assessments"
    )
    last_assessment_date = fields.Date(compute="_compute_assessment_dates", store=True)
    next_assessment_date = fields.Date(
        compute="_compute_assessment_dates",
        store=True,
        help="The owner re-assesses likelihood and impact by then; a reminder "
        "follows when it is overdue.",
    )
    assessment_reminded_on = fields.Date(
        readonly=True,
        copy=False,
        help="Next-assessment date the owner was last reminded of.",
    )

    @api.depends(
        "assessment_ids.assessment_date", "assessment_interval_months", "create_date"
    )
    def _compute_assessment_dates(self):
        for risk in self:
            dates = risk.assessment_ids.mapped("assessment_date")
            last = max(dates) if dates else False
            start = last or (
                risk.create_date.date()
                if risk.create_date
                else fields.Date.context_today(risk)
            )
            risk.last_assessment_date = last
            risk.next_assessment_date = start + relativedelta(
                months=risk.assessment_interval_months or 3
            )

    @api.constrains("assessment_interval_months")
    def _check_assessment_interval(self):
        for risk in self:
            if not 1 <= risk.assessment_interval_months <= 12:
                raise ValidationError(
                    self.env._(
                        "%(risk)s: risks are re-assessed every 1 to 12 months "
                        "(3: quarterly), not every %(months)s.",
                        risk=risk.name,
                        months=risk.assessment_interval_months,
                    )
                )

    @api.model
    def _check_ratings(self, vals):
        """A clear refusal of a likelihood or impact outside 1..5."""
        allowed = {value for value, _label in SCALE}
        for name in ("likelihood", "impact"):
            if name in vals and str(vals[name]) not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(field)s is rated from 1 (very low) to 5 (very high), "
                        "not %(value)s (sales policy SP-QUA-13).",
                        field=self._fields[name]._description_string(self.env),
                        value=vals[name],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_ratings(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_ratings(vals)
        return super().write(vals)

    @public_arguments(one=True)
    def action_suspend_qualification(self):
        """A policy-change risk that happens: suspend its certificate."""
        self.ensure_one()
        qualification = self.qualification_id
        qualification._check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Suspend Selling"),
            "res_model": "sales.qualification.suspension",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_qualification_id": qualification.id,
                "default_origin": "policy_change"
                if self.category == "policy_change"
                else "manual",
                "default_reason": self.name,
            },
        }

    @api.model
    def _cron_remind_assessments(self, batch_size=200, commit=None):
        """Daily: an activity for the owner of each overdue assessment, once
        per due date. Returns (done, failed)."""
        today = fields.Date.context_today(self)
        risks = self.search(
            [
                ("state", "!=", "closed"),
                ("next_assessment_date", "<", today),
            ]
        ).filtered(lambda r: r.assessment_reminded_on != r.next_assessment_date)
        return run_in_batches(risks, self._remind_owner, batch_size, commit)

    def _remind_owner(self, risks):
        for risk in risks:
            risk.activity_schedule(
                "sales_qualification.mail_activity_type_risk_assessment",
                date_deadline=fields.Date.context_today(risk),
                summary=self.env._(
                    "Re-assess %(risk)s (due %(date)s)",
                    risk=risk.name,
                    date=risk.next_assessment_date,
                ),
                user_id=risk.owner_id.id,
            )
            risk.assessment_reminded_on = risk.next_assessment_date

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for risk in self:
            risk.score = int(risk.likelihood or 0) * int(risk.impact or 0)
            risk.level = risk_level(risk.score)
