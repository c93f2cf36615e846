# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .sales_commission_plan import COMMISSION_GRADES


class SalesCommissionRule(models.Model):
    """A commission rate; the most specific matching rule of a plan wins.

    Specificity: product, then product category (closest first), then customer
    grade; a rule with no criterion is the plan's default rate.
    """

    _name = "sales.commission.rule"
    _description = "Commission Rate Rule"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "sales.commission.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    sales_grade = fields.Selection(
        COMMISSION_GRADES,
        string="Customer Grade",
        help="Grade of the customer (commercial partner); empty for any grade.",
    )
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Applies to products of this category and its subcategories.",
    )
    product_id = fields.Many2one("product.product")
    rate = fields.Float(
        string="Rate (%)", digits=(16, 4), required=True, help="Between 0 and 100."
    )

    _sql_constraints = [
        (
            "criteria_unique",
            "UNIQUE NULLS NOT DISTINCT (plan_id, sales_grade, product_categ_id, "
            "product_id)",
            "A plan has one rate per combination of grade, category and product.",
        ),
    ]

    @api.constrains("rate")
    def _check_rate(self):
        for rule in self:
            if not 0 <= rule.rate <= 100:
                raise ValidationError(
                    self.env._(
                        "The commission rate %(rate)s %% of plan %(plan)s is "
                        "outside 0-100 %% (policy clause SP-COM-02). Enter a "
                        "percentage between 0 and 100.",
                        rate=rule.rate,
                        plan=rule.plan_id.name,
                    )
                )
