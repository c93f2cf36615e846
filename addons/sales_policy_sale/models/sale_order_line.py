# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round

from odoo.addons.sales_policy_base.tools.floor_math import pick_floor

from ..tools.floor_math import effective_discount, judge_lines
from .sale_order import CONFIRMED_STATES

#: line fields that change a price, the order's discount or a floor
PRICING_FIELDS = {
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_unit",
    "discount",
    "display_type",
    "is_downpayment",
    "order_id",
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
        string="Below Floor",
        compute="_compute_sales_policy_floor",
        help="The net unit price, after the line's discount and its share of "
        "the order's discount lines, is below the floor.",
    )
    sales_policy_floor_state = fields.Selection(
        [("none", "No Floor"), ("ok", "At or Above Floor"), ("below", "Below Floor")],
        string="Floor Check",
        compute="_compute_sales_policy_floor",
    )

    # (the order's other lines are read too, but not declared: depending on
    # "order_id.order_line.*" makes a form's onchange recompute the badge from
    # the blank line it starts from, hiding the change; the saved form shows
    # the badge with every discount line)
    @api.depends(
        "product_id",
        "product_uom",
        "product_uom_qty",
        "price_unit",
        "discount",
        "display_type",
        "is_downpayment",
        "order_id.partner_id",
        "order_id.pricelist_id",
        "order_id.currency_id",
        "order_id.date_order",
    )
    def _compute_sales_policy_floor(self):
        # a line is judged with the whole order: its discount lines lower the
        # net price of every line (see tools/floor_math.py, also used by the
        # order's gate)
        verdicts, floors = {}, {}
        for order, lines in self.grouped("order_id").items():
            priced = (order.order_line | lines)._sales_policy_priced()
            currency = order.currency_id or order.company_id.currency_id
            rounding = currency.rounding or 0.01
            tuples = priced._sales_policy_floor_tuples()
            floors.update((key, floor) for key, _p, _d, _q, floor in tuples)
            verdicts.update(judge_lines(tuples, rounding))
        for line in self:
            floor = floors.get(line.id, 0.0)
            below = verdicts.get(line.id, (0.0, False))[1]
            line.sales_policy_floor_price = floor
            line.sales_policy_below_floor = below
            line.sales_policy_floor_state = (
                "below" if below else ("ok" if floor else "none")
            )

    def _sales_policy_priced(self):
        """The lines with a price: neither sections, notes nor down payments."""
        return self.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _sales_policy_floor_tuples(self, floors=True):
        """The lines as ``tools/floor_math.py`` reads them (without floors:
        0, for the discount alone)."""
        return [
            (
                line.id,
                line.price_unit,
                line.discount,
                line.product_uom_qty,
                line._sales_policy_floor() if floors else 0.0,
            )
            for line in self
        ]

    def _sales_policy_floor(self):
        """Unit price floor of the line, in the order currency and line UoM."""
        self.ensure_one()
        product = self.product_id
        if not product or self.display_type or self.is_downpayment:
            return 0.0
        order = self.order_id
        tmpl = product.product_tmpl_id
        floor = pick_floor(
            product.sales_policy_variant_min_price,
            product.sales_policy_variant_distributor_min_price,
            tmpl.sales_policy_min_price,
            tmpl.sales_policy_distributor_min_price,
            order.partner_id.commercial_partner_id.sales_policy_is_distributor
            or order.pricelist_id.sales_policy_distributor,
        )
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
            if line._sales_policy_reviewed_edit():
                continue  # judged by the pricing guard, through the door
            limit = company._sales_policy_discount_limit(user)
            if float_compare(line.discount, limit, precision_digits=2) > 0:
                raise ValidationError(line._sales_policy_discount_refusal(limit))

    def _sales_policy_reviewed_edit(self):
        """Whether an edit of the line is reviewed rather than refused: a
        confirmed order of a company in the review mode (see
        ``sale.order._sales_policy_confirmed_edit_breach``)."""
        self.ensure_one()
        order = self.order_id
        company = order.company_id or self.env.company
        return (
            order.state in CONFIRMED_STATES
            and company.sales_policy_confirmed_edit_mode == "review"
        )

    def _sales_policy_discount_refusal(self, limit):
        self.ensure_one()
        return self.env._(
            "A discount of %(discount)s%% on %(product)s is above your "
            "limit of %(limit)s%% (sales policy: discount limits per "
            "role). Lower the discount or ask a manager to set it.",
            discount=self.discount,
            product=self.product_id.display_name or self.name,
            limit=limit,
        )

    # --- edits within the policy --------------------------------------------------
    @api.model
    def _sales_policy_pricing_state(self, orders):
        """{order id: (effective discount, {line id: (net, below)} or None)}.

        The floors are judged for confirmed orders only (a quotation below
        its floor waits for approval instead).
        """
        result = {}
        for order in orders:
            confirmed = order.state in CONFIRMED_STATES
            tuples = order._sales_policy_priced_lines()._sales_policy_floor_tuples(
                floors=confirmed
            )
            verdicts = (
                judge_lines(tuples, order.currency_id.rounding) if confirmed else None
            )
            result[order.id] = (effective_discount(tuples), verdicts)
        return result

    @contextmanager
    def _sales_policy_pricing_guard(self, orders, fnames):
        """Around an edit of ``orders``' lines touching ``fnames``: refuse it
        when it raised the order's discount over the user's limit or put a
        confirmed order's line below its floor (or further below it)."""
        if self.env.su or not orders or PRICING_FIELDS.isdisjoint(fnames):
            yield
            return
        before = self._sales_policy_pricing_state(orders)
        discounts_before = self._sales_policy_line_discounts(orders)
        yield
        orders = orders.exists()
        after = self._sales_policy_pricing_state(orders)
        for order in orders:
            discount_before, verdicts_before = before.get(order.id, (0.0, None))
            discount, verdicts = after[order.id]
            self._sales_policy_check_order_discount(order, discount, discount_before)
            self._sales_policy_check_confirmed_floor(order, verdicts, verdicts_before)
            self._sales_policy_check_reviewed_line_discounts(order, discounts_before)

    @api.model
    def _sales_policy_line_discounts(self, orders):
        """{line id: discount} of the lines whose edits are reviewed (their
        discount limit is judged here rather than by the constraint)."""
        return {
            line.id: line.discount
            for line in orders.order_line
            if line._sales_policy_reviewed_edit()
        }

    @api.model
    def _sales_policy_check_reviewed_line_discounts(self, order, discounts_before):
        """The discount limit of the lines of a reviewed confirmed order (the
        constraint refuses it everywhere else): a discount raised over the
        limit goes through the door."""
        company = order.company_id or self.env.company
        limit = company._sales_policy_discount_limit(self.env.user)
        for line in order.order_line:
            if not line._sales_policy_reviewed_edit():
                continue
            before = discounts_before.get(line.id, 0.0)
            if (
                float_compare(line.discount, limit, precision_digits=2) > 0
                and float_compare(line.discount, before, precision_digits=2) > 0
            ):
                order._sales_policy_confirmed_edit_breach(
                    line._sales_policy_discount_refusal(limit),
                    "sales_policy_sale.clause_pricing_discount_limit",
                    error=ValidationError,
                    breach={
                        "check": "line_discount",
                        "line": line.id,
                        "limit": limit,
                        "before": before,
                    },
                )

    @api.model
    def _sales_policy_check_order_discount(self, order, discount, discount_before):
        """Refuse an edit that raised the whole order's discount over the limit
        (on a confirmed order: through the door, which may review it)."""
        company = order.company_id or self.env.company
        limit = company._sales_policy_discount_limit(self.env.user)
        if (
            float_compare(discount, limit, precision_digits=2) <= 0
            or float_compare(discount, discount_before, precision_digits=2) <= 0
        ):
            return
        message = self.env._(
            "The discounts of %(order)s come to %(discount)s%% of its "
            "amount, above your limit of %(limit)s%% (sales policy: "
            "discount limits per role; discount lines and negative "
            "prices count). Lower the discount or ask a manager to set it.",
            order=order.display_name,
            discount=float_round(discount, precision_digits=2),
            limit=limit,
        )
        if order.state not in CONFIRMED_STATES:
            raise ValidationError(message)
        order._sales_policy_confirmed_edit_breach(
            message,
            "sales_policy_sale.clause_pricing_discount_limit",
            error=ValidationError,
            breach={"check": "discount", "limit": limit, "before": discount_before},
        )

    @api.model
    def _sales_policy_check_confirmed_floor(self, order, verdicts, verdicts_before):
        """Refuse an edit of a confirmed order that put a line below its floor,
        or further below the price approved before confirmation (through the
        door, which may review it instead)."""
        rounding = order.currency_id.rounding
        for line_id, (net, below) in (verdicts or {}).items():
            if not below:
                continue
            net_before, below_before = (verdicts_before or {}).get(
                line_id, (0.0, False)
            )
            if (
                below_before
                and float_compare(net, net_before, precision_rounding=rounding) >= 0
            ):
                continue  # approved before confirmation, not lowered since
            line = self.browse(line_id)
            order._sales_policy_confirmed_edit_breach(
                self.env._(
                    "%(order)s is confirmed: %(product)s would sell at %(price)s, "
                    "below its price floor of %(floor)s (sales policy: prices "
                    "below the floor are approved before confirmation; discount "
                    "lines count). Keep the price, or cancel the order, set it "
                    "back to quotation and request approval of the new price.",
                    order=order.display_name,
                    product=line.product_id.display_name,
                    price=float_round(net, precision_rounding=rounding),
                    floor=line._sales_policy_floor(),
                ),
                "sales_policy_sale.clause_pricing_floor",
                breach={
                    "check": "floor",
                    "line": line_id,
                    # the price approved below the floor before confirmation
                    "net": net_before if below_before else None,
                },
            )

    # --- CRUD --------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        fnames = set().union(*vals_list) if vals_list else set()
        with self._sales_policy_pricing_guard(orders, fnames | {"order_id"}):
            lines = super().create(vals_list)
        lines.order_id._approval_refresh()
        return lines

    def write(self, vals):
        orders = self.order_id
        if vals.get("order_id"):
            orders |= self.env["sale.order"].browse(vals["order_id"])
        with self._sales_policy_pricing_guard(orders, vals):
            res = super().write(vals)
        fingerprint = self.env["sale.order"]._sales_policy_fingerprint_fields()
        if (
            not set(fingerprint["sale.order.line"]).isdisjoint(vals)
            or "order_id" in vals
        ):
            orders._approval_refresh()
        return res

    def unlink(self):
        orders = self.order_id
        with self._sales_policy_pricing_guard(orders, {"order_id"}):
            res = super().unlink()
        orders.exists()._approval_refresh()
        return res
