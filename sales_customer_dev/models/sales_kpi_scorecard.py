# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import (
    as_date,
    as_records,
    public_arguments,
)

from ..kpi import conversion_rate, is_under_target, month_start, months_under_target

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
USER_GROUP = "sales_policy_base.group_sales_policy_user"


class SalesKpiScorecard(models.Model):
    _name = "sales.kpi.scorecard"
    _description = "Salesperson KPI Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, user_id"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson", required=True, index=True, readonly=True
    )
    month = fields.Date(
        required=True, index=True, readonly=True, help="First day of the month."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    new_customers = fields.Integer(
        readonly=True,
        help="Commercial partners whose first confirmed order in the company "
        "falls in the month, counted for the rep of that order (a repeat buyer "
        "is not new, however long ago they last bought).",
    )
    prospects_contacted = fields.Integer(
        readonly=True,
        help="Distinct customers and prospects with a visit reported as done or "
        "a planned contact done in the month.",
    )
    conversion_rate = fields.Float(
        string="Conversion (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Opportunities won / prospects contacted, in percent.",
    )
    revenue = fields.Monetary(
        readonly=True, help="Untaxed amount of the rep's orders confirmed in the month."
    )
    margin = fields.Monetary(readonly=True)
    visits_done = fields.Integer(readonly=True)
    satisfaction_avg = fields.Float(
        string="Average Satisfaction",
        readonly=True,
        aggregator="avg",
        digits=(3, 2),
    )
    under_target = fields.Boolean(readonly=True, tracking=True)
    months_under_target = fields.Integer(readonly=True)
    improvement_plan = fields.Boolean(
        string="Improvement Plan Required",
        readonly=True,
        tracking=True,
        help="Set when the rep has been under target for the number of consecutive "
        "months configured in the settings.",
    )

    _sql_constraints = [
        (
            "user_month_company_uniq",
            "UNIQUE (user_id, month, company_id)",
            "There is already a scorecard for this salesperson and month.",
        ),
    ]

    @api.depends("user_id", "month")
    def _compute_name(self):
        for card in self:
            card.name = f"{card.user_id.name or ''} {card.month or ''}"

    # ------------------------------------------------------------------
    # Computation (set-based: a handful of aggregate queries per company)
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")
    @public_arguments
    def action_compute_month(self, month=None, companies=None):
        """Compute (or recompute) the scorecards of ``month`` (a date in it).

        Managers only, for their own companies; the aggregation runs as
        superuser so that each rep's figures are complete whatever the manager
        may read. ``companies``: records or ids, the active companies by default.
        """
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a sales manager computes the KPI scorecards.")
            )
        month = as_date(self, month, self.env._("Month"), required=False)
        companies = as_records(self, companies, "res.company", self.env._("Companies"))
        foreign = companies - self.env.user.company_ids
        if foreign and not self.env.su:
            raise AccessError(
                self.env._(
                    "You may compute the KPI scorecards of your own companies "
                    "only, not of %(companies)s.",
                    companies=", ".join(foreign.sudo().mapped("name")),
                )
            )
        month = month_start(month or fields.Date.context_today(self))
        companies = companies or self.env.companies
        cards = self.browse()
        for company in companies:
            cards |= self.sudo()._compute_company_month(company, month)
        return cards.with_env(self.env)

    def _compute_company_month(self, company, month):
        end = month + relativedelta(months=1)
        values = self._collect_kpis(company, month, end)
        existing = {
            card.user_id.id: card
            for card in self.search(
                [("company_id", "=", company.id), ("month", "=", month)]
            )
        }
        previous = self.search(
            [
                ("company_id", "=", company.id),
                ("user_id", "in", list(values)),
                ("month", ">=", month - relativedelta(months=24)),
                ("month", "<", month),
            ]
        )
        under_by_user = defaultdict(dict)
        for card in previous:
            under_by_user[card.user_id.id][card.month] = card.under_target
        targets = {
            "new_customers": company.sales_dev_target_new_customers,
            "conversion_rate": company.sales_dev_target_conversion,
            "revenue": company.sales_dev_target_revenue,
        }
        to_create = []
        cards = self.browse()
        flagged_before = {
            user_id for user_id, card in existing.items() if card.improvement_plan
        }
        for user_id, vals in values.items():
            under = is_under_target(vals, targets)
            run = months_under_target(month, under_by_user[user_id], under)
            vals.update(
                under_target=under,
                months_under_target=run,
                improvement_plan=run >= company.sales_dev_improvement_months,
            )
            if user_id in existing:
                existing[user_id].write(vals)
                cards |= existing[user_id]
            else:
                to_create.append(
                    dict(vals, user_id=user_id, month=month, company_id=company.id)
                )
        already_flagged = cards.filtered(lambda c: c.user_id.id in flagged_before)
        cards |= self.create(to_create)
        (
            cards.filtered("improvement_plan") - already_flagged
        )._schedule_improvement_plan()
        return cards

    def _collect_kpis(self, company, start, end):
        """Return ``{user_id: {kpi: value}}`` for one company and month."""
        users = self.env["res.users"].search(
            [
                ("groups_id", "in", self.env.ref(USER_GROUP).id),
                ("share", "=", False),
                ("company_ids", "in", company.id),
            ]
        )
        won = dict(
            (user.id, count)
            for user, count in self.env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "!=", False),
                    ("stage_id.is_won", "=", True),
                    ("date_closed", ">=", start),
                    ("date_closed", "<", end),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        new_customers = self._new_customers_by_rep(company, start, end)
        contacted = defaultdict(set)
        visits = {}
        for user, partners, count in self.env["sales.visit.report"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("date", ">=", start),
                ("date", "<", end),
            ],
            ["user_id"],
            ["commercial_partner_id:array_agg", "__count"],
        ):
            contacted[user.id].update(("partner", p) for p in partners)
            visits[user.id] = count
        for user, partners, leads in self.env["sales.contact.plan"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("done_date", ">=", start),
                ("done_date", "<", end),
            ],
            ["user_id"],
            ["partner_id:array_agg", "lead_id:array_agg"],
        ):
            contacted[user.id].update(
                ("partner", p) if p else ("lead", lead)
                for p, lead in zip(partners, leads, strict=True)
            )
        revenue = defaultdict(float)
        margin = defaultdict(float)
        for user, currency, amount, order_margin in self.env["sale.order"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "sale"),
                ("user_id", "!=", False),
                ("date_order", ">=", start),
                ("date_order", "<", end),
            ],
            ["user_id", "currency_id"],
            ["amount_untaxed:sum", "margin:sum"],
        ):
            rate_date = min(end - relativedelta(days=1), fields.Date.today())
            revenue[user.id] += currency._convert(
                amount, company.currency_id, company, rate_date
            )
            margin[user.id] += currency._convert(
                order_margin, company.currency_id, company, rate_date
            )
        # Average satisfaction over the rated visits only.
        rated = dict(
            (user.id, score)
            for user, score in self.env["sales.visit.report"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("satisfaction_score", ">", 0),
                    ("date", ">=", start),
                    ("date", "<", end),
                ],
                ["user_id"],
                ["satisfaction_score:avg"],
            )
        )
        user_ids = (
            set(users.ids) | set(won) | set(contacted) | set(revenue) | set(visits)
        )
        result = {}
        for user_id in user_ids:
            n_won = won.get(user_id, 0)
            n_contacted = len(contacted.get(user_id, ()))
            result[user_id] = {
                "new_customers": new_customers.get(user_id, 0),
                "prospects_contacted": n_contacted,
                "conversion_rate": conversion_rate(n_won, n_contacted),
                "revenue": company.currency_id.round(revenue.get(user_id, 0.0)),
                "margin": company.currency_id.round(margin.get(user_id, 0.0)),
                "visits_done": visits.get(user_id, 0),
                "satisfaction_avg": rated.get(user_id, 0.0),
            }
        return result

    @api.model
    def _new_customers_by_rep(self, company, date_from, date_to, user_ids=None):
        """The suite's one definition of a new customer (clauses SP-DEV-08,
        SP-APR-04).

        Return ``{user id: count}``: the commercial partners whose FIRST
        confirmed order (state *Sales Order*) in ``company`` has its order
        date in ``[date_from, date_to)``, each counted once, for the rep of
        that first order (the earliest by date, then by id). A partner who
        bought before the period is not new, however long ago. One query
        for all the reps of the period; ``user_ids`` limits the result.
        The scorecards and the appraisal measures both call this method.
        """
        self.env["sale.order"].flush_model(
            ["company_id", "state", "date_order", "partner_id", "user_id"]
        )
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        user_filter = (
            SQL("AND first.user_id = ANY(%s)", list(user_ids))
            if user_ids is not None
            else SQL("AND first.user_id IS NOT NULL")
        )
        self.env.cr.execute(
            SQL(
                """
            SELECT first.user_id, count(*)
              FROM (
                SELECT DISTINCT ON (p.commercial_partner_id)
                       p.commercial_partner_id, so.user_id
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.company_id = %(company)s AND so.state = 'sale'
                   AND so.date_order >= %(start)s AND so.date_order < %(end)s
                   AND NOT EXISTS (
                       SELECT 1
                         FROM res_partner p2
                         JOIN sale_order o2 ON o2.partner_id = p2.id
                        WHERE p2.commercial_partner_id = p.commercial_partner_id
                          AND o2.company_id = %(company)s AND o2.state = 'sale'
                          AND o2.date_order < %(start)s)
                 ORDER BY p.commercial_partner_id, so.date_order, so.id
              ) first
             WHERE TRUE %(user_filter)s
             GROUP BY first.user_id
                """,
                company=company.id,
                start=date_from,
                end=date_to,
                user_filter=user_filter,
            )
        )
        return dict(self.env.cr.fetchall())

    def _schedule_improvement_plan(self):
        """Ask the rep's team leader (or the rep) to set up an improvement plan."""
        for card in self:
            leader = card.user_id.sale_team_id.user_id or card.user_id
            card.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=leader.id,
                summary=self.env._(
                    "Improvement plan for %(user)s: %(months)s months under target",
                    user=card.user_id.name,
                    months=card.months_under_target,
                ),
            )

    @api.model
    def _cron_compute_previous_month(self):
        """Monthly: compute last month's scorecards of every company."""
        month = month_start(fields.Date.context_today(self)) - relativedelta(months=1)
        for company in self.env["res.company"].search([]):
            try:
                with self.env.cr.savepoint():
                    self.sudo()._compute_company_month(company, month)
            except Exception:
                _logger.exception(
                    "Could not compute the KPI scorecards of company %s for %s",
                    company.id,
                    month,
                )
