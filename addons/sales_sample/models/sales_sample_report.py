# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Monthly sample statistics (clause SP-SMP-04): one row per submitted
request, with its month, its cycle time per stage in days and whether it was
won; the pivot and graph sum the counts and average the days and the
conversion rate (won over won + lost)."""

from odoo import fields, models, tools
from odoo.tools import SQL


class SalesSampleReport(models.Model):
    _name = "sales.sample.report"
    _description = "Sample Statistics"
    _auto = False
    _order = "month desc"
    _rec_name = "request_id"
    _depends = {
        "sales.sample.request": [
            "company_id",
            "team_id",
            "user_id",
            "commercial_partner_id",
            "kind",
            "state",
            "fee_rule",
            "request_date",
            "submit_date",
            "accept_date",
            "made_date",
            "sent_date",
            "feedback_date",
            "close_date",
            "fee_amount",
        ],
    }

    request_id = fields.Many2one("sales.sample.request", readonly=True)
    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    kind = fields.Selection(
        [("sample", "Trial Sample"), ("tooling", "Tooling (Mould)")], readonly=True
    )
    # "stage", not "state": a read-only figure of the view, not a workflow state
    stage = fields.Selection(
        selection=lambda self: self.env["sales.sample.request"]
        ._fields["state"]
        ._description_selection(self.env),
        string="Status",
        readonly=True,
    )
    request_count = fields.Integer(string="Requests", readonly=True)
    days_to_accept = fields.Float(
        string="Days to R&D Acceptance", aggregator="avg", readonly=True
    )
    days_to_make = fields.Float(string="Days to Make", aggregator="avg", readonly=True)
    days_to_send = fields.Float(string="Days to Send", aggregator="avg", readonly=True)
    days_to_feedback = fields.Float(
        string="Days to Feedback", aggregator="avg", readonly=True
    )
    days_total = fields.Float(
        string="Cycle Time (Days)",
        aggregator="avg",
        readonly=True,
        help="From submission to won or lost.",
    )
    won_count = fields.Integer(string="Won", readonly=True)
    closed_count = fields.Integer(string="Won or Lost", readonly=True)
    conversion_rate = fields.Float(
        string="Conversion (%)",
        aggregator="avg",
        readonly=True,
        help="Won requests over won and lost requests.",
    )

    def _query(self):
        return SQL(
            """
            SELECT r.id AS id,
                   r.id AS request_id,
                   date_trunc('month', r.request_date)::date AS month,
                   r.company_id, r.team_id, r.user_id,
                   r.commercial_partner_id AS partner_id,
                   r.kind, r.state AS stage,
                   1 AS request_count,
                   (r.accept_date - r.submit_date)::float AS days_to_accept,
                   (r.made_date - r.accept_date)::float AS days_to_make,
                   (r.sent_date - r.made_date)::float AS days_to_send,
                   (r.feedback_date - r.sent_date)::float AS days_to_feedback,
                   (r.close_date - r.submit_date)::float AS days_total,
                   (r.state = 'won')::int AS won_count,
                   (r.state IN ('won', 'lost'))::int AS closed_count,
                   CASE WHEN r.state = 'won' THEN 100.0
                        WHEN r.state = 'lost' THEN 0.0 END AS conversion_rate
              FROM sales_sample_request r
             WHERE r.state NOT IN ('draft', 'cancelled')
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
