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

from ..tools.forecast_math import next_months, suggested_line
from .sales_forecast import USER_GROUP
from .sales_forecast_line import REFERENCE_FIELDS

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
        """Add or refresh the suggested lines of draft ``forecasts`` (sudo);
        returns the lines added.

        New lines take the pipeline suggestion as their amount (last year's
        amount without one) and last year's quantity
        (``tools/forecast_math.py:suggested_line``); they are inserted by one
        SQL statement per company and month (:meth:`_insert_lines`, the same
        rule in SQL). The rep's amounts on existing lines are kept, only their
        reference figures change (ORM writes: a refresh touches one forecast).
        """
        groups = defaultdict(lambda: forecasts.browse())
        for forecast in forecasts.filtered(lambda f: f.state == "draft"):
            groups[(forecast.company_id, forecast.month)] |= forecast
        Line = self.env["sales.forecast.line"].sudo()
        created = []
        for (company, month), group in groups.items():
            if group.line_ids:
                self._refresh_lines(company, month, group)
            created += self._insert_lines(company, month, group)
        return Line.browse(created)

    @api.model
    def _quantity_digits(self):
        return self.env["decimal.precision"].precision_get("Product Unit of Measure")

    @api.model
    def _figures(self, company, month, user_ids):
        """{(user id, partner id, category id or None): [pipeline, last
        year's amount, last year's quantity]} (unrounded)."""
        figures = defaultdict(lambda: [0.0, 0.0, 0.0])
        for user_id, partner_id, categ_id, amount in self._pipeline_rows(
            company, month, user_ids
        ):
            figures[(user_id, partner_id, categ_id)][0] += amount
        for user_id, partner_id, categ_id, amount, qty in self._history_rows(
            company, month, user_ids
        ):
            figures[(user_id, partner_id, categ_id)][1] += amount
            figures[(user_id, partner_id, categ_id)][2] += qty
        return figures

    @api.model
    def _refresh_lines(self, company, month, forecasts):
        """Write the current reference figures on the existing lines of
        ``forecasts`` (those that changed)."""
        figures = self._figures(company, month, forecasts.user_id.ids)
        rounding = company.currency_id.rounding
        digits = self._quantity_digits()
        for line in forecasts.line_ids:
            key = (line.user_id.id, line.partner_id.id, line.categ_id.id or None)
            suggested = suggested_line(
                *figures.get(key, (0.0, 0.0, 0.0)), rounding, digits
            )
            vals = {name: suggested[name] for name in REFERENCE_FIELDS}
            if any(line[name] != value for name, value in vals.items()):
                line.write(vals)

    @api.model
    def _suggestion_sql(self, pipeline, history, quantity, rounding, digits):
        """``suggested_line`` (``tools/forecast_math.py``) in SQL: its
        figures {field: SQL expression} over the SQL expressions
        ``pipeline``, ``history`` and ``quantity``."""

        def money(value):
            return SQL("ROUND((%s)::numeric / %s) * %s", value, rounding, rounding)

        pipeline = SQL("COALESCE((%s)::numeric, 0)", pipeline)
        history = SQL("COALESCE((%s)::numeric, 0)", history)
        quantity = SQL("ROUND(COALESCE((%s)::numeric, 0), %s)", quantity, digits)
        return {
            "pipeline_amount": money(pipeline),
            "history_amount": money(history),
            "history_quantity": quantity,
            "amount": money(
                SQL(
                    "CASE WHEN %s <> 0 THEN %s ELSE %s END",
                    pipeline,
                    pipeline,
                    history,
                )
            ),
            "quantity": quantity,
        }

    @api.model
    def _insert_lines(self, company, month, forecasts):
        """Insert the missing suggested lines of ``forecasts`` (draft, of
        ``company`` and ``month``) in one statement; returns their ids.

        A line is missing when its forecast has none for the customer and
        category (the unique index ``sales_forecast_line_uniq``). No ORM
        ``create``: its checks hold by construction (sudo, draft forecasts,
        commercial partners, one line per key, figures from the queries) and
        the line has no chatter; the stored related fields are copied from
        the forecast and the forecasts' totals are recomputed.
        """
        Line = self.env["sales.forecast.line"]
        self.env["sales.forecast"].flush_model()
        Line.flush_model()
        suggestion = self._suggestion_sql(
            SQL("s.pipeline"),
            SQL("s.history"),
            SQL("s.quantity"),
            company.currency_id.rounding,
            self._quantity_digits(),
        )
        now = fields.Datetime.now()
        user_ids = forecasts.user_id.ids
        ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    """
                    WITH figures AS (
                        SELECT user_id, partner_id, categ_id,
                               SUM(pipeline) AS pipeline, SUM(history) AS history,
                               SUM(quantity) AS quantity
                          FROM (SELECT user_id, partner_id, categ_id,
                                       amount::numeric AS pipeline,
                                       0::numeric AS history, 0::numeric AS quantity
                                  FROM (%(pipeline)s) p
                                UNION ALL
                                SELECT user_id, partner_id, categ_id, 0::numeric,
                                       amount::numeric, quantity::numeric
                                  FROM (%(history)s) h) u
                      GROUP BY 1, 2, 3
                    )
                    INSERT INTO sales_forecast_line
                           (forecast_id, company_id, user_id, team_id, month, state,
                            partner_id, categ_id, %(columns)s,
                            create_uid, create_date, write_uid, write_date)
                    SELECT f.id, f.company_id, f.user_id, f.team_id, f.month, f.state,
                           s.partner_id, s.categ_id, %(values)s,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM figures s
                      JOIN sales_forecast f
                        ON f.user_id = s.user_id AND f.id = ANY(%(ids)s)
                     WHERE NOT EXISTS (
                           SELECT 1 FROM sales_forecast_line l
                            WHERE l.forecast_id = f.id
                              AND l.partner_id = s.partner_id
                              AND COALESCE(l.categ_id, 0) = COALESCE(s.categ_id, 0))
                  ORDER BY f.id, s.partner_id, s.categ_id
                    RETURNING id
                    """,
                    pipeline=self._pipeline_query(company, month, user_ids),
                    history=self._history_query(company, month, user_ids),
                    columns=SQL(", ").join(SQL.identifier(c) for c in suggestion),
                    values=SQL(", ").join(suggestion.values()),
                    ids=forecasts.ids,
                    uid=self.env.uid,
                    now=now,
                )
            )
        ]
        if ids:
            # the forecasts' totals (``_compute_totals``: the sums of their
            # lines) in the same set-based way, instead of an ORM recompute
            # reading every line back
            self.env.cr.execute(
                SQL(
                    """UPDATE sales_forecast f
                          SET amount_total = t.amount,
                              pipeline_total = t.pipeline,
                              history_total = t.history
                         FROM (SELECT forecast_id, SUM(amount) AS amount,
                                      SUM(pipeline_amount) AS pipeline,
                                      SUM(history_amount) AS history
                                 FROM sales_forecast_line
                                WHERE forecast_id = ANY(%s)
                             GROUP BY forecast_id) t
                        WHERE f.id = t.forecast_id""",
                    forecasts.ids,
                )
            )
            forecasts.invalidate_recordset(
                ["line_ids", "amount_total", "pipeline_total", "history_total"]
            )
        return ids

    @api.model
    def _pipeline_rows(self, company, month, user_ids):
        """[(user id, partner id, category id or None, weighted amount)]."""
        if not user_ids:
            return []
        return self.env.execute_query(self._pipeline_query(company, month, user_ids))

    @api.model
    def _pipeline_query(self, company, month, user_ids):
        """The query of :meth:`_pipeline_rows` (columns user_id, partner_id,
        categ_id, amount)."""
        self.env["crm.lead"].flush_model()
        self.env["sale.order"].flush_model()
        self.env["sale.order.line"].flush_model()
        return SQL(
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
                           AS amount
                  FROM leads
             LEFT JOIN cat ON cat.lead_id = leads.id
             LEFT JOIN tot ON tot.lead_id = leads.id
              GROUP BY 1, 2, 3
                """,
            company=company.id,
            users=tuple(user_ids or [0]),
            start=month,
            end=month + relativedelta(months=1),
        )

    @api.model
    def _history_rows(self, company, month, user_ids):
        """[(user id, partner id, category id or None, amount, quantity)] of
        the orders confirmed in the same month last year."""
        if not user_ids:
            return []
        return self.env.execute_query(self._history_query(company, month, user_ids))

    @api.model
    def _history_query(self, company, month, user_ids):
        """The query of :meth:`_history_rows` (columns user_id, partner_id,
        categ_id, amount, quantity)."""
        self.env["sale.order"].flush_model()
        self.env["sale.order.line"].flush_model()
        start = month - relativedelta(years=1)
        return SQL(
            """
                SELECT so.user_id, p.commercial_partner_id AS partner_id,
                       pt.categ_id,
                       SUM(sol.price_subtotal
                           / COALESCE(NULLIF(so.currency_rate, 0), 1)) AS amount,
                       SUM(sol.product_uom_qty) AS quantity
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
            users=tuple(user_ids or [0]),
            start=start,
            end=start + relativedelta(months=1),
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
