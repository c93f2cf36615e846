# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class SalesVisitReviewReport(models.Model):
    """Weekly review: planned visits against visits done, per rep and week."""

    _name = "sales.visit.review.report"
    _description = "Weekly Visit Review"
    _auto = False
    _order = "week_start desc, user_id"

    week_start = fields.Date(string="Week of", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    planned_count = fields.Integer(string="Planned Visits", readonly=True)
    done_count = fields.Integer(string="Visits Done", readonly=True)
    planned_done_count = fields.Integer(string="Planned and Done", readonly=True)
    unplanned_count = fields.Integer(string="Unplanned Visits", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %(table)s AS (
                SELECT line.id * 2 AS id,
                       line.week_start,
                       line.user_id,
                       line.partner_id,
                       line.company_id,
                       1 AS planned_count,
                       CASE WHEN line.is_done THEN 1 ELSE 0 END AS done_count,
                       CASE WHEN line.is_done THEN 1 ELSE 0 END AS planned_done_count,
                       0 AS unplanned_count
                  FROM sales_visit_plan_line line
                UNION ALL
                SELECT report.id * 2 + 1 AS id,
                       report.week_start,
                       report.user_id,
                       report.partner_id,
                       report.company_id,
                       0 AS planned_count,
                       1 AS done_count,
                       0 AS planned_done_count,
                       1 AS unplanned_count
                  FROM sales_visit_report report
                 WHERE report.state = 'done'
                   AND report.plan_line_id IS NULL
            )
                """,
                table=SQL.identifier(self._table),
            )
        )
