# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_dev_visit_interval_days = fields.Integer(
        string="Default Visit Interval (days)",
        default=30,
        help="A customer not visited within this many days is flagged as overdue "
        "and its salesperson gets an activity. Customer grading may set a "
        "shorter or longer interval per grade.",
    )
    sales_dev_inactive_days = fields.Integer(
        string="Inactive Customer After (days)",
        default=180,
        help="A customer without a confirmed order for this many days counts as "
        "inactive and may be given a recovery plan. Must be longer than the "
        "visit interval.",
    )
    sales_dev_target_new_customers = fields.Integer(
        string="Target New Customers per Month",
        default=1,
    )
    sales_dev_target_conversion = fields.Float(
        string="Target Conversion Rate (%)",
        default=10.0,
        help="Customers won / prospects contacted in a month, in percent.",
    )
    sales_dev_target_revenue = fields.Monetary(
        string="Target Monthly Revenue",
        currency_field="currency_id",
        help="Untaxed revenue of the rep's confirmed orders in a month; "
        "0 disables this target.",
    )
    sales_dev_improvement_months = fields.Integer(
        string="Months Under Target Before Improvement Plan",
        default=3,
    )

    @api.constrains("sales_dev_visit_interval_days", "sales_dev_inactive_days")
    def _check_sales_dev_intervals(self):
        for company in self:
            if company.sales_dev_visit_interval_days < 1:
                raise ValidationError(
                    self.env._(
                        "The visit interval of %(company)s must be at least one day "
                        "(customer development policy). Enter a positive number of "
                        "days.",
                        company=company.name,
                    )
                )
            if company.sales_dev_inactive_days <= company.sales_dev_visit_interval_days:
                raise ValidationError(
                    self.env._(
                        "Thresholds out of order for %(company)s: a customer becomes "
                        "inactive after %(inactive)s days, which must be longer than "
                        "the visit interval of %(interval)s days. Raise the inactivity "
                        "threshold or shorten the visit interval.",
                        company=company.name,
                        inactive=company.sales_dev_inactive_days,
                        interval=company.sales_dev_visit_interval_days,
                    )
                )

    @api.constrains(
        "sales_dev_target_new_customers",
        "sales_dev_target_conversion",
        "sales_dev_target_revenue",
        "sales_dev_improvement_months",
    )
    def _check_sales_dev_targets(self):
        for company in self:
            if (
                company.sales_dev_target_new_customers < 0
                or company.sales_dev_target_revenue < 0
                or not 0 <= company.sales_dev_target_conversion <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The KPI targets of %(company)s are invalid: targets cannot be "
                        "negative and the conversion rate target must lie between 0 "
                        "and 100%%. Correct the targets.",
                        company=company.name,
                    )
                )
            if not 1 <= company.sales_dev_improvement_months <= 24:
                raise ValidationError(
                    self.env._(
                        "The number of months under target before an improvement "
                        "plan must be between 1 and 24 (it is %(months)s for "
                        "%(company)s).",
                        months=company.sales_dev_improvement_months,
                        company=company.name,
                    )
                )
