# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    sales_policy_distributor = fields.Boolean(
        string="Distributor Pricelist",
        help="Quotations on this pricelist use the distributor minimum price "
        "as their floor.",
    )
