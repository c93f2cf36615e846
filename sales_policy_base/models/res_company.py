# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_policy_document = fields.Char(
        help="Title of the company's written sales-management policy "
        "that this suite enforces.",
    )
    sales_policy_version = fields.Char()
    sales_policy_effective_date = fields.Date()
    sales_policy_owner_id = fields.Many2one(
        "res.users",
        help="Person accountable for the written policy and its register of clauses.",
    )
    sales_policy_large_bid_amount = fields.Monetary(
        string="Large Bid Threshold",
        currency_field="currency_id",
        default=100000.0,
        help="Untaxed amount from which a quotation needs a senior manager's "
        "approval (rules marked 'Amount Over Company Threshold').",
    )
    sales_policy_approval_reminder_days = fields.Integer(
        string="Approval Reminder After (Days)",
        default=3,
        help="Approvers are reminded of requests pending longer than this; 0: never.",
    )
    sales_policy_allow_self_approval = fields.Boolean(
        string="Allow Approving One's Own Requests",
        help="When off, an approver cannot decide a request they made themselves.",
    )
    sales_policy_discount_limit_user = fields.Float(
        string="Salesperson Discount Limit (%)", default=10.0
    )
    sales_policy_discount_limit_manager = fields.Float(
        string="Sales Manager Discount Limit (%)", default=20.0
    )
    sales_policy_discount_limit_senior = fields.Float(
        string="Senior Manager Discount Limit (%)", default=100.0
    )

    sales_grade_window_months = fields.Integer(
        string="Grading Window (Months)",
        default=12,
        help="Customer grading counts revenue and confirmed orders over this "
        "many months before the grading date.",
    )

    @api.constrains("sales_grade_window_months")
    def _check_sales_grade_window_months(self):
        for company in self:
            if not 1 <= company.sales_grade_window_months <= 120:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the grading window is a number of months "
                        "between 1 and 120.",
                        company=company.name,
                    )
                )

    @api.constrains("sales_policy_owner_id")
    def _check_sales_policy_owner_company(self):
        for company in self.filtered("sales_policy_owner_id"):
            if company not in company.sales_policy_owner_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "The sales policy owner %(user)s has no access to %(company)s. "
                        "Choose a user of that company.",
                        user=company.sales_policy_owner_id.name,
                        company=company.name,
                    )
                )

    @api.constrains(
        "sales_policy_large_bid_amount",
        "sales_policy_approval_reminder_days",
        "sales_policy_discount_limit_user",
        "sales_policy_discount_limit_manager",
        "sales_policy_discount_limit_senior",
    )
    def _check_sales_policy_approval_settings(self):
        for company in self:
            if (
                company.sales_policy_large_bid_amount < 0
                or company.sales_policy_approval_reminder_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: the large bid threshold and the reminder "
                        "delay cannot be negative.",
                        company=company.name,
                    )
                )
            limits = [
                company.sales_policy_discount_limit_user,
                company.sales_policy_discount_limit_manager,
                company.sales_policy_discount_limit_senior,
            ]
            if any(limit < 0 or limit > 100 for limit in limits) or limits != sorted(
                limits
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: discount limits are percentages between 0 "
                        "and 100 that do not decrease with seniority (salesperson "
                        "<= sales manager <= senior manager).",
                        company=company.name,
                    )
                )

    def _sales_policy_discount_limit(self, user):
        """Highest discount (%) ``user`` may grant in this company."""
        self.ensure_one()
        if user._is_superuser() or user.has_group(
            "sales_policy_base.group_sales_policy_admin"
        ):
            return 100.0
        if user.has_group("sales_policy_base.group_sales_policy_senior_manager"):
            return self.sales_policy_discount_limit_senior
        if user.has_group("sales_policy_base.group_sales_policy_manager"):
            return self.sales_policy_discount_limit_manager
        return self.sales_policy_discount_limit_user
