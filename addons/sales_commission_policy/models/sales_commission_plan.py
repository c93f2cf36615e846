# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

COMMISSION_BASES = [
    ("invoiced", "Invoiced Revenue"),
    ("collected", "Collected Revenue"),
    ("margin", "Margin"),
]

# single-letter labels are skipped by Odoo's term export (untranslatable)
COMMISSION_GRADES = [("a", "Grade A"), ("b", "Grade B"), ("c", "Grade C")]


class SalesCommissionPlan(models.Model):
    """What a company pays commission on, at which rates, during which dates.

    Scope: the company and, optionally, one sales team. Two active plans of
    the same scope may not overlap in time, so a revenue line always finds one
    plan (a team's own plan first, then the company-wide one).
    """

    _name = "sales.commission.plan"
    _description = "Commission Plan"
    _inherit = ["mail.thread"]
    _order = "company_id, date_from desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        check_company=True,
        tracking=True,
        help="Leave empty for the company-wide plan; a team's plan applies to "
        "invoices of that team.",
    )
    date_from = fields.Date(
        string="Valid From", required=True, default=fields.Date.today, tracking=True
    )
    date_to = fields.Date(string="Valid Until", tracking=True)
    base = fields.Selection(
        COMMISSION_BASES,
        required=True,
        default="invoiced",
        tracking=True,
        help="Invoiced: earned when the invoice is posted. Collected: earned "
        "pro rata as payments are reconciled with the invoice (unpaid sales "
        "earn nothing). Margin: invoiced revenue minus product cost.",
    )
    hold_overdue = fields.Boolean(
        string="Hold Overdue Invoices",
        default=True,
        tracking=True,
        help="Invoiced and margin bases: commission of an invoice that is past "
        "its due date at the end of the settled period and not fully paid is "
        "left out of the settlement; it stays open and is settled in the "
        "period after the invoice is paid (policy clause SP-COM-09).",
    )
    rule_ids = fields.One2many("sales.commission.rule", "plan_id", string="Rates")
    tier_ids = fields.One2many(
        "sales.commission.tier", "plan_id", string="Achievement Tiers"
    )
    target_ids = fields.One2many(
        "sales.commission.target", "plan_id", string="Monthly Targets"
    )

    @api.constrains("company_id", "team_id", "date_from", "date_to", "active")
    def _check_no_overlap(self):
        for plan in self.filtered(lambda p: p.date_to and p.date_to < p.date_from):
            raise ValidationError(
                self.env._(
                    "Commission plan %(plan)s ends before it starts. Set a "
                    "'Valid Until' date after 'Valid From'.",
                    plan=plan.name,
                )
            )
        others = self.search(
            [
                ("company_id", "in", self.company_id.ids),
                ("id", "not in", self.ids),
            ]
        )
        active = self.filtered("active")
        for plan in active:
            for other in (others | active) - plan:
                if other.team_id != plan.team_id or other.company_id != plan.company_id:
                    continue
                if plan._overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "Commission plans %(plan)s and %(other)s cover the "
                            "same scope (%(scope)s) on overlapping dates: a sale "
                            "would earn twice (policy clause SP-COM-01). End "
                            "one plan before the other starts.",
                            plan=plan.name,
                            other=other.name,
                            scope=plan.team_id.name or plan.company_id.name,
                        )
                    )

    def _overlaps(self, other):
        self.ensure_one()
        self_end = self.date_to or fields.Date.to_date("9999-12-31")
        other_end = other.date_to or fields.Date.to_date("9999-12-31")
        return self.date_from <= other_end and other.date_from <= self_end

    def _tiers_for_target(self, target_amount):
        """Tiers as ``(threshold amount, extra rate)`` for commission_math."""
        self.ensure_one()
        if not self.tier_ids or not target_amount:
            return []
        return [
            (target_amount * tier.threshold / 100.0, tier.rate)
            for tier in self.tier_ids
        ]

    @public_arguments
    def action_generate_lines(self):
        """Generate the missing commission lines of the plans' companies.

        Callable over RPC like every public method: the group is checked
        here, before anything is read.
        """
        Line = self.env["sales.commission.line"]
        Line._check_generation_access()
        Line._generate(companies=self.company_id)
        return True
