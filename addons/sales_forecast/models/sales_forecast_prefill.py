# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pre-fill engine: draft forecasts and their suggested lines, set-based.

For a company and month, two aggregate queries give every rep's figures per
customer (commercial entity) and product category:

- the pipeline: open opportunities expected to close in the month (their
  deadline), expected revenue x probability / 100, split over product
  categories in proportion to the untaxed lines of the opportunity's
  quotations (no quotation line: no category);
- the history: the untaxed amount and quantity of the lines of orders
  confirmed in the same month last year, in the company currency.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

from ..tools.forecast_math import next_months
from .sales_forecast import USER_GROUP

_logger = logging.getLogger(__name__)
REMINDER_TYPE = "sales_forecast.mail_activity_type_forecast_due"


class SalesForecastPrefill(models.AbstractModel):
    _name = "sales.forecast.prefill"
    _description = "Sales Forecast Pre-fill Engine"

    @api.model
    def _forecast_users(self, company):
        """The reps who forecast for ``company``."""
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(USER_GROUP).id),
                    ("share", "=", False),
                    ("company_ids", "in", company.id),
                ]
            )
        )

    @api.model
    def _generate(self, company, months, users=None):
        """Create the missing draft forecasts of ``users`` (default: every
        rep) for ``months`` (first days) and pre-fill them; returns them."""
        users = users if users is not None else self._forecast_users(company)
        # many records at once: no creation message nor follower per forecast
        Forecast = (
            self.env["sales.forecast"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
        )
        if not users or not months:
            return Forecast
        existing = {
            (user.id, month)
            for user, month in Forecast._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", users.ids),
                    ("month", "in", months),
                ],
                ["user_id", "month:day"],
            )
        }
        vals_list = [
            {"user_id": user.id, "month": month, "company_id": company.id}
            for month in months
            for user in users
            if (user.id, month) not in existing
        ]
        forecasts = Forecast.create(vals_list)
        self._prefill(forecasts)
        return forecasts.with_env(self.env)

    @api.model
    def _prefill(self, forecasts):
        """Add or refresh the suggested lines of draft ``forecasts`` (sudo).

        New lines take the pipeline suggestion as their amount (last year's
        amount without one) and last year's quantity; the rep's amounts on
        existing lines are kept, only their reference figures change.
        """
        groups = defaultdict(lambda: forecasts.browse())
        for forecast in forecasts.filtered(lambda f: f.state == "draft"):
            groups[(forecast.company_id, forecast.month)] |= forecast
        Line = self.env["sales.forecast.line"].sudo()
        to_create = []
        for (company, month), group in groups.items():
            by_user = {forecast.user_id.id: forecast for forecast in group}
            figures = defaultdict(lambda: [0.0, 0.0, 0.0])
            for user_id, partner_id, categ_id, amount in self._pipeline_rows(
                company, month, list(by_user)
            ):
                figures[(user_id, partner_id, categ_id)][0] += amount
            for user_id, partner_id, categ_id, amount, qty in self._history_rows(
                company, month, list(by_user)
            ):
                figures[(user_id, partner_id, categ_id)][1] += amount
                figures[(user_id, partner_id, categ_id)][2] += qty
            currency = company.currency_id
            for line in group.line_ids:
                key = (line.user_id.id, line.partner_id.id, line.categ_id.id or None)
                pipeline, history, qty = figures.pop(key, (0.0, 0.0, 0.0))
                vals = {
                    "pipeline_amount": currency.round(pipeline),
                    "history_amount": currency.round(history),
                    "history_quantity": qty,
                }
                if any(line[name] != value for name, value in vals.items()):
                    line.write(vals)
            for (user_id, partner_id, categ_id), values in figures.items():
                pipeline, history, qty = values
                to_create.append(
                    {
                        "forecast_id": by_user[user_id].id,
                        "partner_id": partner_id,
                        "categ_id": categ_id,
                        "pipeline_amount": currency.round(pipeline),
                        "history_amount": currency.round(history),
                        "history_quantity": qty,
                        "amount": currency.round(pipeline or history),
                        "quantity": qty,
                    }
                )
        return Line.create(to_create)

    @api.model
    def _pipeline_rows(self, company, month, user_ids):
        """[(user id, partner id, category id or None, weighted amount)]."""
        if not user_ids:
            return []
        self.env["crm.lead"].flush_model()
        self.env["sale.order"].flush_model()
        self.env["sale.order.line"].flush_model()
        return self.env.execute_query(
            SQL(
                """
                WITH leads AS (
                    SELECT l.id, l.user_id, p.commercial_partner_id AS partner_id,
                           l.expected_revenue * l.probability / 100.0 AS weighted
                      FROM crm_lead l
                      JOIN res_partner p ON p.id = l.partner_id
                 LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.active AND l.type = 'opportunity'
                       AND l.company_id = %(company)s AND l.user_id IN %(users)s
                       AND l.date_deadline >= %(start)s AND l.date_deadline < %(end)s
                       AND NOT COALESCE(s.is_won, FALSE)
                       AND l.probability > 0 AND l.expected_revenue > 0
                ),
                cat AS (
                    SELECT so.opportunity_id AS lead_id, pt.categ_id,
                           SUM(sol.price_subtotal) AS weight
                      FROM sale_order_line sol
                      JOIN sale_order so ON so.id = sol.order_id
                      JOIN product_product pp ON pp.id = sol.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE so.opportunity_id IN (SELECT id FROM leads)
                       AND so.state != 'cancel' AND sol.display_type IS NULL
                  GROUP BY 1, 2
                    HAVING SUM(sol.price_subtotal) > 0
                ),
                tot AS (SELECT lead_id, SUM(weight) AS total FROM cat GROUP BY 1)
                SELECT leads.user_id, leads.partner_id, cat.categ_id,
                       SUM(leads.weighted * COALESCE(cat.weight / tot.total, 1))
                  FROM leads
             LEFT JOIN cat ON cat.lead_id = leads.id
             LEFT JOIN tot ON tot.lead_id = leads.id
              GROUP BY 1, 2, 3
                """,
                company=company.id,
                users=tuple(user_ids),
                start=month,
                end=month + relativedelta(months=1),
            )
        )

    @api.model
    def _history_rows(self, company, month, user_ids):
        """[(user id, partner id, category id or None, amount, quantity)] of
        the orders confirmed in the same month last year."""
        if not user_ids:
            return []
        self.env["sale.order"].flush_model()
        self.env["sale.order.line"].flush_model()
        start = month - relativedelta(years=1)
        return self.env.execute_query(
            SQL(
                """
                SELECT so.user_id, p.commercial_partner_id, pt.categ_id,
                       SUM(sol.price_subtotal
                           / COALESCE(NULLIF(so.currency_rate, 0), 1)),
                       SUM(sol.product_uom_qty)
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                  JOIN res_partner p ON p.id = so.partner_id
             LEFT JOIN product_product pp ON pp.id = sol.product_id
             LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND so.user_id IN %(users)s
                   AND so.date_order >= %(start)s AND so.date_order < %(end)s
                   AND sol.display_type IS NULL
              GROUP BY 1, 2, 3
                """,
                company=company.id,
                users=tuple(user_ids),
                start=start,
                end=start + relativedelta(months=1),
            )
        )

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------
    @api.model
    def _cron_generate(self, batch_size=1, commit=None):
        """Daily: the draft forecasts of the coming months, for every rep of
        every company (those that exist are left alone); one committed
        batch per company."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].sudo().search([])
        batches = CronBatches(self.env, batch_size, commit=commit)
        batches.expect(len(companies))
        created = self.env["sales.forecast"].sudo()
        for company in companies:
            try:
                with self.env.cr.savepoint():
                    months = next_months(today, company.sales_forecast_months_ahead)
                    created |= self.sudo()._generate(company, months)
            except Exception:
                _logger.exception(
                    "Could not generate the sales forecasts of company %s", company.id
                )
                batches.processed(failed=True)
                continue
            batches.processed()
        batches.flush()
        return created

    @api.model
    def _cron_remind(self, batch_size=100, commit=None):
        """Daily: missing forecasts are created, then each rep whose forecast
        is still a draft within the reminder days before its deadline gets
        one reminder activity."""
        self._cron_generate(commit=commit)
        today = fields.Date.context_today(self)
        Forecast = self.env["sales.forecast"].sudo()
        drafts = Forecast.search(
            [("state", "=", "draft"), ("deadline", ">=", today)]
        ).filtered(
            lambda f: f.deadline
            - timedelta(days=f.company_id.sales_forecast_reminder_days)
            <= today
        )
        activity_type = self.env.ref(REMINDER_TYPE)
        reminded = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sales.forecast"),
                    ("res_id", "in", drafts.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        todo = drafts.filtered(lambda f: f.id not in reminded)
        batches = CronBatches(self.env, batch_size, commit=commit)
        batches.expect(len(todo))
        for forecast in todo:
            try:
                with self.env.cr.savepoint():
                    forecast.activity_schedule(
                        REMINDER_TYPE,
                        date_deadline=forecast.deadline,
                        user_id=forecast.user_id.id,
                        summary=self.env._(
                            "Submit your sales forecast for %(month)s by %(deadline)s",
                            month=forecast.month.strftime("%Y-%m"),
                            deadline=forecast.deadline,
                        ),
                    )
            except Exception:
                _logger.exception("Could not remind forecast %s", forecast.id)
                batches.processed(failed=True)
                continue
            batches.processed()
        batches.flush()
        return todo
