# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COMPETITOR_GROUP = "sales_policy_base.group_sales_policy_user"


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    competitor_price_id = fields.Many2one(
        "sales.competitor.price",
        string="Latest Competitor Observation",
        compute="_compute_competitor_price",
        groups=COMPETITOR_GROUP,
    )
    competitor_price = fields.Float(
        compute="_compute_competitor_price",
        digits="Product Price",
        groups=COMPETITOR_GROUP,
        help="The latest price observed from a competitor for this product, "
        "in the company currency.",
    )
    competitor_price_name = fields.Char(
        string="Competitor",
        compute="_compute_competitor_price",
        groups=COMPETITOR_GROUP,
    )
    competitor_price_date = fields.Date(
        compute="_compute_competitor_price",
        groups=COMPETITOR_GROUP,
    )

    @api.depends("product_id", "company_id")
    def _compute_competitor_price(self):
        # one query for all the lines (the form loads every line at once)
        latest = self.env["sales.competitor.price"]._latest_by_product(
            self.product_id, self.company_id
        )
        for line in self:
            found = latest.get((line.company_id.id, line.product_id.id))
            if found:
                observation_id, price, date, name = found
                line.competitor_price_id = observation_id
                line.competitor_price = price
                line.competitor_price_date = date
                line.competitor_price_name = name
            else:
                line.competitor_price_id = False
                line.competitor_price = 0.0
                line.competitor_price_date = False
                line.competitor_price_name = False
