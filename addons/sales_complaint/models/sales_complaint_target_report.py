# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sales office's three service-quality targets, per rep and month.

- satisfaction rate: satisfied responses / all responses
  (``sales.satisfaction.response``), target 98 %;
- timely feedback rate: complaints first answered and suggestions answered
  within their deadline / all answered in the month, target 100 %;
- contract accuracy: orders confirmed in the month and not edited after
  confirmation / all confirmed in the month, target 100 %.

One row per company, rep and month (months in UTC), counts and rates; the
rates of a row are exact, sums of counts give the rate of several rows.
"""

from odoo import api, fields, models
from odoo.tools import SQL

TARGET_SATISFACTION = 98.0
TARGET_FEEDBACK = 100.0
TARGET_CONTRACT = 100.0


class SalesComplaintTargetReport(models.Model):
    _name = "sales.complaint.target.report"
    _description = "Service-Quality Targets per Rep and Month"
    _auto = False
    _order = "month desc, user_id"
    _depends = {
        "sales.satisfaction.response": ["date", "satisfied", "user_id", "company_id"],
        "crm.claim": [
            "first_response_date",
            "response_timely",
            "user_id",
            "company_id",
        ],
        "sales.customer.suggestion": [
            "answered_date",
            "timely",
            "user_id",
            "company_id",
        ],
        "sale.order": [
            "date_order",
            "state",
            "contract_edited",
            "user_id",
            "company_id",
        ],
    }

    month = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    satisfaction_count = fields.Integer(string="Survey Answers", readonly=True)
    satisfied_count = fields.Integer(string="Satisfied Answers", readonly=True)
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)", aggregator="avg", readonly=True
    )
    feedback_count = fields.Integer(string="Feedback Given", readonly=True)
    feedback_timely_count = fields.Integer(string="Feedback in Time", readonly=True)
    feedback_rate = fields.Float(
        string="Timely Feedback Rate (%)", aggregator="avg", readonly=True
    )
    contract_count = fields.Integer(string="Orders Confirmed", readonly=True)
    contract_accurate_count = fields.Integer(
        string="Orders Not Edited After Confirmation", readonly=True
    )
    contract_rate = fields.Float(
        string="Contract Accuracy (%)", aggregator="avg", readonly=True
    )
    satisfaction_target = fields.Float(aggregator="avg", readonly=True)
    feedback_target = fields.Float(aggregator="avg", readonly=True)
    contract_target = fields.Float(aggregator="avg", readonly=True)

    # --- the facts: one definition for the report and the KPI scorecard ------
    @api.model
    def _fact_filter(self, date_column, start=None, end=None, company_ids=None):
        """``AND ...`` restricting one source's facts to ``[start, end)`` and
        ``company_ids`` (nothing when not given)."""
        clauses = [SQL("")]
        if start:
            clauses.append(SQL("AND %s >= %s", SQL.identifier(date_column), start))
        if end:
            clauses.append(SQL("AND %s < %s", SQL.identifier(date_column), end))
        if company_ids:
            clauses.append(SQL("AND company_id IN %s", tuple(company_ids)))
        return SQL(" ").join(clauses)

    @api.model
    def _satisfaction_query(self, start=None, end=None, company_ids=None):
        return SQL(
            """
            SELECT user_id, company_id, date_trunc('month', date)::date AS month,
                   count(*) AS sat_n, count(*) FILTER (WHERE satisfied) AS sat_ok,
                   0 AS fb_n, 0 AS fb_ok, 0 AS so_n, 0 AS so_ok
              FROM sales_satisfaction_response
             WHERE user_id IS NOT NULL %(filter)s
             GROUP BY 1, 2, 3
            """,
            filter=self._fact_filter("date", start, end, company_ids),
        )

    @api.model
    def _facts_query(self, start=None, end=None, company_ids=None):
        """Counts per rep, company and month of each source (months in UTC),
        optionally restricted to ``[start, end)`` and ``company_ids``:
        satisfaction answers, complaints first answered and suggestions
        answered (feedback), orders confirmed (contracts)."""

        def where(column):
            return self._fact_filter(column, start, end, company_ids)

        return SQL(
            """
            %(satisfaction)s
            UNION ALL
            SELECT user_id, company_id,
                   date_trunc('month', first_response_date)::date,
                   0, 0, count(*), count(*) FILTER (WHERE response_timely), 0, 0
              FROM crm_claim
             WHERE first_response_date IS NOT NULL AND user_id IS NOT NULL
                   %(claim_filter)s
             GROUP BY 1, 2, 3
            UNION ALL
            SELECT user_id, company_id, date_trunc('month', answered_date)::date,
                   0, 0, count(*), count(*) FILTER (WHERE timely), 0, 0
              FROM sales_customer_suggestion
             WHERE answered_date IS NOT NULL AND user_id IS NOT NULL
                   %(suggestion_filter)s
             GROUP BY 1, 2, 3
            UNION ALL
            SELECT user_id, company_id, date_trunc('month', date_order)::date,
                   0, 0, 0, 0, count(*),
                   count(*) FILTER (WHERE contract_edited IS NOT TRUE)
              FROM sale_order
             WHERE state = 'sale' AND user_id IS NOT NULL %(order_filter)s
             GROUP BY 1, 2, 3
            """,
            satisfaction=self._satisfaction_query(start, end, company_ids),
            claim_filter=where("first_response_date"),
            suggestion_filter=where("answered_date"),
            order_filter=where("date_order"),
        )

    @api.model
    def _figures_select(self):
        """The counts and rates of a group of facts (the report's columns)."""
        return SQL(
            """
                   sum(sat_n) AS satisfaction_count,
                   sum(sat_ok) AS satisfied_count,
                   CASE WHEN sum(sat_n) > 0
                        THEN 100.0 * sum(sat_ok) / sum(sat_n) END AS satisfaction_rate,
                   sum(fb_n) AS feedback_count,
                   sum(fb_ok) AS feedback_timely_count,
                   CASE WHEN sum(fb_n) > 0
                        THEN 100.0 * sum(fb_ok) / sum(fb_n) END AS feedback_rate,
                   sum(so_n) AS contract_count,
                   sum(so_ok) AS contract_accurate_count,
                   CASE WHEN sum(so_n) > 0
                        THEN 100.0 * sum(so_ok) / sum(so_n) END AS contract_rate
            """
        )

    @api.model
    def _row_id_sql(self):
        """A row's id from its keys (rep, company, month).

        Not a window function: a filter of the caller on the month or the rep
        is then pushed down into each source's query (a ``row_number()`` over
        the rows would make PostgreSQL aggregate every month first)."""
        return SQL(
            "((user_id::bigint * 1000 + COALESCE(company_id, 0)) * 100000"
            " + extract(year FROM month)::int * 12 + extract(month FROM month)::int)"
        )

    @api.model
    def _table_query_sql(self):
        return SQL(
            """
            WITH facts AS (%(facts)s)
            SELECT %(row_id)s AS id, month, user_id, company_id,
                   %(figures)s,
                   %(t_sat)s AS satisfaction_target,
                   %(t_fb)s AS feedback_target,
                   %(t_so)s AS contract_target
              FROM facts
             GROUP BY month, user_id, company_id
            """,
            row_id=self._row_id_sql(),
            facts=self._facts_query(),
            figures=self._figures_select(),
            t_sat=TARGET_SATISFACTION,
            t_fb=TARGET_FEEDBACK,
            t_so=TARGET_CONTRACT,
        )

    @api.model
    def _figures_by_user(self, start, end, company_ids=None):
        """``{user_id: {column: value}}`` of the report's figures over
        ``[start, end)`` (the KPI scorecard's month): the same facts and
        arithmetic as the report's rows, summed per rep. Rates are None when
        there is nothing to count."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT user_id, %(figures)s
                  FROM (%(facts)s) AS facts
                 GROUP BY user_id
                """,
                figures=self._figures_select(),
                facts=self._facts_query(start, end, company_ids),
            )
        )
        return {row.pop("user_id"): row for row in self.env.cr.dictfetchall()}

    @property
    def _table_query(self):
        return self._table_query_sql()
