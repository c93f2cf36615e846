# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.floor_math import pick_floor
from .product_template import check_floor_tiers


class ProductProduct(models.Model):
    _inherit = "product.product"

    sales_policy_variant_market_price = fields.Float(
        string="Variant Market Price",
        digits="Product Price",
        help="Overrides the product's market price for this variant; 0: the product's.",
    )
    sales_policy_variant_min_price = fields.Float(
        string="Variant Minimum Ex-Factory Price",
        digits="Product Price",
        help="Overrides the product's minimum ex-factory price; 0: the product's.",
    )
    sales_policy_variant_distributor_min_price = fields.Float(
        string="Variant Distributor Minimum Price",
        digits="Product Price",
        help="Overrides the product's distributor minimum price; 0: the product's.",
    )

    @api.constrains(
        "sales_policy_variant_market_price",
        "sales_policy_variant_min_price",
        "sales_policy_variant_distributor_min_price",
    )
    def _check_sales_policy_variant_floors(self):
        for product in self:
            tiers = product._get_sales_policy_tiers()
            if check_floor_tiers(
                tiers["market"], tiers["minimum"], tiers["distributor"]
            ):
                raise ValidationError(
                    self.env._(
                        "%(product)s: price tiers must be positive and ordered "
                        "market price >= minimum ex-factory price >= distributor "
                        "minimum price (0 leaves a tier out).",
                        product=product.display_name,
                    )
                )

    def _get_sales_policy_tiers(self):
        """The three tiers of the variant (its own value, else the product's)."""
        self.ensure_one()
        tmpl = self.product_tmpl_id
        return {
            "market": self.sales_policy_variant_market_price
            or tmpl.sales_policy_market_price,
            "minimum": self.sales_policy_variant_min_price
            or tmpl.sales_policy_min_price,
            "distributor": self.sales_policy_variant_distributor_min_price
            or tmpl.sales_policy_distributor_min_price,
        }

    def _get_sales_policy_floor(self, distributor=False):
        """Unit price floor in the company currency (0: no floor).

        Distributors have the distributor minimum price when set, else the
        minimum ex-factory price.
        """
        self.ensure_one()
        tmpl = self.product_tmpl_id
        return pick_floor(
            self.sales_policy_variant_min_price,
            self.sales_policy_variant_distributor_min_price,
            tmpl.sales_policy_min_price,
            tmpl.sales_policy_distributor_min_price,
            distributor,
        )
