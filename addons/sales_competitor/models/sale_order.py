# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

QUOTATION_STATES = ("draft", "sent")
SEND_CLAUSE = "SP-CMP-03"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # --- the sending check (clause SP-CMP-03) ------------------------------------
    def _sales_competitor_lines_to_check(self):
        return self.order_line.filtered(
            lambda line: line.product_id
            and not line.display_type
            and not line.is_downpayment
        )

    def _sales_competitor_missing(self):
        """``{order: products}``: per quotation, the products without a
        competitor price observed within the company's period."""
        quotations = self.filtered(
            lambda o: o.state in QUOTATION_STATES
            and o.company_id.sales_competitor_price_days > 0
        )
        if not quotations:
            return {}
        lines = quotations._sales_competitor_lines_to_check()
        last = (
            self.env["sales.competitor.price"]
            .sudo()
            ._last_observed(lines.product_id, quotations.company_id)
        )
        today = fields.Date.context_today(self)
        missing = {}
        for order in quotations:
            since = today - timedelta(days=order.company_id.sales_competitor_price_days)
            company_id = order.company_id.id
            products = order._sales_competitor_lines_to_check().product_id.filtered(
                lambda product, company_id=company_id, since=since: (
                    not last.get((company_id, product.id))
                    or last[(company_id, product.id)] < since
                )
            )
            if products:
                missing[order] = products
        return missing

    def _sales_competitor_check_send(self):
        """Refuse to send quotations holding a product with no recent
        competitor price. Customer-side processes (online payment of a
        quotation, as superuser) are not stopped."""
        if self.env.su:
            return
        missing = self._sales_competitor_missing()
        if not missing:
            return
        order, products = next(iter(missing.items()))
        raise UserError(
            self.env._(
                "%(order)s cannot be sent yet: no competitor price was observed "
                "in the last %(days)s days for %(products)s (clause %(clause)s: "
                "know the competitors' prices before quoting). Record a "
                "competitor price observation for each of these products "
                "(Sales Policy > Competitors > Price Observations), then send "
                "the quotation.",
                order=order.display_name,
                days=order.company_id.sales_competitor_price_days,
                products=", ".join(products.mapped("display_name")),
                clause=SEND_CLAUSE,
            )
        )

    # --- the doors ---------------------------------------------------------------
    def action_quotation_send(self):
        self._sales_competitor_check_send()
        return super().action_quotation_send()

    def message_post(self, **kwargs):
        # the email composer of "Send by Email" posts with this key: the
        # quotation reaches the customer, whatever its state
        if self.env.context.get("mark_so_as_sent"):
            self._sales_competitor_check_send()
        return super().message_post(**kwargs)

    def write(self, vals):
        if vals.get("state") == "sent":
            if len(vals) > 1:
                # judged on the lines after the write: the other fields first
                self.write(
                    {key: value for key, value in vals.items() if key != "state"}
                )
                return self.write({"state": "sent"})
            # every path to "sent" (mark as sent, the composer, a direct
            # write over RPC) ends here
            self.filtered(lambda o: o.state != "sent")._sales_competitor_check_send()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # created as sent (values or a forged default_state context key)
        orders.filtered(lambda o: o.state == "sent")._sales_competitor_check_send()
        return orders
