# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class SalesCollectionPlanRep(models.Model):
    """Plan vs actual of one salesperson in one monthly plan, with the
    achieved rate against the plan's target (a SQL view over the plan lines:
    always up to date, one row per plan and salesperson)."""

    _name = "sales.collection.plan.rep"
    _description = "Collection Plan by Salesperson"
    _auto = False
    _order = "date_from desc, plan_id, user_id"

    plan_id = fields.Many2one("sales.collection.plan", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date_from = fields.Date(string="Month", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    line_count = fields.Integer(string="Lines", readonly=True)
    amount_expected = fields.Monetary(string="Planned", readonly=True)
    amount_collected = fields.Monetary(string="Collected", readonly=True)
    achieved_percent = fields.Float(
        string="Achieved (%)",
        readonly=True,
        aggregator="avg",
        help="Collected / planned of this salesperson in this plan, in %.",
    )
    target_percent = fields.Float(string="Target (%)", readonly=True, aggregator="avg")
    target_achieved = fields.Boolean(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    SELECT MIN(line.id) AS id,
                           line.plan_id,
                           plan.company_id,
                           company.currency_id,
                           plan.date_from,
                           line.user_id,
                           COUNT(*) AS line_count,
                           SUM(COALESCE(line.amount_expected, 0)) AS amount_expected,
                           SUM(COALESCE(line.amount_collected, 0)) AS amount_collected,
                           CASE WHEN SUM(COALESCE(line.amount_expected, 0)) > 0
                                THEN SUM(COALESCE(line.amount_collected, 0)) * 100.0
                                     / SUM(line.amount_expected)
                                ELSE 0 END AS achieved_percent,
                           plan.target_percent,
                           SUM(COALESCE(line.amount_expected, 0)) > 0
                             AND SUM(COALESCE(line.amount_collected, 0)) * 100.0
                                 >= plan.target_percent
                                    * SUM(COALESCE(line.amount_expected, 0))
                             AS target_achieved
                      FROM sales_collection_plan_line line
                      JOIN sales_collection_plan plan ON plan.id = line.plan_id
                      JOIN res_company company ON company.id = plan.company_id
                  GROUP BY line.plan_id, plan.company_id, company.currency_id,
                           plan.date_from, plan.target_percent, line.user_id
                )
                """,
                view=SQL.identifier(self._table),
            )
        )
