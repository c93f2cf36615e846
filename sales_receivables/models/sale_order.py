# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_sale.models.sale_order import CONFIRMED_STATES

from .sales_interest_terms import (
    INTEREST_TERM_FIELDS,
    check_interest_terms,
    interest_term_fields,
    interest_terms_of,
    interest_terms_refusal,
    may_edit_interest_terms,
    same_interest_terms,
)
from .sales_policy_approval_rule import CREDIT_HOLD_KIND

#: the confirmed-edit breach of the credit limit (``sales_policy_edit_breaches``)
CREDIT_LIMIT_CHECK = "credit_limit"
CREDIT_LIMIT_CLAUSE = "sales_receivables.clause_receivables_credit_hold"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # overdue interest terms of the contract, carried to its invoices
    (
        sales_interest_rate,
        sales_interest_basis,
        sales_interest_grace_days,
    ) = interest_term_fields(compute="_compute_sales_interest_terms")

    sales_interest_terms_editable = fields.Boolean(
        compute="_compute_sales_interest_terms_editable",
        help="The current user may set the order's interest terms (sales "
        "managers and finance).",
    )

    sales_credit_hold = fields.Boolean(
        string="Credit Hold",
        compute="_compute_sales_credit_hold",
        search="_search_sales_credit_hold",
        help="Confirming this quotation needs a credit-hold approval: the "
        "customer would exceed its credit limit, is rated Bad, or is in "
        "escalation or legal recovery.",
    )
    sales_credit_hold_reason = fields.Char(
        string="Credit Hold Reason", compute="_compute_sales_credit_hold"
    )
    sales_credit_watch_warning = fields.Char(
        string="Credit Watch Warning",
        compute="_compute_sales_credit_hold",
        help="The customer is rated Watch: shown on its quotations below the "
        "amount that needs a credit-hold approval.",
    )

    @api.depends(
        "state",
        "partner_id",
        "amount_untaxed",
        "currency_id",
        "company_id",
        "partner_id.commercial_partner_id.sales_collection_status",
        "partner_id.commercial_partner_id.sales_credit_rating",
    )
    @api.depends_context("company")
    def _compute_sales_credit_hold(self):
        reasons = self._sales_credit_hold_reasons()
        for order in self:
            reason = reasons.get(order.id)
            order.sales_credit_hold = bool(reason)
            order.sales_credit_hold_reason = reason or False
            order.sales_credit_watch_warning = (
                not reason and order._sales_credit_watch_warning()
            )

    @api.model
    def _sales_policy_fingerprint_fields(self):
        # the overdue-interest terms are contract terms: changing them after
        # approval re-opens review (sales_policy_sale's one definition)
        names = super()._sales_policy_fingerprint_fields()
        return {
            **names,
            "sale.order": (
                *names["sale.order"],
                "sales_interest_rate",
                "sales_interest_basis",
                "sales_interest_grace_days",
            ),
        }

    @api.depends_context("uid")
    def _compute_sales_interest_terms_editable(self):
        self.sales_interest_terms_editable = may_edit_interest_terms(self.env)

    def _search_sales_credit_hold(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Credit hold can only be searched with = or != True/False.")
            )
        candidates = self.search(
            [
                ("state", "in", ("draft", "sent")),
                "|",
                "|",
                (
                    "partner_id.commercial_partner_id.sales_collection_status",
                    "!=",
                    "normal",
                ),
                (
                    "partner_id.commercial_partner_id.sales_credit_rating",
                    "in",
                    ("bad", "watch"),
                ),
                ("partner_id.commercial_partner_id.sales_credit_limit", ">", 0),
            ]
        )
        held = list(candidates._sales_credit_hold_reasons())
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", held)]

    # --- business methods ------------------------------------------------------
    def _sales_credit_hold_reasons(self):
        """{order id: why confirming it needs a credit-hold approval}.

        Quotations only; exposure is computed once per company for all the
        customers of ``self``.
        """
        quotations = self.filtered(
            lambda o: o.state in ("draft", "sent") and o.partner_id
        )
        reasons = {}
        by_company = defaultdict(lambda: self.browse())
        for order in quotations:
            by_company[order.company_id or self.env.company] |= order
        for company, orders in by_company.items():
            partners = orders.partner_id.commercial_partner_id.with_company(company)
            exposure = {}
            if any(partners.mapped("sales_credit_limit")):
                exposure = partners._sales_credit_exposure(company)
            for order in orders:
                reason = order._sales_credit_hold_reason(company, exposure)
                if reason:
                    reasons[order.id] = reason
        return reasons

    def _sales_credit_hold_reason(self, company, exposure):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(company)
        if partner.sales_collection_status == "legal":
            return self.env._(
                "%(customer)s is in legal recovery", customer=partner.name
            )
        if partner.sales_collection_status == "escalated":
            return self.env._(
                "%(customer)s is escalated for overdue invoices",
                customer=partner.name,
            )
        if partner.sales_credit_rating == "bad":
            return self.env._(
                "%(customer)s has a bad credit rating", customer=partner.name
            )
        if partner.sales_credit_rating == "watch":
            over_watch = self._sales_credit_watch_excess(company)
            if over_watch:
                amount, threshold = over_watch
                return self.env._(
                    "%(customer)s is rated Watch and this quotation of %(amount)s "
                    "is above %(threshold)s (clause SP-REC-04)",
                    customer=partner.name,
                    amount=company.currency_id.format(amount),
                    threshold=company.currency_id.format(threshold),
                )
        excess = self._sales_credit_excess(company, exposure)
        if not excess:
            return False
        limit, current, amount, over = excess
        currency = company.currency_id
        return self.env._(
            "%(customer)s would be over its credit limit of %(limit)s by "
            "%(over)s (exposure %(exposure)s plus this order %(amount)s)",
            customer=partner.name,
            limit=currency.format(limit),
            over=currency.format(over),
            exposure=currency.format(current),
            amount=currency.format(amount),
        )

    def _sales_credit_watch_excess(self, company):
        """(amount, threshold) in the company currency when this quotation of
        a customer rated Watch is above the company's watch amount (0: every
        quotation), else None. The one rule of the Watch rating."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            return None
        threshold = company.sales_credit_watch_amount
        currency = company.currency_id
        amount = self.currency_id._convert(
            self.amount_untaxed,
            currency,
            company,
            self.date_order or fields.Date.context_today(self),
        )
        if threshold and currency.compare_amounts(amount, threshold) <= 0:
            return None
        return amount, threshold

    def _sales_credit_watch_warning(self):
        """The warning of a quotation of a customer rated Watch that is not
        held (below the watch amount)."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        if self.state not in ("draft", "sent") or partner.sales_credit_rating != (
            "watch"
        ):
            return False
        company = self.company_id or self.env.company
        return self.env._(
            "%(customer)s is rated Watch: a quotation above %(threshold)s needs "
            "a credit-hold approval (clause SP-REC-04).",
            customer=partner.name,
            threshold=company.currency_id.format(company.sales_credit_watch_amount),
        )

    def _sales_credit_excess(self, company, exposure):
        """(limit, exposure, amount, over) when the customer's exposure plus
        this order goes over its credit limit in ``company``, else None; in
        the company currency. The one computation of the credit limit: a
        confirmed order (state ``sale``) is already in ``exposure``, so only a
        quotation's amount is added."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id.with_company(company)
        limit = partner.sales_credit_limit
        if not limit:
            return None
        currency = company.currency_id
        amount = 0.0
        if self.state != "sale":
            amount = self.currency_id._convert(
                self.amount_untaxed,
                currency,
                company,
                self.date_order or fields.Date.context_today(self),
            )
        current = sum(exposure.get(partner.id, (0.0, 0.0)))
        over = current + amount - limit
        if currency.compare_amounts(over, 0.0) <= 0:
            return None
        return limit, current, amount, over

    def _sales_credit_limit_excesses(self):
        """{order id: (limit, exposure, amount, over)} of the orders whose
        customer is over its credit limit with them (see
        ``_sales_credit_excess``); exposure computed once per company."""
        by_company = defaultdict(lambda: self.browse())
        for order in self.filtered("partner_id"):
            by_company[order.company_id or self.env.company] |= order
        result = {}
        for company, orders in by_company.items():
            partners = orders.partner_id.commercial_partner_id.with_company(company)
            if not any(partners.mapped("sales_credit_limit")):
                continue
            exposure = partners._sales_credit_exposure(company)
            for order in orders:
                excess = order._sales_credit_excess(company, exposure)
                if excess:
                    result[order.id] = excess
        return result

    def _sales_credit_check_confirmed_edit(self, amounts_before):
        """An edit of confirmed orders that raised their amount (from
        ``amounts_before``, {order id: untaxed amount}) over the customer's
        credit limit goes through the door of confirmed edits (refused, or
        reviewed: company setting). Edits lowering the amount never breach."""
        grown = self.filtered(
            lambda order: order.state in CONFIRMED_STATES
            and order.id in amounts_before
            and order.currency_id.compare_amounts(
                order.amount_untaxed, amounts_before[order.id]
            )
            > 0
        )
        if not grown:
            return
        # as on confirmation: one credit check per customer at a time
        grown._sales_credit_lock_customers()
        excesses = grown._sales_credit_limit_excesses()
        for order in grown.filtered(lambda order: order.id in excesses):
            limit, current, _amount, over = excesses[order.id]
            company = order.company_id or self.env.company
            currency = company.currency_id
            order._sales_policy_confirmed_edit_breach(
                self.env._(
                    "%(order)s is confirmed: this edit raises its amount to "
                    "%(amount)s and takes %(customer)s over its credit limit of "
                    "%(limit)s by %(over)s (exposure %(exposure)s: open "
                    "receivables plus confirmed orders not invoiced, this one "
                    "included; clause SP-REC-04: no orders over the credit "
                    "limit without approval). Keep the amount, or collect the "
                    "open invoices first.",
                    order=order.display_name,
                    amount=order.currency_id.format(order.amount_untaxed),
                    customer=order.partner_id.commercial_partner_id.name,
                    limit=currency.format(limit),
                    over=currency.format(over),
                    exposure=currency.format(current),
                ),
                CREDIT_LIMIT_CLAUSE,
                breach={
                    "check": CREDIT_LIMIT_CHECK,
                    # the amount before the edit: back to it, no breach
                    "amount": amounts_before[order.id],
                },
            )

    def _sales_policy_breach_holds(self, breach, discount, verdicts):
        if breach.get("check") != CREDIT_LIMIT_CHECK:
            return super()._sales_policy_breach_holds(breach, discount, verdicts)
        self.ensure_one()
        return (
            self.currency_id.compare_amounts(
                self.amount_untaxed, breach.get("amount") or 0.0
            )
            > 0
            and self.id in self._sales_credit_limit_excesses()
        )

    def _sales_credit_lock_customers(self):
        """Serialize credit checks per customer: two orders of one customer
        confirmed at the same moment must not both fit a credit limit only
        one fits.

        The rows of the commercial partners that have a credit limit (in the
        order's company) are locked, in id order (no deadlock), before the
        exposure is computed. A lock alone is not enough under PostgreSQL's
        repeatable read, where a transaction that waited for the lock keeps
        reading its older snapshot: the rows are also updated (a no-op), so
        that the waiting transaction fails with a serialization error once the
        first one commits, and Odoo retries it on a fresh snapshot, which
        counts the first order in the exposure.
        """
        limited = set()
        for order in self:
            company = order.company_id or self.env.company
            partner = order.partner_id.commercial_partner_id.with_company(company)
            if partner.sales_credit_limit:
                limited.add(partner.id)
        if not limited:
            return
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner SET write_date = write_date
                    WHERE id IN (SELECT id FROM res_partner WHERE id = ANY(%s)
                                  ORDER BY id FOR UPDATE)""",
                sorted(limited),
            )
        )

    def _sales_credit_hold_check(self):
        """Refuse confirmation of held orders whose credit-hold rule is not
        approved, naming the reason (the engine's own message names rules)."""
        held = self.filtered(lambda o: isinstance(o.id, int))
        held._sales_credit_lock_customers()
        reasons = held._sales_credit_hold_reasons()
        held = held.filtered(lambda o: o.id in reasons)
        if not held:
            return
        applicable = held._approval_applicable_rules("confirm", kind=CREDIT_HOLD_KIND)
        fingerprints = held._approval_fingerprints()
        approved = {
            (request.res_id, request.rule_id.id)
            for request in held._approval_requests(states=("approved",))
            if request.fingerprint == fingerprints.get(request.res_id)
        }
        for order in held:
            credit_rules = applicable.get(order.id)
            if not credit_rules:
                # fail closed: without an applicable credit-hold rule nobody
                # could grant the approval, so the order is not let through
                raise UserError(
                    self.env._(
                        "Confirmation of %(order)s refused: %(reason)s (sales "
                        "policy: no new orders over the credit limit, with bad "
                        "credit or in collection without approval), and no active "
                        "credit-hold approval rule applies to it, so nobody can "
                        "grant that approval. Ask a policy administrator to "
                        "activate a credit-hold rule (Sales Policy > Configuration "
                        "> Approval Rules), or collect the open invoices first.",
                        order=order.display_name,
                        reason=reasons[order.id],
                    )
                )
            if any((order.id, rule.id) not in approved for rule in credit_rules):
                raise UserError(
                    self.env._(
                        "Confirmation of %(order)s refused: %(reason)s (sales "
                        "policy: no new orders over the credit limit, with bad "
                        "credit or in collection without approval). Click "
                        '"Request Approval" so that a sales manager can grant a '
                        "credit-hold approval, or collect the open invoices first.",
                        order=order.display_name,
                        reason=reasons[order.id],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        if not may_edit_interest_terms(self.env):
            # every new order: terms may also come from (forged) defaults
            for order in orders:
                order._check_sales_interest_terms_kept(None)
        return orders

    def write(self, vals):
        before = None
        if any(
            name in vals for name in INTEREST_TERM_FIELDS
        ) and not may_edit_interest_terms(self.env):
            before = {order.id: interest_terms_of(order) for order in self}
        result = super().write(vals)
        if before is not None:
            # the customer's terms follow a change of customer (the compute)
            follows_customer = "partner_id" in vals or "company_id" in vals
            for order in self:
                order._check_sales_interest_terms_kept(
                    before[order.id], follows_customer=follows_customer
                )
        return result

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if not may_edit_interest_terms(self.env):
            # a salesperson's copy starts from the customer's terms again
            for vals in vals_list:
                for name in INTEREST_TERM_FIELDS:
                    if name not in (default or {}):
                        vals.pop(name, None)
        return vals_list

    def action_confirm(self):
        self._sales_credit_hold_check()
        return super().action_confirm()

    def _check_sales_interest_terms_kept(self, before, follows_customer=True):
        """A salesperson's create or write left the order's interest terms as
        they were (``before``; None on create) or as the customer's terms
        (what the form computes for a new customer); else AccessError."""
        self.ensure_one()
        after = interest_terms_of(self)
        if before is not None and same_interest_terms(after, before):
            return
        if follows_customer and same_interest_terms(
            after,
            self.partner_id._sales_interest_terms(self.company_id or self.env.company),
        ):
            return
        raise interest_terms_refusal(self.env, self)

    @api.depends("partner_id", "company_id")
    def _compute_sales_interest_terms(self):
        for order in self:
            order.update(
                order.partner_id._sales_interest_terms(
                    order.company_id or self.env.company
                )
            )

    @api.constrains(*INTEREST_TERM_FIELDS)
    def _check_sales_interest_terms(self):
        check_interest_terms(self)

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        values.update({name: self[name] for name in INTEREST_TERM_FIELDS})
        return values
