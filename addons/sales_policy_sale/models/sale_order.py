# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

#: order and line columns whose change re-opens review (see the fingerprint)
FINGERPRINT_LINE_FIELDS = [
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_unit",
    "discount",
    "display_type",
    "order_id",
]

#: order columns whose change re-opens review: the customer and the contract
#: terms (addresses, pricelist, currency, company, payment terms, validity,
#: fiscal position, terms and conditions)
FINGERPRINT_ORDER_FIELDS = [
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "pricelist_id",
    "currency_id",
    "company_id",
    "payment_term_id",
    "validity_date",
    "fiscal_position_id",
    "note",
]
#: the order columns above and the priced lines of order "o"; NULLs are kept
#: as empty strings so that every value keeps its place
FINGERPRINT_EXPR = """
concat_ws('|', o.partner_id, o.partner_invoice_id, o.partner_shipping_id,
                 o.pricelist_id, o.currency_id, o.company_id,
                 COALESCE(o.payment_term_id::text, ''),
                 COALESCE(o.validity_date::text, ''),
                 COALESCE(o.fiscal_position_id::text, ''),
                 md5(COALESCE(o.note::text, '')),
                 (SELECT string_agg(
                      concat_ws(',', l.product_id, l.product_uom,
                                l.product_uom_qty::numeric::text,
                                l.price_unit::numeric::text,
                                COALESCE(l.discount, 0)::numeric::text),
                      ';' ORDER BY l.product_id, l.product_uom,
                      l.product_uom_qty, l.price_unit, l.discount)
                    FROM sale_order_line l
                   WHERE l.order_id = o.id AND l.display_type IS NULL))
"""
#: the other columns the floor test reads
FLOOR_FIELDS = {
    "product.product": [
        "product_tmpl_id",
        "sales_policy_variant_min_price",
        "sales_policy_variant_distributor_min_price",
    ],
    "product.template": [
        "uom_id",
        "sales_policy_min_price",
        "sales_policy_distributor_min_price",
    ],
    "res.partner": ["commercial_partner_id", "sales_policy_is_distributor"],
    "product.pricelist": ["sales_policy_distributor"],
}
#: the orders' fingerprints and their priced lines with a below-floor test:
#: one row per line (one with no line for an order without any). SQL judges
#: the common case (order in the company currency, line in the product's
#: unit); the other lines go through the line's compute, which converts
#: currency and unit. The order data is a MATERIALIZED CTE of scalar
#: subqueries: it keeps planning cheap (a nine-table join took milliseconds to
#: plan on every confirmation).
FLOOR_SNAPSHOT_QUERY = f"""
WITH ord AS MATERIALIZED (
    SELECT o.id,
           {FINGERPRINT_EXPR} AS fingerprint,
           o.currency_id = (SELECT c.currency_id FROM res_company c
                             WHERE c.id = o.company_id) AS same_currency,
           COALESCE((SELECT cp.sales_policy_is_distributor
                       FROM res_partner p
                       JOIN res_partner cp ON cp.id = p.commercial_partner_id
                      WHERE p.id = o.partner_id), FALSE)
           OR COALESCE((SELECT pl.sales_policy_distributor
                          FROM product_pricelist pl
                         WHERE pl.id = o.pricelist_id), FALSE) AS distributor,
           (SELECT cur.rounding FROM res_currency cur
             WHERE cur.id = o.currency_id) AS rounding
      FROM sale_order o
     WHERE o.id IN %(ids)s
)
SELECT ord.id, ord.fingerprint, line.id,
       ord.same_currency AND line.product_uom = line.uom_id AS simple,
       -- net unit price below the floor (half a currency unit of tolerance)
       line.price_unit * (1 - COALESCE(line.discount, 0) / 100.0)
       < (CASE WHEN ord.distributor AND line.dist_min > 0
               THEN line.dist_min ELSE line.minimum END)
         - ord.rounding / 2.0
       AND (line.minimum > 0 OR line.dist_min > 0) AS below
  FROM ord
  LEFT JOIN (
      SELECT l.id, l.order_id, l.price_unit, l.discount, l.product_uom,
             pt.uom_id,
             COALESCE(NULLIF(pp.sales_policy_variant_min_price, 0),
                      pt.sales_policy_min_price, 0) AS minimum,
             COALESCE(NULLIF(pp.sales_policy_variant_distributor_min_price, 0),
                      pt.sales_policy_distributor_min_price, 0) AS dist_min
        FROM sale_order_line l
        JOIN product_product pp ON pp.id = l.product_id
        JOIN product_template pt ON pt.id = pp.product_tmpl_id
       WHERE l.display_type IS NULL
  ) line ON line.order_id = ord.id
"""


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "sales.policy.approval.mixin"]

    # Approval engine configuration (see sales.policy.approval.mixin)
    _approval_amount_field = "amount_untaxed"
    _approval_state_actions = {"sent": "send", "sale": "confirm"}
    _approval_fingerprint_fields = [*FINGERPRINT_ORDER_FIELDS, "order_line"]

    # the customer's grade and the terms the grading policy sets for it
    sales_grade = fields.Selection(
        related="partner_id.commercial_partner_id.sales_grade",
        string="Customer Grade",
    )
    sales_grade_contract_template = fields.Char(
        related="partner_id.commercial_partner_id.sales_grade_contract_template",
        string="Contract Template",
    )
    sales_grade_sample_fee = fields.Selection(
        related="partner_id.commercial_partner_id.sales_grade_sample_fee",
        string="Sample/Tooling Fee",
    )

    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        needed = needed or {"discount", "margin", "below_floor"}
        if needed & {"discount", "margin"}:
            for order in self:
                lines = order.order_line.filtered(
                    lambda line: not line.display_type and not line.is_downpayment
                )
                values = result[order.id]
                values["discount"] = max(lines.mapped("discount"), default=0.0)
                if "margin" in needed:
                    values["margin"] = order._sales_policy_margin_percent(
                        lines, values["amount"]
                    )
        if "below_floor" in needed:
            below = self._sales_policy_orders_below_floor()
            for order in self:
                result[order.id]["below_floor"] = order.id in below
        return result

    def _sales_policy_floor_snapshot(self):
        """Return ({order id: fingerprint data}, ids of the orders below floor).

        One query (see ``FLOOR_SNAPSHOT_QUERY``); the lines it cannot judge
        in SQL (another currency or unit) go through the line's compute.
        """
        if not self.ids:
            return {}, set()
        self.env["sale.order.line"].flush_model(FINGERPRINT_LINE_FIELDS)
        self.flush_recordset(FINGERPRINT_ORDER_FIELDS)
        for model, names in FLOOR_FIELDS.items():
            self.env[model].flush_model(names)
        rows = self.env.execute_query(SQL(FLOOR_SNAPSHOT_QUERY, ids=tuple(self.ids)))
        fingerprints, below, other_ids = {}, set(), []
        for order_id, data, line_id, simple, low in rows:
            fingerprints[order_id] = data
            if line_id is None:
                continue
            if not simple:
                other_ids.append(line_id)
            elif low:
                below.add(order_id)
        others = self.env["sale.order.line"].browse(other_ids)
        below.update(others.filtered("sales_policy_below_floor").order_id.ids)
        return fingerprints, below

    def _sales_policy_orders_below_floor(self):
        """Ids of the orders with a line below its price floor."""
        return self._sales_policy_floor_snapshot()[1]

    def _approval_snapshot(self, needed):
        # the below-floor test and the fingerprint come from one query
        if "below_floor" not in needed:
            return super()._approval_snapshot(needed)
        data, below = self._sales_policy_floor_snapshot()
        values = self._get_approval_values(needed=needed - {"below_floor"})
        for order in self:
            values[order.id]["below_floor"] = order.id in below
        fingerprints = {rid: self._approval_hash(value) for rid, value in data.items()}
        return values, fingerprints

    def _sales_policy_margin_percent(self, lines, amount):
        """Margin (%) of the untaxed amount (company currency) over product cost."""
        self.ensure_one()
        if not amount:
            return 0.0
        cost = sum(
            line.product_id.with_company(self.company_id).standard_price
            * line.product_uom._compute_quantity(
                line.product_uom_qty, line.product_id.uom_id
            )
            for line in lines
        )
        return (amount - cost) / amount * 100.0

    def _get_approval_fingerprint_data(self):
        """Customer, contract terms and the priced lines (one query)."""
        if not self.ids:
            return {}
        self.env["sale.order.line"].flush_model(FINGERPRINT_LINE_FIELDS)
        self.flush_recordset(FINGERPRINT_ORDER_FIELDS)
        rows = self.env.execute_query(
            SQL(
                f"SELECT o.id, {FINGERPRINT_EXPR} FROM sale_order o "
                "WHERE o.id IN %(ids)s",
                ids=tuple(self.ids),
            )
        )
        return dict(rows)

    # --- gated actions -----------------------------------------------------------
    def write(self, vals):
        if vals.get("signature"):
            # portal signature/acceptance by the customer
            self._approval_check("portal_accept")
        return super().write(vals)

    def action_quotation_send(self):
        self._approval_check("send")
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._approval_check("send", remember=True)
        return super().action_quotation_sent()

    def action_confirm(self):
        self._approval_check("confirm", remember=True)
        return super().action_confirm()

    def action_preview_sale_order(self):
        # the preview opens the customer's page with its access token: a link
        # that reaches the customer as surely as an email
        self._approval_check("send", label=self.env._("Customer preview"))
        return super().action_preview_sale_order()

    # --- portal ------------------------------------------------------------------
    # Accepting on the portal confirms the order (after signing, paying, or
    # both): the customer is offered neither before every approval that
    # confirmation needs, pay-to-accept without signature included.
    def _has_to_be_signed(self):
        return super()._has_to_be_signed() and not self._approval_missing("confirm")

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._approval_missing("confirm")

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals
        )
        if (
            len(self) == 1
            and self.state in ("draft", "sent")
            and self._approval_missing("send")
        ):
            # a chatter message to the customer must not carry the link to a
            # quotation that may not be sent yet
            for group in groups:
                if group[0] in ("portal_customer", "portal", "follower", "customer"):
                    group[2]["has_button_access"] = False
        return groups
