# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.sales_policy_base.tools.floor_math import pick_floor

from ..tools.floor_math import effective_discount, judge_lines
from ..tools.snapshot_sql import fingerprint_sql, floor_snapshot_sql

_lt = LazyTranslate(__name__)

#: what an approval covers, the one definition: {model: fields}. Changing any
#: of them after approval re-opens review; the SQL fingerprint, the flushes
#: before it, the order's ``_approval_fingerprint_fields`` and the fields
#: whose line writes refresh approvals are all generated from it. The order:
#: the customer and the contract terms (addresses, pricelist, currency,
#: company, payment terms, validity, fiscal position, terms and conditions,
#: online payment and prepayment); every line, notes and sections included:
#: description, product, unit, quantity, price, discount, taxes.
#: A module adding contract terms to the order extends
#: ``sale.order._sales_policy_fingerprint_fields()``.
FINGERPRINT_FIELDS = {
    "sale.order": (
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
        "require_payment",
        "prepayment_percent",
    ),
    "sale.order.line": (
        "display_type",
        "name",
        "product_id",
        "product_uom",
        "product_uom_qty",
        "price_unit",
        "discount",
        "tax_id",
    ),
}
#: the other columns the floor test reads
FLOOR_FIELDS = {
    "sale.order.line": ["is_downpayment"],
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
#: quotations: the states in which approvals are reviewed (and re-opened)
QUOTATION_STATES = ("draft", "sent")
#: states only ``action_confirm`` reaches
CONFIRMED_STATES = ("sale", "done")


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "sales.policy.approval.mixin"]
    _policy_clause = "SP-APP-01"

    # Approval engine configuration (see sales.policy.approval.mixin)
    _approval_actions = {
        "send": _lt("Send by Email"),
        "print": _lt("Print"),
        "portal_accept": _lt("Portal Acceptance"),
        "confirm": _lt("Confirm"),
        # a confirmed order edited beyond the policy, in the company's review
        # mode (see sale_order_confirmed_edit.py)
        "confirmed_edit": _lt("Edit of a Confirmed Order"),
    }
    #: a rule on sending or printing also gates signature and confirmation
    _approval_action_rank = {
        "send": 10,
        "print": 10,
        "portal_accept": 20,
        "confirm": 30,
    }
    _approval_metrics = {
        "discount": (_lt("Highest Discount, Line or Whole Order (%)"), "percent"),
        "margin": (_lt("Margin (%)"), "percent"),
        "below_floor": (_lt("A Line Below Its Price Floor"), "boolean"),
        "confirmed_edit_breach": (
            _lt("Confirmed Order Edited Beyond the Policy"),
            "boolean",
        ),
    }
    #: confirmed orders too: the review of an edit beyond the policy
    _approval_button_states = (*QUOTATION_STATES, "sale")
    _approval_amount_field = "amount_untaxed"
    _approval_state_actions = {"sent": "send", "sale": "confirm"}

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

    # --- what an approval covers -------------------------------------------------
    @api.model
    def _sales_policy_fingerprint_fields(self):
        """{model: fields} an approval covers (see ``FINGERPRINT_FIELDS``)."""
        return FINGERPRINT_FIELDS

    @property
    def _approval_fingerprint_fields(self):
        # generated from the one definition: the order's fields and its lines
        return [*self._sales_policy_fingerprint_fields()["sale.order"], "order_line"]

    def _sales_policy_fingerprint_sql(self):
        """Flush what the fingerprint reads; return its SQL (order alias "o")."""
        names = self._sales_policy_fingerprint_fields()
        Line = self.env["sale.order.line"]
        Line.flush_model([*names["sale.order.line"], "order_id"])
        self.flush_recordset(names["sale.order"])
        return fingerprint_sql(self, Line, names)

    @api.model
    def _sales_policy_refingerprint_open_requests(self):
        """After an upgrade that changed what the fingerprint covers: the open
        requests (pending, approved) of quotations take their quotation's
        fingerprint computed the new way. An edit made after approval already
        outdated its requests when it was made, so the open ones still match
        their quotation. Called from migrations."""
        requests = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sale.order"),
                    ("state", "in", ("pending", "approved")),
                ]
            )
        )
        orders = (
            self.sudo()
            .browse(set(requests.mapped("res_id")))
            .exists()
            .filtered(lambda order: order.state in QUOTATION_STATES)
        )
        fingerprints = orders._approval_fingerprints()
        for request in requests:
            if request.res_id in fingerprints:
                request.fingerprint = fingerprints[request.res_id]

    def _get_approval_fingerprint_data(self):
        """Customer, contract terms and every line (one query)."""
        if not self.ids:
            return {}
        fingerprint = self._sales_policy_fingerprint_sql()
        rows = self.env.execute_query(
            SQL(
                "SELECT o.id, %s FROM sale_order o WHERE o.id IN %s",
                fingerprint,
                tuple(self.ids),
            )
        )
        return dict(rows)

    # --- approval values -----------------------------------------------------------
    def _sales_policy_priced_lines(self):
        """Lines with a price: neither sections, notes nor down payments."""
        return self.order_line._sales_policy_priced()

    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        needed = needed or {"discount", "margin", "below_floor"}
        if needed & {"discount", "margin"}:
            for order in self:
                lines = order._sales_policy_priced_lines()
                values = result[order.id]
                # a discount line (negative) counts as much as line discounts
                values["discount"] = max(
                    max(lines.mapped("discount"), default=0.0),
                    effective_discount(lines._sales_policy_floor_tuples(floors=False)),
                )
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
        """Return ({order id: fingerprint data},
        {order id: {line id: (net unit price, below floor)}}).

        One query (see ``floor_snapshot_sql``) for the raw columns, judged by
        the functions the line's compute uses (``tools/floor_math.py``); the
        lines whose floor needs a conversion (another currency or unit) take
        it from the line's ``_sales_policy_floor``.
        """
        if not self.ids:
            return {}, {}
        fingerprint = self._sales_policy_fingerprint_sql()
        for model, names in FLOOR_FIELDS.items():
            self.env[model].flush_model(names)
        rows = self.env.execute_query(floor_snapshot_sql(fingerprint, self.ids))
        fingerprints, roundings, lines, converted = {}, {}, defaultdict(list), []
        for (
            order_id,
            data,
            rounding,
            distributor,
            line_id,
            simple,
            price_unit,
            discount,
            quantity,
            *tiers,
        ) in rows:
            fingerprints[order_id] = data
            roundings[order_id] = rounding
            if line_id is None:
                continue
            floor = pick_floor(*tiers, distributor) if simple else None
            line = [line_id, price_unit, discount, quantity, floor]
            lines[order_id].append(line)
            if not simple:
                converted.append(line)
        if converted:
            records = self.env["sale.order.line"].browse(
                [line[0] for line in converted]
            )
            for line, record in zip(converted, records, strict=True):
                line[4] = record._sales_policy_floor()
        verdicts = {
            order_id: judge_lines(order_lines, roundings[order_id])
            for order_id, order_lines in lines.items()
        }
        return fingerprints, verdicts

    @api.model
    def _sales_policy_below_floor_ids(self, verdicts):
        """Ids of the orders with a line below its floor in ``verdicts``."""
        return {
            order_id
            for order_id, judged in verdicts.items()
            if any(below for _net, below in judged.values())
        }

    def _sales_policy_orders_below_floor(self):
        """Ids of the orders with a line below its price floor."""
        return self._sales_policy_below_floor_ids(
            self._sales_policy_floor_snapshot()[1]
        )

    def _approval_snapshot(self, needed):
        # the below-floor test and the fingerprint come from one query
        if "below_floor" not in needed:
            return super()._approval_snapshot(needed)
        data, verdicts = self._sales_policy_floor_snapshot()
        below = self._sales_policy_below_floor_ids(verdicts)
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

    def _approval_refresh(self):
        # only quotations are reviewed: the lines Odoo adds to a confirmed
        # order (down payments, re-invoiced expenses, upsells) re-open nothing
        # (edits below the policy are refused there, see
        # ``sale.order.line._sales_policy_pricing_guard``, or in the company's
        # review mode put the order under review: only that review re-opens,
        # see ``_sales_policy_refresh_edit_review``)
        quotations = self.filtered(lambda order: order.state in QUOTATION_STATES)
        res = super(SaleOrder, quotations)._approval_refresh()
        (self - quotations)._sales_policy_refresh_edit_review()
        return res

    # --- gated actions -----------------------------------------------------------
    def write(self, vals):
        state = vals.get("state")
        if state in self._approval_state_actions and not self._in_transition():
            if (
                state in CONFIRMED_STATES
                and not self.env.su
                and any(order.state != state for order in self)
            ):
                # the approvals first (the message names the rules), then the
                # door itself: confirmation runs every module's checks
                self._approval_check(self._approval_state_actions[state])
                raise self._sales_policy_confirm_refusal()
            if len(vals) > 1:
                # judged on the values after the write: the other fields
                # first, then the state, gated on them
                self.write(
                    {name: value for name, value in vals.items() if name != "state"}
                )
                return self.write({"state": state})
        if vals.get("signature"):
            # portal signature/acceptance by the customer
            self._approval_check("portal_accept")
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # the state the orders have, whether from the values or a forged
        # ``default_state`` context key
        if not self.env.su and any(order.state in CONFIRMED_STATES for order in orders):
            raise orders._sales_policy_confirm_refusal()
        return orders

    def _sales_policy_confirm_refusal(self):
        return UserError(
            self.env._(
                "%(orders)s: an order becomes a sales order only through its "
                "Confirm button (sales policy: confirmation runs every check, "
                "approvals, qualifications, credit holds, showroom units and "
                "deliveries included). Create or keep it as a quotation and "
                "confirm it.",
                orders=", ".join(self.mapped("display_name")),
            )
        )

    def action_quotation_send(self):
        self._approval_check("send")
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._approval_check("send", remember=True)
        return super().action_quotation_sent()

    def action_confirm(self):
        self._approval_check("confirm", remember=True)
        # the cursor marker lets Odoo's own confirmation write the state
        with self._transition_scope():
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

    def _sales_policy_hidden_from_customer(self):
        """Whether the quotation waits for the approvals of sending (the
        customer may not see it yet)."""
        self.ensure_one()
        return self.state in QUOTATION_STATES and bool(self._approval_missing("send"))

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=None):
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals
        )
        if len(self) == 1 and self._sales_policy_hidden_from_customer():
            # a chatter message to the customer must not carry the link to a
            # quotation that may not be sent yet
            for group in groups:
                if group[0] in ("portal_customer", "portal", "follower", "customer"):
                    group[2]["has_button_access"] = False
        return groups
