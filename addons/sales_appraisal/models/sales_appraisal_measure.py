# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The appraisal's figures per rep for a period, set-based.

Every measure is one grouped query over all the reps of the period: the
number of queries does not grow with the number of reps (benchmark
``tests/benchmarks/bench_appraisal.py``).

Definitions (policy clause SP-APR-04):

- revenue and margin: untaxed amount and margin of the rep's orders
  confirmed (state *Sales Order*) in the period, in the company currency;
- new customers: commercial partners whose FIRST confirmed order ever in
  the company falls in the period, counted for the rep of that order; a
  customer who bought before is not new, however long ago;
- conversion: won / contacted opportunities, in percent. Won: the rep's
  opportunities won (closed in a won stage) in the period. Contacted: the
  rep's opportunities with a visit report marked done or a contact plan done
  in the period, plus the won ones (a won opportunity was contacted), so the
  rate never passes 100 %;
- visits: the rep's visit reports marked done in the period;
- growth: revenue against the same period one year earlier, in percent
  (none without revenue then);
- satisfaction and collection: hooks other modules extend
  (``_appraisal_satisfaction_by_rep``, ``_appraisal_collection_by_rep``).
"""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models

from ..tools.appraisal_math import Period, growth_rate


class SalesAppraisalMeasure(models.AbstractModel):
    _name = "sales.appraisal.measure"
    _description = "Appraisal Measures"

    def _appraisal_measures(self, period, users):
        """Return ``{user id: {measure: value or None}}`` for ``users``."""
        ids = users.ids
        revenue, margin = self._appraisal_order_amounts(period, ids)
        last = Period(
            period.company,
            period.date_from - relativedelta(years=1),
            period.date_to - relativedelta(years=1),
        )
        last_revenue, _margin = self._appraisal_order_amounts(last, ids)
        new_customers = self._appraisal_new_customers(period, ids)
        won, contacted, visits = self._appraisal_opportunities(period, ids)
        satisfaction = self._appraisal_satisfaction_by_rep(period)
        collection = self._appraisal_collection_by_rep(period)
        result = {}
        for user_id in ids:
            n_won = len(won.get(user_id, ()))
            n_contacted = len(contacted.get(user_id, set()) | won.get(user_id, set()))
            result[user_id] = {
                "revenue": revenue.get(user_id, 0.0),
                "margin": margin.get(user_id, 0.0),
                "new_customers": new_customers.get(user_id, 0),
                "conversion": (n_won * 100.0 / n_contacted) if n_contacted else None,
                "visits": visits.get(user_id, 0),
                "growth": growth_rate(
                    revenue.get(user_id, 0.0), last_revenue.get(user_id, 0.0)
                ),
                "satisfaction": satisfaction.get(user_id),
                "collection": collection.get(user_id),
            }
        return result

    def _appraisal_order_amounts(self, period, user_ids):
        company = period.company
        revenue = defaultdict(float)
        margin = defaultdict(float)
        rate_date = min(period.date_to - relativedelta(days=1), fields.Date.today())
        for user, currency, amount, order_margin in (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sale"),
                    ("user_id", "in", user_ids),
                    ("date_order", ">=", period.date_from),
                    ("date_order", "<", period.date_to),
                ],
                ["user_id", "currency_id"],
                ["amount_untaxed:sum", "margin:sum"],
            )
        ):
            if currency != company.currency_id:
                amount = currency._convert(
                    amount, company.currency_id, company, rate_date
                )
                order_margin = currency._convert(
                    order_margin, company.currency_id, company, rate_date
                )
            revenue[user.id] += amount
            margin[user.id] += order_margin
        return revenue, margin

    def _appraisal_new_customers(self, period, user_ids):
        """{user id: new customers of the period}: the suite's one definition,
        owned by the KPI scorecards of ``sales_customer_dev``."""
        return self.env["sales.kpi.scorecard"]._new_customers_by_rep(
            period.company, period.date_from, period.date_to, user_ids
        )

    def _appraisal_opportunities(self, period, user_ids):
        """Won and contacted opportunity ids and done visits per rep."""
        company_id = period.company.id
        span = [("date", ">=", period.date_from), ("date", "<", period.date_to)]
        won = defaultdict(set)
        for user, lead_ids in (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("company_id", "in", [company_id, False]),
                    ("type", "=", "opportunity"),
                    ("user_id", "in", user_ids),
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", period.date_from),
                    ("date_closed", "<", period.date_to),
                ],
                ["user_id"],
                ["id:array_agg"],
            )
        ):
            won[user.id].update(lead_ids)
        contacted = defaultdict(set)
        visits = {}
        for user, lead_ids, count in (
            self.env["sales.visit.report"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company_id),
                    ("state", "=", "done"),
                    ("user_id", "in", user_ids),
                    *span,
                ],
                ["user_id"],
                ["lead_id:array_agg", "__count"],
            )
        ):
            contacted[user.id].update(lid for lid in lead_ids if lid)
            visits[user.id] = count
        for user, lead_ids in (
            self.env["sales.contact.plan"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company_id),
                    ("state", "=", "done"),
                    ("user_id", "in", user_ids),
                    ("lead_id", "!=", False),
                    ("done_date", ">=", period.date_from),
                    ("done_date", "<", period.date_to),
                ],
                ["user_id"],
                ["lead_id:array_agg"],
            )
        ):
            contacted[user.id].update(lead_ids)
        return won, contacted, visits

    def _appraisal_satisfaction_by_rep(self, period):
        """Hook: ``{user id: satisfaction in percent}`` for the period.

        Here: the average rating (1 to 5) of the rep's visit reports marked
        done in the period, as a percentage of 5. Modules with other sources
        (surveys, complaint revisits) override it and combine their figures
        with ``super()``'s; a rep without a figure is left out (not measured).
        """
        return {
            user.id: score * 100.0 / 5.0
            for user, score in self.env["sales.visit.report"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", period.company.id),
                    ("state", "=", "done"),
                    ("satisfaction_score", ">", 0),
                    ("date", ">=", period.date_from),
                    ("date", "<", period.date_to),
                ],
                ["user_id"],
                ["satisfaction_score:avg"],
            )
        }

    def _appraisal_collection_by_rep(self, period):
        """Hook: ``{user id: collection rate in percent}`` for the period.

        Here: of the rep's posted customer invoices falling due in the
        period, the share of the amount paid. ``sales_receivables`` (or any
        module with collection plans) overrides it with its own figures; a
        rep without an invoice due is left out (not measured).
        """
        result = {}
        for user, total, residual in (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", period.company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("invoice_user_id", "!=", False),
                    ("invoice_date_due", ">=", period.date_from),
                    ("invoice_date_due", "<", period.date_to),
                ],
                ["invoice_user_id"],
                ["amount_total_signed:sum", "amount_residual_signed:sum"],
            )
        ):
            if total:
                result[user.id] = (total - residual) * 100.0 / total
        return result
