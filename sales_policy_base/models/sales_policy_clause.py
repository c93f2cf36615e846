# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

AREAS = [
    ("general", "General"),
    ("approval", "Approvals"),
    ("pricing", "Pricing and Discounts"),
    ("grading", "Customer Grading"),
    ("development", "Customer Development"),
    ("receivables", "Receivables and Credit"),
    ("qualification", "Qualifications"),
    ("commission", "Commissions"),
    ("showroom", "Showroom Floor"),
]

ENFORCEMENTS = [
    ("constraint", "Model Constraint"),
    ("approval_rule", "Approval Rule"),
    ("access_rule", "Access or Record Rule"),
    ("scheduled", "Scheduled Action"),
    ("report", "Report"),
    ("manual", "Manual Procedure"),
]


class SalesPolicyClause(models.Model):
    _name = "sales.policy.clause"
    _description = "Sales Policy Clause"
    _inherit = ["mail.thread"]
    _order = "area, sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(
        required=True,
        tracking=True,
        help="Unique reference of the clause, e.g. SP-APP-01.",
    )
    name = fields.Char(string="Title", required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    description = fields.Html(
        string="Clause Text",
        translate=True,
        help="The wording of the clause as written in the policy document.",
    )
    source_document = fields.Char(
        tracking=True,
        help="Policy document (and section) the clause comes from.",
    )
    area = fields.Selection(AREAS, required=True, default="general", tracking=True)
    enforcement = fields.Selection(
        ENFORCEMENTS,
        string="Enforced By",
        required=True,
        default="manual",
        tracking=True,
    )
    model_id = fields.Many2one(
        "ir.model",
        string="Enforced On",
        ondelete="set null",
        help="Model whose records the clause constrains.",
    )
    model_name = fields.Char(related="model_id.model", string="Model Name")
    enforcement_ref = fields.Char(
        string="Enforcement Reference",
        tracking=True,
        help="Where exactly the clause is enforced: a method, rule, "
        "scheduled action or report.",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty for a clause shared by every company.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            # NULLS NOT DISTINCT (PostgreSQL 15+): a shared clause (no company)
            # has a unique code too.
            "UNIQUE NULLS NOT DISTINCT (code, company_id)",
            "A policy clause with this code already exists for this company. "
            "Clause codes must be unique: choose another code.",
        ),
    ]

    @api.constrains("code")
    def _check_code(self):
        for clause in self:
            code = clause.code or ""
            if not code.strip() or code != code.strip() or " " in code:
                raise ValidationError(
                    self.env._(
                        "The clause code %(code)r must be a single word without "
                        "spaces, e.g. SP-APP-01.",
                        code=code,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for clause in self:
            clause.display_name = (
                f"[{clause.code}] {clause.name}" if clause.code else clause.name
            )
