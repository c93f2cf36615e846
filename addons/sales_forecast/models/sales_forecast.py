# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.forecast_math import deadline, month_start

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
USER_GROUP = "sales_policy_base.group_sales_policy_user"
PLANNING_GROUP = "sales_forecast.group_sales_forecast_planning"

#: clauses (``data/sales_policy_clause_data.xml``)
CLAUSE_MONTHLY = "SP-FOR-01"
CLAUSE_APPROVAL = "SP-FOR-02"
CLAUSE_PUBLICATION = "SP-FOR-03"

#: what a rep writes on a draft forecast; frozen once it is submitted
CONTENT_FIELDS = {"user_id", "month", "company_id", "team_id", "line_ids", "note"}


class SalesForecast(models.Model):
    """A rep's sales forecast for one month (clause SP-FOR-01).

    Draft (the rep fills it in, pre-filled from the pipeline and last year's
    orders) → Submitted (frozen; the approval engine asks the sales managers,
    clause SP-FOR-02) → Approved (by the engine's decision) → Published (a
    manager hands it to planning, clause SP-FOR-03). A rejection returns it
    to draft. The state and what the steps record change only through the
    steps (protected fields).
    """

    _name = "sales.forecast"
    _description = "Monthly Sales Forecast"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = CLAUSE_APPROVAL
    _order = "month desc, user_id, id"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"approve_forecast": _lt("Approve the Forecast")}
    _approval_amount_field = "amount_total"
    _approval_currency_field = "currency_id"
    _approval_requester_field = "user_id"
    _approval_state_actions = {
        "approved": "approve_forecast",
        "published": "approve_forecast",
    }
    _approval_button_states = ("submitted",)
    _protected_fields = [
        "state",
        "submitted_date",
        "approved_by_id",
        "approved_date",
        "published_by_id",
        "published_date",
    ]

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=lambda self: [("share", "=", False)],
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    month = fields.Date(
        required=True,
        index=True,
        tracking=True,
        help="First day of the forecast month.",
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        help="Submit the forecast by this day (Settings: deadline day).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("published", "Published"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "sales.forecast.line", "forecast_id", string="Lines", copy=True
    )
    amount_total = fields.Monetary(
        string="Forecast Amount", compute="_compute_totals", store=True
    )
    pipeline_total = fields.Monetary(
        string="Pipeline Suggestion", compute="_compute_totals", store=True
    )
    history_total = fields.Monetary(
        string="Last Year", compute="_compute_totals", store=True
    )
    note = fields.Text()
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    published_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("user_id", "month")
    def _compute_name(self):
        for forecast in self:
            month = forecast.month.strftime("%Y-%m") if forecast.month else ""
            forecast.name = f"{forecast.user_id.name or ''} {month}"

    @api.depends("user_id")
    def _compute_team_id(self):
        for forecast in self:
            forecast.team_id = forecast.user_id.sale_team_id

    @api.depends("month", "company_id.sales_forecast_deadline_day")
    def _compute_deadline(self):
        for forecast in self:
            forecast.deadline = forecast.month and deadline(
                forecast.month, forecast.company_id.sales_forecast_deadline_day or 25
            )

    @api.depends(
        "line_ids.amount", "line_ids.pipeline_amount", "line_ids.history_amount"
    )
    def _compute_totals(self):
        for forecast in self:
            lines = forecast.line_ids
            forecast.amount_total = sum(lines.mapped("amount"))
            forecast.pipeline_total = sum(lines.mapped("pipeline_amount"))
            forecast.history_total = sum(lines.mapped("history_amount"))

    @api.constrains("month")
    def _check_month(self):
        current = month_start(fields.Date.context_today(self))
        for forecast in self:
            if forecast.month < current:
                raise ValidationError(
                    self.env._(
                        "The forecast %(forecast)s is for a past month (%(month)s): "
                        "forecasts are made for the current or a coming month "
                        "(sales policy %(clause)s). Choose a month from %(current)s.",
                        forecast=forecast.display_name,
                        month=forecast.month.strftime("%Y-%m"),
                        current=current.strftime("%Y-%m"),
                        clause=CLAUSE_MONTHLY,
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_user_company(self):
        for forecast in self:
            if forecast.company_id not in forecast.user_id.sudo().company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s does not work for %(company)s: a forecast is "
                        "made by a salesperson of its company.",
                        user=forecast.user_id.name,
                        company=forecast.company_id.name,
                    )
                )

    def init(self):
        # one forecast per rep, month and company, whatever the interleaving
        # of transactions (SP-FOR-01); archived forecasts do not count
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS sales_forecast_user_month_uniq "
                "ON sales_forecast (user_id, month, company_id) WHERE active"
            )
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _normalise_vals(self, vals):
        if vals.get("month"):
            vals["month"] = month_start(fields.Date.to_date(vals["month"]))
        return vals

    def _duplicate_error(self, user, month):
        return ValidationError(
            self.env._(
                "%(user)s already has a forecast for %(month)s: one forecast per "
                "salesperson and month (sales policy %(clause)s). Open and edit "
                "that forecast instead.",
                user=user.name,
                month=month.strftime("%Y-%m"),
                clause=CLAUSE_MONTHLY,
            )
        )

    @api.model
    def _check_no_duplicates(self, keys):
        """``keys``: [(user_id, month, company_id, own id or None)]; refuse a
        key held by another active forecast or twice in the batch."""
        seen = set()
        for user_id, month, company_id, _rid in keys:
            if (user_id, month, company_id) in seen:
                raise self._duplicate_error(
                    self.env["res.users"].browse(user_id), month
                )
            seen.add((user_id, month, company_id))
        if not keys:
            return
        self.flush_model(["user_id", "month", "company_id", "active"])
        rows = self.env.execute_query(
            SQL(
                "SELECT f.user_id, f.month, f.company_id, f.id FROM sales_forecast f "
                "JOIN (VALUES %s) AS k(user_id, month, company_id, rid) "
                "ON f.user_id = k.user_id AND f.month = k.month::date "
                "AND f.company_id = k.company_id AND f.id != k.rid "
                "WHERE f.active LIMIT 1",
                SQL(", ").join(
                    SQL("(%s, %s, %s, %s)", u, str(m), c, rid or 0)
                    for u, m, c, rid in keys
                ),
            )
        )
        if rows:
            user_id, month = rows[0][0], rows[0][1]
            raise self._duplicate_error(
                self.env["res.users"].sudo().browse(user_id), month
            )

    @api.model_create_multi
    def create(self, vals_list):
        keys = []
        for vals in vals_list:
            self._normalise_vals(vals)
            if vals.get("active", True) and vals.get("month"):
                keys.append(
                    (
                        vals.get("user_id") or self.env.uid,
                        vals["month"],
                        vals.get("company_id") or self.env.company.id,
                        None,
                    )
                )
        self._check_no_duplicates(keys)
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except UniqueViolation as error:
            raise ValidationError(
                self.env._(
                    "Another forecast for the same salesperson and month was "
                    "just saved (sales policy %(clause)s). Reload and edit it.",
                    clause=CLAUSE_MONTHLY,
                )
            ) from error

    def write(self, vals):
        self._normalise_vals(vals)
        if not self.env.su and not self._in_transition():
            self._check_editable(vals)
        if {"user_id", "month", "company_id", "active"} & set(vals):
            keys = []
            for forecast in self:
                if not vals.get("active", forecast.active):
                    continue
                keys.append(
                    (
                        vals.get("user_id", forecast.user_id.id),
                        vals.get("month", forecast.month),
                        vals.get("company_id", forecast.company_id.id),
                        forecast.id,
                    )
                )
            self._check_no_duplicates(keys)
        return super().write(vals)

    def _check_editable(self, vals):
        """A submitted forecast is frozen; only drafts are archived."""
        frozen = self.filtered(lambda f: f.state != "draft")
        if not frozen:
            return
        touched = (CONTENT_FIELDS | {"active"}) & set(vals)
        if touched:
            self.check_access("write")
            raise UserError(
                self.env._(
                    "%(forecasts)s is already submitted: its lines and figures "
                    "cannot change any more (sales policy %(clause)s). Ask the "
                    "sales manager to reject it back to draft to correct it.",
                    forecasts=", ".join(frozen.mapped("display_name")),
                    clause=CLAUSE_APPROVAL,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if not self.env.su and self.filtered(lambda f: f.state != "draft"):
            raise UserError(
                self.env._(
                    "Only draft forecasts can be deleted (sales policy " "%(clause)s).",
                    clause=CLAUSE_APPROVAL,
                )
            )

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------
    def _get_approval_fingerprint_data(self):
        result = {}
        for forecast in self.sudo():
            result[forecast.id] = [
                forecast.user_id.id,
                str(forecast.month),
                sorted(
                    [
                        line.partner_id.id,
                        line.categ_id.id or 0,
                        line.quantity,
                        line.amount,
                    ]
                    for line in forecast.line_ids
                ),
            ]
        return result

    def _get_approval_conflicted_users(self):
        # the rep never approves their own forecast
        return {forecast.id: forecast.user_id for forecast in self}

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        forecasts = self.sudo().filtered(lambda f: f.state == "submitted")
        if decision != "approved":
            forecasts._transition({"state": "draft", "submitted_date": False})
            for forecast in forecasts:
                forecast._approval_message(
                    self.env._(
                        "Forecast rejected by %(user)s: back to draft for the "
                        "salesperson to correct and submit again.",
                        user=self.env.user.name,
                    )
                )
            return res
        status = forecasts._approval_status_by_record("approve_forecast")
        ready = forecasts.filtered(
            lambda f: status.get(f.id, ("none",))[0] in ("none", "approved")
        )
        ready._approve(self.env.user)
        return res

    def _approve(self, user):
        self._transition(
            {
                "state": "approved",
                "approved_by_id": user.id,
                "approved_date": fields.Datetime.now(),
            }
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_state(self, expected, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        wrong = self.filtered(lambda f: f.state not in expected)
        if wrong:
            raise UserError(
                self.env._(
                    "%(forecasts)s cannot be %(action)s: it is %(state)s.",
                    forecasts=", ".join(wrong.mapped("display_name")),
                    action=action,
                    state=labels[wrong[0].state],
                )
            )

    @public_arguments
    def action_submit(self):
        """The rep submits their own draft forecasts; the approval engine asks
        the sales managers (no applicable rule: approved at once)."""
        others = self.filtered(lambda f: f.user_id != self.env.user)
        if others:
            raise UserError(
                self.env._(
                    "Only the salesperson submits their own forecast; %(forecasts)s "
                    "belongs to someone else (sales policy %(clause)s).",
                    forecasts=", ".join(others.mapped("display_name")),
                    clause=CLAUSE_MONTHLY,
                )
            )
        self.check_access("write")
        self._check_state(("draft",), self.env._("submitted"))
        self._transition(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        self._approval_submit()
        status = self._approval_status_by_record("approve_forecast")
        free = self.filtered(lambda f: status.get(f.id, ("none",))[0] == "none")
        free.sudo()._approve(self.env["res.users"])
        for forecast in free:
            forecast._approval_message(
                self.env._(
                    "No approval rule applies to this forecast: it was approved "
                    "at once."
                )
            )
        self.activity_unlink(["sales_forecast.mail_activity_type_forecast_due"])
        return True

    @public_arguments
    def action_publish(self):
        """A sales manager hands approved forecasts to planning."""
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only a sales manager publishes forecasts to planning (sales "
                    "policy %(clause)s).",
                    clause=CLAUSE_PUBLICATION,
                )
            )
        self.check_access("write")
        self._check_state(("approved",), self.env._("published"))
        self._transition(
            {
                "state": "published",
                "published_by_id": self.env.uid,
                "published_date": fields.Datetime.now(),
            }
        )
        return True

    @public_arguments
    def action_refresh_suggestions(self):
        """Refresh the pipeline and last-year figures of draft forecasts (the
        rep's own amounts are kept)."""
        self.check_access("write")
        self._check_state(("draft",), self.env._("refreshed"))
        self.env["sales.forecast.prefill"].sudo()._prefill(self.sudo())
        return True
