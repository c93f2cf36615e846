# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


def parse_followup_days(text):
    """Return the sorted positive day counts of a "30, 90" style list.

    Raise ``ValueError`` when an item is not a positive whole number.
    """
    days = set()
    for item in (text or "").replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        value = int(item)
        if value <= 0:
            raise ValueError(item)
        days.add(value)
    return sorted(days)


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_qualification_warning_days = fields.Integer(
        string="Qualification Expiry Warning (Days)",
        default=90,
        help="A certificate this close to its expiry date becomes 'Expiring' "
        "and its custodian gets a renewal task.",
    )
    sales_qualification_final_warning_days = fields.Integer(
        string="Qualification Final Warning (Days)",
        default=30,
        help="A second, urgent renewal task is scheduled this close to the "
        "expiry date.",
    )
    sales_qualification_min_validity_days = fields.Integer(
        string="Minimum Remaining Validity to Sell (Days)",
        default=90,
        help="A product relying on a qualification cannot be sold when the "
        "qualification expires in fewer days (products may override this).",
    )
    sales_qualification_followup_days = fields.Char(
        string="After-Sales Follow-up (Days)",
        default="30,90",
        help="Comma-separated days after confirmation at which the salesperson "
        "follows up with the customer, e.g. 30,90.",
    )

    sales_qualification_emergency_team_ids = fields.Many2many(
        "res.users",
        "res_company_sales_qualification_emergency_team_rel",
        "company_id",
        "user_id",
        string="Emergency Team",
        help="Alerted at once (activity and email) when an emergency case opens "
        "or its severity rises; the senior managers when empty.",
    )
    sales_qualification_serious_response_hours = fields.Integer(
        string="Response Deadline, Serious Emergency (Hours)", default=24
    )
    sales_qualification_critical_response_hours = fields.Integer(
        string="Response Deadline, Critical Emergency (Hours)", default=2
    )
    sales_qualification_induction_days = fields.Float(
        string="Induction Training (Days)",
        default=3.0,
        help="Training days a new salesperson needs in the induction period.",
    )
    sales_qualification_induction_period_days = fields.Integer(
        string="Induction Period (Days)",
        default=90,
        help="A salesperson is new staff this many days after their account was "
        "created.",
    )

    @api.constrains(
        "sales_qualification_serious_response_hours",
        "sales_qualification_critical_response_hours",
        "sales_qualification_induction_days",
        "sales_qualification_induction_period_days",
    )
    def _check_sales_qualification_response_settings(self):
        for company in self:
            if (
                min(
                    company.sales_qualification_serious_response_hours,
                    company.sales_qualification_critical_response_hours,
                )
                <= 0
                or company.sales_qualification_induction_days < 0
                or company.sales_qualification_induction_period_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: emergency response deadlines are positive "
                        "hours; induction days cannot be negative.",
                        company=company.name,
                    )
                )

    @api.constrains(
        "sales_qualification_warning_days",
        "sales_qualification_final_warning_days",
        "sales_qualification_min_validity_days",
        "sales_qualification_followup_days",
    )
    def _check_sales_qualification_settings(self):
        for company in self:
            if (
                company.sales_qualification_warning_days < 0
                or company.sales_qualification_final_warning_days < 0
                or company.sales_qualification_min_validity_days < 0
                or company.sales_qualification_final_warning_days
                > company.sales_qualification_warning_days
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: qualification day counts cannot be negative "
                        "and the final expiry warning cannot come before the "
                        "first one.",
                        company=company.name,
                    )
                )
            try:
                parse_followup_days(company.sales_qualification_followup_days)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "%(company)s: after-sales follow-up days must be positive "
                        "whole numbers separated by commas, e.g. 30,90 (got "
                        "%(value)s).",
                        company=company.name,
                        value=company.sales_qualification_followup_days,
                    )
                ) from error

    def _sales_qualification_followup_days(self):
        self.ensure_one()
        return parse_followup_days(self.sales_qualification_followup_days)
