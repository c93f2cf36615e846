# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class SalesPromotionEffectiveness(models.Model):
    """Effectiveness of each campaign of the promotion plans (clause SP-PRO-03).

    One row per plan campaign, read from the database in one query:

    - leads: every lead or opportunity of the plan's company carrying the
      UTM campaign (lost and archived ones included: the campaign brought
      them); opportunities: those of type opportunity;
    - orders, won revenue and margin: confirmed sale orders carrying the
      campaign, untaxed, in the company currency (``sale_margin``'s margin);
    - spend: the actual cost entered on the campaign, or its budget while no
      cost is entered; cost per lead = spend / leads; return on spend = won
      revenue / spend (empty when the divisor is zero).
    """

    _name = "sales.promotion.effectiveness"
    _description = "Promotion Campaign Effectiveness"
    _auto = False
    _order = "year desc, date_start, id"

    promotion_campaign_id = fields.Many2one(
        "sales.promotion.campaign", string="Plan Campaign", readonly=True
    )
    plan_id = fields.Many2one(
        "sales.promotion.plan", string="Promotion Plan", readonly=True
    )
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    medium_id = fields.Many2one("utm.medium", string="Channel", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    date_start = fields.Date(string="Start", readonly=True)
    date_end = fields.Date(string="End", readonly=True)
    budget = fields.Monetary(readonly=True)
    actual_cost = fields.Monetary(readonly=True)
    spend = fields.Monetary(readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    order_count = fields.Integer(string="Won Orders", readonly=True)
    revenue = fields.Monetary(string="Won Revenue", readonly=True)
    margin = fields.Monetary(readonly=True)
    cost_per_lead = fields.Monetary(readonly=True, aggregator=None)
    return_on_spend = fields.Float(
        readonly=True,
        aggregator=None,
        digits=(16, 2),
        help="Won revenue divided by spend.",
    )

    def _query(self):
        return SQL(
            """
            WITH lines AS (
                SELECT c.id, c.plan_id, c.campaign_id, p.company_id, p.year,
                       c.medium_id, c.user_id,
                       c.date_start, c.date_end,
                       COALESCE(c.budget, 0) AS budget,
                       COALESCE(c.actual_cost, 0) AS actual_cost,
                       CASE WHEN COALESCE(c.actual_cost, 0) > 0 THEN c.actual_cost
                            ELSE COALESCE(c.budget, 0) END AS spend
                  FROM sales_promotion_campaign c
                  JOIN sales_promotion_plan p ON p.id = c.plan_id
            ), leads AS (
                SELECT l.id AS line_id, COUNT(cl.id) AS lead_count,
                       COUNT(cl.id) FILTER (WHERE cl.type = 'opportunity')
                           AS opportunity_count
                  FROM lines l
                  JOIN crm_lead cl ON cl.campaign_id = l.campaign_id
                   AND (cl.company_id = l.company_id OR cl.company_id IS NULL)
                 GROUP BY l.id
            ), orders AS (
                SELECT l.id AS line_id, COUNT(so.id) AS order_count,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                           AS revenue,
                       SUM(COALESCE(so.margin, 0)
                           / COALESCE(NULLIF(so.currency_rate, 0), 1)) AS margin
                  FROM lines l
                  JOIN sale_order so ON so.campaign_id = l.campaign_id
                   AND so.company_id = l.company_id AND so.state = 'sale'
                 GROUP BY l.id
            )
            SELECT l.id, l.id AS promotion_campaign_id, l.plan_id, l.campaign_id,
                   l.company_id, rc.currency_id, l.year, l.medium_id,
                   l.user_id, l.date_start, l.date_end, l.budget, l.actual_cost,
                   l.spend,
                   COALESCE(ld.lead_count, 0) AS lead_count,
                   COALESCE(ld.opportunity_count, 0) AS opportunity_count,
                   COALESCE(o.order_count, 0) AS order_count,
                   COALESCE(o.revenue, 0) AS revenue,
                   COALESCE(o.margin, 0) AS margin,
                   l.spend / NULLIF(ld.lead_count, 0) AS cost_per_lead,
                   COALESCE(o.revenue, 0) / NULLIF(l.spend, 0) AS return_on_spend
              FROM lines l
              JOIN res_company rc ON rc.id = l.company_id
              LEFT JOIN leads ld ON ld.line_id = l.id
              LEFT JOIN orders o ON o.line_id = l.id
            """
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
