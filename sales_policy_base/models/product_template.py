# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


def check_floor_tiers(market, minimum, distributor):
    """Return an error key when the three price tiers are inconsistent (pure).

    0 means "not set". Set tiers must be non-negative and ordered:
    market price >= minimum ex-factory price >= distributor minimum price.
    """
    if min(market, minimum, distributor) < 0:
        return "negative"
    ordered = [p for p in (market, minimum, distributor) if p]
    if ordered != sorted(ordered, reverse=True):
        return "reversed"
    return False


class ProductTemplate(models.Model):
    _inherit = "product.template"

    sales_policy_market_price = fields.Float(
        string="Market Price",
        digits="Product Price",
        help="Market quote price of the product (company currency).",
    )
    sales_policy_min_price = fields.Float(
        string="Minimum Ex-Factory Price",
        digits="Product Price",
        help="Nobody quotes below this unit price without approval; 0: no floor.",
    )
    sales_policy_distributor_min_price = fields.Float(
        string="Distributor Minimum Price",
        digits="Product Price",
        help="Floor for distributors; 0: the minimum ex-factory price applies.",
    )

    @api.constrains(
        "sales_policy_market_price",
        "sales_policy_min_price",
        "sales_policy_distributor_min_price",
    )
    def _check_sales_policy_floors(self):
        for template in self:
            error = check_floor_tiers(
                template.sales_policy_market_price,
                template.sales_policy_min_price,
                template.sales_policy_distributor_min_price,
            )
            if error:
                raise ValidationError(
                    self.env._(
                        "%(product)s: price tiers must be positive and ordered "
                        "market price >= minimum ex-factory price >= distributor "
                        "minimum price (0 leaves a tier out).",
                        product=template.display_name,
                    )
                )
