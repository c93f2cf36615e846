# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

#: line fields whose change re-opens the order's review
APPROVAL_LINE_FIELDS = {
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_unit",
    "discount",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    sales_policy_floor_price = fields.Monetary(
        string="Price Floor",
        compute="_compute_sales_policy_floor",
        help="Lowest net unit price allowed without approval: the minimum "
        "ex-factory price, or the distributor minimum price for distributors.",
    )
    sales_policy_below_floor = fields.Boolean(
        string="Below Floor", compute="_compute_sales_policy_floor"
    )
    sales_policy_floor_state = fields.Selection(
        [("none", "No Floor"), ("ok", "At or Above Floor"), ("below", "Below Floor")],
        string="Floor Check",
        compute="_compute_sales_policy_floor",
    )

    @api.depends(
        "product_id",
        "product_uom",
        "price_unit",
        "discount",
        "order_id.partner_id",
        "order_id.pricelist_id",
        "order_id.currency_id",
        "order_id.date_order",
    )
    def _compute_sales_policy_floor(self):
        for line in self:
            floor = line._sales_policy_floor()
            net = line.price_unit * (1.0 - (line.discount or 0.0) / 100.0)
            below = (
                bool(floor)
                and float_compare(
                    net, floor, precision_rounding=line.currency_id.rounding or 0.01
                )
                < 0
            )
            line.sales_policy_floor_price = floor
            line.sales_policy_below_floor = below
            line.sales_policy_floor_state = (
                "below" if below else ("ok" if floor else "none")
            )

    def _sales_policy_floor(self):
        """Unit price floor of the line, in the order currency and line UoM."""
        self.ensure_one()
        product = self.product_id
        if not product or self.display_type:
            return 0.0
        order = self.order_id
        distributor = (
            order.partner_id.commercial_partner_id.sales_policy_is_distributor
            or order.pricelist_id.sales_policy_distributor
        )
        floor = product._get_sales_policy_floor(distributor=distributor)
        if not floor:
            return 0.0
        if self.product_uom and self.product_uom != product.uom_id:
            floor = product.uom_id._compute_price(floor, self.product_uom)
        company = order.company_id or self.env.company
        currency = order.currency_id or company.currency_id
        if currency != company.currency_id:
            floor = company.currency_id._convert(
                floor,
                currency,
                company,
                order.date_order or fields.Date.context_today(self),
            )
        return floor

    @api.constrains("discount")
    def _check_sales_policy_discount_limit(self):
        if self.env.su:
            return
        user = self.env.user
        for line in self:
            company = line.order_id.company_id or self.env.company
            limit = company._sales_policy_discount_limit(user)
            if float_compare(line.discount, limit, precision_digits=2) > 0:
                raise ValidationError(
                    self.env._(
                        "A discount of %(discount)s%% on %(product)s is above your "
                        "limit of %(limit)s%% (sales policy: discount limits per "
                        "role). Lower the discount or ask a manager to set it.",
                        discount=line.discount,
                        product=line.product_id.display_name or line.name,
                        limit=limit,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._approval_refresh()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if not APPROVAL_LINE_FIELDS.isdisjoint(vals):
            self.order_id._approval_refresh()
        return res

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        orders.exists()._approval_refresh()
        return res
