# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The fee and budget side of sample requests: the grade's fee rule applied
as a quotation line, its refund on the customer's first confirmed order, and
the team's monthly sample budget (clauses SP-SMP-02, SP-SMP-03)."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.sample_math import FEE_REFUND, budget_overrun, fee_plan
from .sales_sample_budget import BUDGET_STATES


class SalesSampleRequestFee(models.AbstractModel):
    _name = "sales.sample.request.fee.mixin"
    _description = "Sample Request Fee and Budget"

    def _fee_amount_refusal(self):
        return UserError(
            self.env._(
                "Only a sales manager sets the fee of a sample request (sales "
                "policy %(clause)s: the fee follows the customer's grade). To "
                "waive it, tick Ask to Waive the Fee and request approval.",
                clause="SP-SMP-02",
            )
        )

    @api.model
    def _budget_used(self, keys, exclude_ids=()):
        """{(team id, month start): estimated cost of the requests of that
        team and month counted against its budget}."""
        if not keys:
            return {}
        months = {month for _team, month in keys}
        domain = [
            ("team_id", "in", list({team for team, _month in keys})),
            ("state", "in", BUDGET_STATES),
            ("request_date", ">=", min(months)),
            ("request_date", "<", max(months) + relativedelta(months=1)),
        ]
        if exclude_ids:
            domain.append(("id", "not in", list(exclude_ids)))
        groups = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                domain,
                ["team_id", "request_date:month"],
                ["estimated_cost:sum"],
            )
        )
        return {(team.id, month): total for team, month, total in groups}

    def _budget_overruns(self):
        """{request id: amount past the remaining budget of its team and
        month (None: no budget)}."""
        keyed = {
            r.id: (r.team_id.id, r.request_date.replace(day=1))
            for r in self
            if r.team_id and r.request_date
        }
        if not keyed:
            return {}
        budgets = (
            self.env["sales.sample.budget"]
            .sudo()
            .search(
                [
                    ("team_id", "in", [team for team, _m in keyed.values()]),
                    ("month", "in", list({m for _t, m in keyed.values()})),
                ]
            )
        )
        amounts = {(b.team_id.id, b.month): b.amount for b in budgets}
        used = self._budget_used(set(keyed.values()), exclude_ids=self.ids)
        result = {}
        for request in self:
            key = keyed.get(request.id)
            if key:
                result[request.id] = budget_overrun(
                    amounts.get(key), used.get(key, 0.0), request.estimated_cost
                )
        return result

    # --- fee -----------------------------------------------------------------------
    def _grade_fee_rule(self):
        """The grade's rule; a customer without a grade is charged."""
        self.ensure_one()
        return self.commercial_partner_id.sales_grade_sample_fee or "charged"

    def _fee_product(self):
        product = self.company_id.sales_sample_fee_product_id
        if not product:
            raise UserError(
                self.env._(
                    "No sample/tooling fee product is set for %(company)s: set "
                    "one in Settings > Sales Policy before R&D accepts charged "
                    "requests (sales policy %(clause)s).",
                    company=self.company_id.name,
                    clause="SP-SMP-02",
                )
            )
        return product

    def _create_fee_quotation(self, amount):
        """A new quotation for the customer with the fee line (as superuser:
        the caller's right was checked by the action)."""
        self.ensure_one()
        product = self._fee_product()
        return self.env["sale.order"].create(
            {
                "partner_id": self.commercial_partner_id.id,
                "user_id": self.user_id.id,
                "team_id": self.team_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
                "order_line": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "name": self.env._(
                                "%(kind)s fee, %(request)s",
                                kind=dict(
                                    self._fields["kind"]._description_selection(
                                        self.env
                                    )
                                )[self.kind],
                                request=self.name,
                            ),
                            "product_uom_qty": 1.0,
                            "price_unit": amount,
                        }
                    )
                ],
            }
        )

    @api.model
    def _refund_on_first_orders(self, orders):
        """Credit the fee of each accepted charge-and-refund request of the
        orders' customers on their first confirmed order (not the fee
        quotation itself), once the fee quotation is confirmed. Row locks keep
        two confirmations from refunding one fee twice."""
        Request = self.sudo()
        # no query in companies that never charged a refundable fee
        orders = orders.filtered(lambda o: o.company_id.sales_sample_refund_used)
        if not orders:
            return
        # one query on every confirmation: the customers' fees waiting for a
        # refund (almost always none); the rest only when there is one
        all_pending = Request.search(
            [
                (
                    "commercial_partner_id",
                    "in",
                    orders.partner_id.commercial_partner_id.ids,
                ),
                ("company_id", "in", orders.company_id.ids),
                ("fee_rule", "=", FEE_REFUND),
                ("fee_refund_order_id", "=", False),
                ("fee_order_id.state", "=", "sale"),
            ]
        )
        if not all_pending:
            return
        by_customer = defaultdict(lambda: self.env["sale.order"])
        for order in orders:
            by_customer[
                (order.partner_id.commercial_partner_id.id, order.company_id.id)
            ] |= order
        fee_orders = Request.search([("fee_order_id", "in", orders.ids)]).fee_order_id
        for (customer, company), customer_orders in by_customer.items():
            pending = all_pending.filtered(
                lambda r, customer=customer, company=company: (
                    r.commercial_partner_id.id == customer
                    and r.company_id.id == company
                )
            )
            targets = customer_orders - fee_orders - pending.fee_order_id
            if not pending or not targets:
                continue
            self.env.cr.execute(
                "SELECT id FROM sales_sample_request WHERE id IN %s "
                "AND fee_refund_order_id IS NULL FOR UPDATE",
                [tuple(pending.ids)],
            )
            locked = Request.browse([row[0] for row in self.env.cr.fetchall()])
            order = targets.sorted("id")[:1]
            for request in locked:
                _charge, refund = fee_plan(FEE_REFUND, request.fee_amount)
                if not refund:
                    continue
                self.env["sale.order.line"].sudo().create(
                    {
                        "order_id": order.id,
                        "product_id": request._fee_product().id,
                        "name": self.env._(
                            "Refund of the sample fee of %(request)s (first order)",
                            request=request.name,
                        ),
                        "product_uom_qty": 1.0,
                        "price_unit": -refund,
                    }
                )
                request._transition({"fee_refund_order_id": order.id})
                request._approval_message(
                    self.env._("Sample fee refunded on %(order)s.", order=order.name)
                )
