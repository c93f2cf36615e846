# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.appraisal_math import (
    breakdown_even,
    breakdown_seasonal,
    quarter_totals,
)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
#: annual figures spread over the months: (field, rounding digits)
SPREAD_MEASURES = (("revenue", 2), ("margin", 2), ("new_customers", 0), ("visits", 0))
BREAKDOWN_FIELDS = {"year", "breakdown_method", *(m for m, _d in SPREAD_MEASURES)}


class SalesTarget(models.Model):
    """An annual sales target of a team or of one rep, broken down into months.

    One active target per rep (or team), company and year: a check with a
    clear message and, under concurrency, two partial unique indexes (see
    ``init``). A rep's target names a team the rep belongs to. A team target
    below the sum of its reps' targets is shown as a warning, not refused.
    """

    _name = "sales.target"
    _description = "Sales Target"
    _inherit = ["mail.thread"]
    _order = "year desc, scope, team_id, user_id"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.today().year, tracking=True
    )
    scope = fields.Selection(
        [("team", "Sales Team"), ("rep", "Salesperson")],
        required=True,
        default="rep",
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", check_company=True, tracking=True
    )
    user_id = fields.Many2one("res.users", string="Salesperson", tracking=True)
    revenue = fields.Monetary(string="Revenue Target", tracking=True)
    margin = fields.Monetary(string="Margin Target", tracking=True)
    collection_rate = fields.Float(
        string="Collection Rate Target (%)", default=98.0, digits=(16, 2)
    )
    new_customers = fields.Integer(string="New Customers Target", tracking=True)
    visits = fields.Integer(string="Visits Target", tracking=True)
    breakdown_method = fields.Selection(
        [
            ("even", "Evenly"),
            ("seasonal", "By Last Year's Seasonality"),
            ("manual", "By Hand"),
        ],
        required=True,
        default="even",
        tracking=True,
        help="Evenly: a twelfth a month. Seasonality: in proportion to last "
        "year's confirmed order amounts per month of the rep (or team). By "
        "hand: the month lines are edited; their totals are compared with the "
        "annual figures.",
    )
    line_ids = fields.One2many("sales.target.line", "target_id", string="Months")
    template_id = fields.Many2one(
        "sales.appraisal.template",
        string="Appraisal Template",
        check_company=True,
        help="Template of the rep's appraisals; empty: the company's default.",
    )
    q1_revenue = fields.Monetary(compute="_compute_quarters")
    q2_revenue = fields.Monetary(compute="_compute_quarters")
    q3_revenue = fields.Monetary(compute="_compute_quarters")
    q4_revenue = fields.Monetary(compute="_compute_quarters")
    warning = fields.Text(compute="_compute_warning")

    @api.depends("scope", "year", "team_id", "user_id")
    def _compute_name(self):
        for target in self:
            who = target.user_id.name if target.scope == "rep" else target.team_id.name
            target.name = f"{target.year} {who or ''}".strip()

    @api.depends("line_ids.revenue")
    def _compute_quarters(self):
        for target in self:
            months = [0.0] * 12
            for line in target.line_ids:
                months[line.month.month - 1] += line.revenue
            totals = quarter_totals(months)
            target.q1_revenue, target.q2_revenue = totals[0], totals[1]
            target.q3_revenue, target.q4_revenue = totals[2], totals[3]

    def _compute_warning(self):
        team_targets = self.filtered(lambda t: t.scope == "team" and t.team_id)
        sums = {}
        if team_targets:
            for team, year, company, *values in self.sudo()._read_group(
                [
                    ("scope", "=", "rep"),
                    ("team_id", "in", team_targets.team_id.ids),
                    ("year", "in", team_targets.mapped("year")),
                ],
                ["team_id", "year", "company_id"],
                [f"{name}:sum" for name, _d in SPREAD_MEASURES],
            ):
                sums[(team.id, year, company.id)] = values
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name, _d in SPREAD_MEASURES
        }
        for target in self:
            problems = []
            reps = sums.get((target.team_id.id, target.year, target.company_id.id))
            if target.scope == "team" and reps:
                for (name, _d), total in zip(SPREAD_MEASURES, reps, strict=True):
                    if target[name] < (total or 0) - 0.005:
                        problems.append(
                            self.env._(
                                "%(measure)s of the team (%(team)s) is below the "
                                "sum of its reps' targets (%(reps)s).",
                                measure=labels[name],
                                team=target[name],
                                reps=round(total, 2),
                            )
                        )
            if target.breakdown_method == "manual" and target.line_ids:
                for name, _d in SPREAD_MEASURES:
                    months = sum(target.line_ids.mapped(name))
                    if abs(months - target[name]) > 0.005:
                        problems.append(
                            self.env._(
                                "The months of %(measure)s add up to %(months)s, "
                                "not the annual %(annual)s.",
                                measure=labels[name],
                                months=round(months, 2),
                                annual=target[name],
                            )
                        )
            target.warning = "\n".join(problems) or False

    @api.constrains("scope", "user_id", "team_id", "year")
    def _check_scope(self):
        for target in self:
            if target.year < 2000 or target.year > 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a target year. Enter a year such as "
                        "%(example)s.",
                        year=target.year,
                        example=fields.Date.today().year,
                    )
                )
            if target.scope == "rep" and not target.user_id:
                raise ValidationError(
                    self.env._("A salesperson's target names the salesperson.")
                )
            if target.scope == "team" and (not target.team_id or target.user_id):
                raise ValidationError(
                    self.env._("A team target names the sales team and no salesperson.")
                )
            team = target.team_id
            if (
                target.scope == "rep"
                and team
                and target.user_id not in (team.member_ids | team.user_id)
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of sales team %(team)s, so "
                        "the team's targets cannot include a target for them "
                        "(policy clause SP-APR-01). Add them to the team or "
                        "choose their own team.",
                        user=target.user_id.name,
                        team=team.name,
                    )
                )

    @api.constrains("scope", "user_id", "team_id", "year", "company_id", "active")
    def _check_no_overlap(self):
        for target in self.filtered("active"):
            clash = target._overlapping_target_id(
                target.company_id.id,
                target.year,
                target.scope,
                target.user_id.id,
                target.team_id.id,
                exclude=target.id,
            )
            if clash:
                raise target._overlap_error()

    def init(self):
        # the same rule under concurrency: one active target per key and year
        for name, where in (
            ("sales_target_rep_year_uniq", "scope = 'rep' AND active"),
            ("sales_target_team_year_uniq", "scope = 'team' AND active"),
        ):
            column = "user_id" if "rep" in where else "team_id"
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON sales_target "
                    "(company_id, year, %s) WHERE %s",
                    SQL.identifier(name),
                    SQL.identifier(column),
                    SQL(where),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("active", True) is False:
                continue
            scope = vals.get("scope", "rep")
            if self._overlapping_target_id(
                vals.get("company_id") or self.env.company.id,
                vals.get("year") or fields.Date.today().year,
                scope,
                vals.get("user_id"),
                vals.get("team_id"),
            ):
                raise self._overlap_error()
        targets = super().create(vals_list)
        targets._apply_breakdown()
        return targets

    def write(self, vals):
        res = super().write(vals)
        if BREAKDOWN_FIELDS & set(vals):
            self._apply_breakdown()
        return res

    def _overlapping_target_id(self, company, year, scope, user, team, exclude=0):
        """Another active target of the same rep (or team), company and year;
        plain SQL: no flush of a write in progress."""
        column = "user_id" if scope == "rep" else "team_id"
        key = user if scope == "rep" else team
        if not key:
            return False
        self.env.cr.execute(
            SQL(
                "SELECT id FROM sales_target WHERE active AND company_id = %s "
                "AND year = %s AND scope = %s AND %s = %s AND id != %s LIMIT 1",
                company,
                year,
                scope,
                SQL.identifier(column),
                key,
                exclude or 0,
            )
        )
        row = self.env.cr.fetchone()
        return row and row[0]

    def _overlap_error(self):
        return ValidationError(
            self.env._(
                "There already is an active target for this salesperson or team "
                "in that year and company (policy clause SP-APR-01): a year has "
                "one target. Edit the existing target or archive it first."
            )
        )

    @public_arguments
    def action_breakdown(self):
        """Spread the annual figures over the months again."""
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a sales manager breaks targets down into months.")
            )
        self._apply_breakdown(force=True)
        return True

    def _apply_breakdown(self, force=False):
        """Write the month lines of each target by its method (by hand: the
        lines are only created when missing)."""
        seasonality = self._last_year_seasonality()
        Line = self.env["sales.target.line"]
        to_create = []
        for target in self:
            lines = {line.month.month: line for line in target.line_ids}
            method = target.breakdown_method
            if method == "manual" and len(lines) == 12 and not force:
                continue
            if method == "seasonal":
                weights = seasonality.get(target.id, [0.0] * 12)
                spread = {
                    name: breakdown_seasonal(target[name], weights, digits)
                    for name, digits in SPREAD_MEASURES
                }
            else:
                spread = {
                    name: breakdown_even(target[name], digits)
                    for name, digits in SPREAD_MEASURES
                }
            for month in range(1, 13):
                vals = {name: spread[name][month - 1] for name, _d in SPREAD_MEASURES}
                vals["collection_rate"] = target.collection_rate
                line = lines.get(month)
                if line and method == "manual" and not force:
                    continue
                if line:
                    line.write(vals)
                else:
                    vals.update(target_id=target.id, month=date(target.year, month, 1))
                    to_create.append(vals)
        if to_create:
            Line.create(to_create)

    def _last_year_seasonality(self):
        """{target id: 12 monthly amounts}: last year's untaxed amounts of the
        confirmed orders of the rep (or the team), in one query per year."""
        seasonal = self.filtered(lambda t: t.breakdown_method == "seasonal")
        result = {}
        for year in set(seasonal.mapped("year")):
            targets = seasonal.filtered(lambda t, y=year: t.year == y)
            rows = (
                self.env["sale.order"]
                .sudo()
                ._read_group(
                    [
                        ("state", "=", "sale"),
                        ("company_id", "in", targets.company_id.ids),
                        ("date_order", ">=", date(year - 1, 1, 1)),
                        ("date_order", "<", date(year, 1, 1)),
                    ],
                    ["company_id", "user_id", "team_id", "date_order:month"],
                    ["amount_untaxed:sum"],
                )
            )
            for target in targets:
                months = [0.0] * 12
                for company, user, team, month, amount in rows:
                    if company != target.company_id:
                        continue
                    if (target.scope == "rep" and user == target.user_id) or (
                        target.scope == "team" and team == target.team_id
                    ):
                        months[month.month - 1] += amount
                result[target.id] = months
        return result
