# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class SalesAgedReceivableReport(models.Model):
    """Open customer receivables by salesperson, customer grade and aging
    bucket (the company's buckets, e.g. 30,60,90), as of today."""

    _name = "sales.aged.receivable.report"
    _description = "Aged Receivables by Salesperson and Grade"
    _auto = False
    _order = "bucket_sequence, date_maturity, id"
    _rec_name = "move_id"

    move_line_id = fields.Many2one("account.move.line", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    sales_grade = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["sales_grade"]
        ._description_selection(self.env),
        string="Customer Grade",
        readonly=True,
    )
    date_maturity = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    bucket = fields.Char(string="Aging", readonly=True)
    bucket_sequence = fields.Integer(readonly=True, aggregator="min")
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)

    def _query(self):
        # bucket k (1-based) holds the days in (bound[k-1], bound[k]]; past the
        # last bound: "> last"; not yet due: "Not Due" (sequence 0)
        return SQL(
            """
            SELECT aml.id AS id,
                   aml.id AS move_line_id,
                   aml.move_id AS move_id,
                   aml.company_id AS company_id,
                   aml.company_currency_id AS currency_id,
                   cp.id AS partner_id,
                   COALESCE(am.invoice_user_id, cp.user_id) AS user_id,
                   cp.sales_grade AS sales_grade,
                   aml.date_maturity AS date_maturity,
                   age.days AS days_overdue,
                   CASE
                       WHEN age.days <= 0 THEN %(not_due)s
                       WHEN k.idx = cardinality(b.bounds)
                           THEN '> ' || b.bounds[k.idx]
                       WHEN k.idx = 0 THEN '1-' || b.bounds[1]
                       ELSE (b.bounds[k.idx] + 1) || '-' || b.bounds[k.idx + 1]
                   END AS bucket,
                   CASE WHEN age.days <= 0 THEN 0 ELSE k.idx + 1 END
                       AS bucket_sequence,
                   aml.amount_residual AS amount_residual,
                   CASE WHEN age.days > 0 THEN aml.amount_residual ELSE 0 END
                       AS amount_overdue
              FROM account_move_line aml
              JOIN account_move am ON am.id = aml.move_id
              JOIN account_account acc ON acc.id = aml.account_id
              JOIN res_partner p ON p.id = aml.partner_id
              JOIN res_partner cp ON cp.id = COALESCE(p.commercial_partner_id, p.id)
              JOIN res_company c ON c.id = aml.company_id
              CROSS JOIN LATERAL (
                  SELECT CURRENT_DATE - COALESCE(aml.date_maturity, aml.date) AS days
              ) age
              CROSS JOIN LATERAL (
                  SELECT COALESCE(
                      string_to_array(
                          replace(COALESCE(c.sales_aging_buckets, '30,60,90'), ' ', ''),
                          ','
                      )::int[],
                      ARRAY[30, 60, 90]
                  ) AS bounds
              ) b
              CROSS JOIN LATERAL (
                  SELECT count(*)::int AS idx
                    FROM unnest(b.bounds) bound
                   WHERE bound < age.days
              ) k
             WHERE aml.parent_state = 'posted'
               AND acc.account_type = 'asset_receivable'
               AND aml.reconciled IS NOT TRUE
               AND aml.amount_residual != 0
            """,
            not_due=self.env._("Not Due"),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
