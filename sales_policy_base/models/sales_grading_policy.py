# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, float_compare

from ..tools.rpc_args import public_arguments

GRADES = [("a", "A"), ("b", "B"), ("c", "C")]
SAMPLE_FEES = [("charged", "Charged"), ("waived", "Waived")]
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesGradingPolicy(models.Model):
    _name = "sales.grading.policy"
    _description = "Customer Grading Policy"
    _inherit = ["mail.thread"]
    _order = "company_id, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    window_months = fields.Integer(
        related="company_id.sales_grade_window_months",
        string="Trailing Window (Months)",
        help="Revenue and order frequency are counted over this many months "
        "before the grading date (a company setting).",
    )
    # weights (%): they add up to 100
    weight_revenue = fields.Float(
        string="Revenue Weight (%)", default=40.0, tracking=True
    )
    weight_frequency = fields.Float(
        string="Order Frequency Weight (%)", default=20.0, tracking=True
    )
    weight_intent = fields.Float(
        string="Purchase Intent Weight (%)", default=20.0, tracking=True
    )
    weight_ability = fields.Float(
        string="Purchase Ability Weight (%)", default=20.0, tracking=True
    )
    # full marks: the value that earns a criterion all its points
    revenue_full_marks = fields.Monetary(
        string="Revenue for Full Marks",
        currency_field="currency_id",
        default=100000.0,
        tracking=True,
        help="Untaxed revenue of confirmed orders over the window that earns the "
        "revenue criterion 100 points; less earns proportionally less.",
    )
    frequency_full_marks = fields.Integer(
        string="Orders for Full Marks",
        default=12,
        tracking=True,
        help="Number of confirmed orders over the window that earns the "
        "frequency criterion 100 points.",
    )
    a_threshold = fields.Float(
        string="Grade A From (Score)",
        default=70.0,
        tracking=True,
        help="A customer whose score reaches this value is graded A.",
    )
    b_threshold = fields.Float(
        string="Grade B From (Score)",
        default=40.0,
        tracking=True,
        help="A customer whose score reaches this value (but not the A "
        "threshold) is graded B; below it, C.",
    )
    # grade-driven follow-up: read by other modules through res.partner
    visit_interval_a = fields.Integer(string="Visit Every (Days), A", default=14)
    visit_interval_b = fields.Integer(string="Visit Every (Days), B", default=30)
    visit_interval_c = fields.Integer(string="Visit Every (Days), C", default=90)
    contract_template_a = fields.Char(string="Contract Template, A")
    contract_template_b = fields.Char(string="Contract Template, B")
    contract_template_c = fields.Char(string="Contract Template, C")
    sample_fee_a = fields.Selection(
        SAMPLE_FEES, string="Sample/Tooling Fee, A", default="waived", required=True
    )
    sample_fee_b = fields.Selection(
        SAMPLE_FEES, string="Sample/Tooling Fee, B", default="charged", required=True
    )
    sample_fee_c = fields.Selection(
        SAMPLE_FEES, string="Sample/Tooling Fee, C", default="charged", required=True
    )

    def init(self):
        # one active policy per company, also under concurrent edits
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_grading_policy_active_company_uniq "
                "ON sales_grading_policy (company_id) WHERE active"
            )
        )

    def _check_one_active_per_company(self, company_ids):
        """Refuse a second active policy in any of ``company_ids``.

        Called before the row is written: the partial unique index
        ``sales_grading_policy_active_company_uniq`` would otherwise refuse it
        with a database error instead of this explanation.
        """
        if not company_ids:
            return
        self.flush_model(["active", "company_id"])
        taken = self.sudo().search(
            [("company_id", "in", company_ids), ("id", "not in", self.ids)]
        )
        duplicates = {cid for cid in company_ids if company_ids.count(cid) > 1}
        companies = taken.company_id | self.env["res.company"].browse(duplicates)
        if companies:
            raise ValidationError(
                self.env._(
                    "A company has one active grading policy: %(companies)s already "
                    "has one. Archive it before activating another.",
                    companies=", ".join(companies.sudo().mapped("name")),
                )
            )

    @api.constrains(
        "weight_revenue", "weight_frequency", "weight_intent", "weight_ability"
    )
    def _check_weights(self):
        for policy in self:
            weights = policy._weights()
            if any(weight < 0 for weight in weights.values()) or float_compare(
                sum(weights.values()), 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "Grading policy %(policy)s: the criterion weights are "
                        "percentages of the score and must add up to 100 (now "
                        "%(total)s), none negative. Adjust the weights.",
                        policy=policy.name,
                        total=round(sum(weights.values()), 2),
                    )
                )

    @api.constrains(
        "a_threshold", "b_threshold", "revenue_full_marks", "frequency_full_marks"
    )
    def _check_thresholds(self):
        for policy in self:
            if not 0 < policy.b_threshold < policy.a_threshold <= 100:
                raise ValidationError(
                    self.env._(
                        "Grading policy %(policy)s: the score needed for grade A "
                        "(%(a)s) must be higher than the score needed for grade B "
                        "(%(b)s), both between 0 and 100.",
                        policy=policy.name,
                        a=policy.a_threshold,
                        b=policy.b_threshold,
                    )
                )
            if policy.revenue_full_marks <= 0 or policy.frequency_full_marks <= 0:
                raise ValidationError(
                    self.env._(
                        "Grading policy %(policy)s: the revenue and the number of "
                        "orders earning full marks must be positive.",
                        policy=policy.name,
                    )
                )

    @api.constrains("visit_interval_a", "visit_interval_b", "visit_interval_c")
    def _check_visit_intervals(self):
        for policy in self:
            if (
                min(
                    policy.visit_interval_a,
                    policy.visit_interval_b,
                    policy.visit_interval_c,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Grading policy %(policy)s: a visit interval cannot be "
                        "negative (0 means the company's default interval).",
                        policy=policy.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_one_active_per_company(
            [
                vals.get("company_id") or self.env.company.id
                for vals in vals_list
                if vals.get("active", True)
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("active") or ("company_id" in vals and vals.get("active", True)):
            targets = self if vals.get("active") else self.filtered("active")
            targets._check_one_active_per_company(
                [vals.get("company_id") or policy.company_id.id for policy in targets]
            )
        return super().write(vals)

    @public_arguments(one=True)
    def action_regrade(self):
        """Re-grade every customer of the policy's company now."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only sales managers re-grade customers. Ask your manager to "
                    "run the re-grading."
                )
            )
        changed = (
            self.env["res.partner"]
            .with_company(self.company_id)
            ._sales_regrade(companies=self.company_id, source="manual")
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Customers re-graded: %(count)s changed grade.", count=len(changed)
                ),
            },
        }

    def _weights(self):
        self.ensure_one()
        return {
            "revenue": self.weight_revenue,
            "frequency": self.weight_frequency,
            "intent": self.weight_intent,
            "ability": self.weight_ability,
        }

    def _full_marks(self):
        self.ensure_one()
        return {
            "revenue": self.revenue_full_marks,
            "frequency": self.frequency_full_marks,
            "intent": 100.0,
            "ability": 100.0,
        }

    def _grade_terms(self, grade):
        """Follow-up terms of ``grade``: visit interval, contract template, fee."""
        self.ensure_one()
        if grade not in ("a", "b", "c"):
            return {
                "visit_interval_days": 0,
                "contract_template": False,
                "sample_fee": False,
            }
        return {
            "visit_interval_days": self[f"visit_interval_{grade}"],
            "contract_template": self[f"contract_template_{grade}"],
            "sample_fee": self[f"sample_fee_{grade}"],
        }

    @api.model
    def _get_company_policies(self, companies=None):
        """``{company_id: policy}`` of the active policies of ``companies``
        (default: all companies)."""
        domain = [("company_id", "in", companies.ids)] if companies else []
        policies = self.sudo().search(domain)
        return {policy.company_id.id: policy for policy in policies}
