# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .sales_interest_terms import (
    INTEREST_TERM_FIELDS,
    check_interest_terms,
    interest_term_fields,
)

#: the shipped reminder ladder, copied to companies that have none
DEFAULT_REMINDER_LEVELS = (
    "sales_receivables.reminder_level_before_due",
    "sales_receivables.reminder_level_overdue_email",
    "sales_receivables.reminder_level_overdue_visit",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # overdue interest defaults (sales_interest_terms.py)
    (
        sales_interest_rate,
        sales_interest_basis,
        sales_interest_grace_days,
    ) = interest_term_fields(default_basis="annual")

    sales_collection_target_percent = fields.Float(
        string="Collection Target (%)",
        default=98.0,
        help="Share of the monthly collection plan the company must collect.",
    )
    sales_escalation_days = fields.Integer(
        string="Escalate After Overdue Days",
        default=90,
        help="Customers with an invoice overdue longer than this move to "
        "'Escalated' and their sales manager is notified.",
    )
    sales_aging_buckets = fields.Char(
        string="Aging Buckets (Days)",
        default="30,60,90",
        help="Comma-separated upper bounds of the aged receivables buckets, "
        "in days overdue, ascending, e.g. 30,60,90.",
    )

    sales_credit_watch_amount = fields.Monetary(
        string="Watch Rating: Approval Above",
        currency_field="currency_id",
        default=10000.0,
        help="A quotation of a customer rated Watch whose untaxed amount (in "
        "the company currency) is above this amount needs a credit-hold "
        "approval; 0 holds every quotation of such a customer. Below it, the "
        "quotation only shows a warning.",
    )

    sales_reminder_finance_user_id = fields.Many2one(
        "res.users",
        string="Finance Contact for Reminders",
        help="Responsible for the reminder levels done by finance; without "
        "one, the owning salesperson is.",
    )

    @api.constrains(
        "sales_collection_target_percent",
        "sales_escalation_days",
        "sales_credit_watch_amount",
    )
    def _check_sales_receivables_settings(self):
        for company in self:
            if company.sales_credit_watch_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The watch-rating approval amount of %(company)s cannot "
                        "be negative. Enter 0 to hold every quotation of a "
                        "customer rated Watch.",
                        company=company.name,
                    )
                )
            if not 0 < company.sales_collection_target_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The collection target of %(company)s must be between 0 and "
                        "100 %%. Enter a percentage such as 98.",
                        company=company.name,
                    )
                )
            if company.sales_escalation_days < 1:
                raise ValidationError(
                    self.env._(
                        "The escalation delay of %(company)s must be at least one "
                        "day overdue.",
                        company=company.name,
                    )
                )

    @api.constrains("sales_aging_buckets")
    def _check_sales_aging_buckets(self):
        for company in self:
            company._sales_aging_bucket_bounds()

    def _sales_aging_bucket_bounds(self):
        """Ascending positive day bounds parsed from ``sales_aging_buckets``."""
        self.ensure_one()
        text = (self.sales_aging_buckets or "").replace(" ", "")
        try:
            bounds = [int(part) for part in text.split(",") if part]
        except ValueError:
            bounds = None
        if not bounds or any(b <= 0 for b in bounds) or bounds != sorted(set(bounds)):
            raise ValidationError(
                self.env._(
                    "The aging buckets %(buckets)s of %(company)s are not valid: "
                    "enter ascending whole numbers of days separated by commas, "
                    "e.g. 30,60,90.",
                    buckets=self.sales_aging_buckets or "",
                    company=self.name,
                )
            )
        return bounds

    @api.constrains(*INTEREST_TERM_FIELDS)
    def _check_sales_interest_terms(self):
        check_interest_terms(self)

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._sales_ensure_reminder_levels()
        return companies

    def _sales_ensure_reminder_levels(self):
        """Give each company without reminder levels the shipped ladder.

        The levels are copies of the shipped ones (as the main company has
        them now, archived ones left out): a company added later has
        reminders from its first overdue invoice, and edits its own copy.
        """
        Level = self.env["sales.reminder.level"].sudo().with_context(active_test=False)
        shipped = Level.browse(
            level.id
            for xmlid in DEFAULT_REMINDER_LEVELS
            if (level := self.env.ref(xmlid, raise_if_not_found=False))
        ).filtered("active")
        if not shipped:
            return
        has_levels = set(Level.search([("company_id", "in", self.ids)]).company_id.ids)
        for company in self.filtered(lambda c: c.id not in has_levels):
            for level in shipped:
                level.copy({"company_id": company.id})
