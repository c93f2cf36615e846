# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .sales_forecast import CLAUSE_APPROVAL, CLAUSE_MONTHLY

#: reference figures only the pre-fill engine writes
REFERENCE_FIELDS = {"pipeline_amount", "history_amount", "history_quantity"}


class SalesForecastLine(models.Model):
    """What a rep expects to sell to one customer in one product category."""

    _name = "sales.forecast.line"
    _description = "Sales Forecast Line"
    _order = "forecast_id, partner_id, categ_id, id"
    _check_company_auto = True

    forecast_id = fields.Many2one(
        "sales.forecast", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="forecast_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="forecast_id.currency_id")
    user_id = fields.Many2one(
        related="forecast_id.user_id", store=True, index=True, string="Salesperson"
    )
    team_id = fields.Many2one(
        related="forecast_id.team_id", store=True, string="Sales Team"
    )
    month = fields.Date(related="forecast_id.month", store=True, index=True)
    state = fields.Selection(
        related="forecast_id.state", store=True, index=True, string="Status"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        check_company=True,
        help="The customer's company (commercial entity).",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        index=True,
        help="Empty: no category (an opportunity without quotation lines).",
    )
    quantity = fields.Float(digits="Product Unit of Measure")
    amount = fields.Monetary(string="Forecast Amount")
    pipeline_amount = fields.Monetary(
        string="Pipeline Suggestion",
        readonly=True,
        help="Expected revenue x probability of the customer's open "
        "opportunities expected to close in the month.",
    )
    history_amount = fields.Monetary(
        string="Last Year",
        readonly=True,
        help="Untaxed amount of the customer's orders confirmed in the same "
        "month last year.",
    )
    history_quantity = fields.Float(
        string="Last Year Quantity", readonly=True, digits="Product Unit of Measure"
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK (quantity >= 0)",
            "A forecast quantity cannot be negative.",
        ),
        (
            "amount_positive",
            "CHECK (amount >= 0)",
            "A forecast amount cannot be negative.",
        ),
    ]

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS sales_forecast_line_uniq "
                "ON sales_forecast_line (forecast_id, partner_id, "
                "COALESCE(categ_id, 0))"
            )
        )

    @api.constrains("quantity", "amount")
    def _check_figures(self):
        for line in self:
            self._check_figure_values(line.quantity, line.amount)

    def _check_figure_values(self, quantity, amount):
        if (quantity or 0) < 0 or (amount or 0) < 0:
            raise ValidationError(
                self.env._(
                    "Forecast quantities and amounts cannot be negative "
                    "(quantity %(quantity)s, amount %(amount)s). Enter 0 when "
                    "nothing is expected.",
                    quantity=quantity or 0,
                    amount=amount or 0,
                )
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def _check_forecasts_draft(self, forecasts):
        if self.env.su:
            return
        frozen = forecasts.filtered(lambda f: f.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "%(forecasts)s is already submitted: its lines cannot change "
                    "any more (sales policy %(clause)s). Ask the sales manager to "
                    "reject it back to draft to correct it.",
                    forecasts=", ".join(frozen.mapped("display_name")),
                    clause=CLAUSE_APPROVAL,
                )
            )

    def _check_reference_fields(self, vals):
        forced = REFERENCE_FIELDS & {k for k, v in vals.items() if v}
        if forced and not self.env.su:
            raise UserError(
                self.env._(
                    "The pipeline and last-year figures of a forecast line are "
                    "computed (sales policy %(clause)s); use Refresh Suggestions.",
                    clause=CLAUSE_MONTHLY,
                )
            )

    @api.model
    def _normalise_partners(self, vals_list):
        """The lines' customers as their commercial entities (one query)."""
        ids = {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        partners = self.env["res.partner"].sudo().browse(ids)
        commercial = {p.id: p.commercial_partner_id.id for p in partners}
        for vals in vals_list:
            if vals.get("partner_id"):
                vals["partner_id"] = commercial[vals["partner_id"]]

    def _duplicate_error(self):
        return ValidationError(
            self.env._(
                "A forecast has one line per customer and product category; "
                "change the existing line instead."
            )
        )

    @api.model
    def _check_no_duplicates(self, keys):
        """``keys``: [(forecast id, partner id, category id or 0, own id or 0)];
        refuse a key held by another line or twice in the batch."""
        seen = set()
        for forecast_id, partner_id, categ_id, _rid in keys:
            if (forecast_id, partner_id, categ_id) in seen:
                raise self._duplicate_error()
            seen.add((forecast_id, partner_id, categ_id))
        if not keys:
            return
        self.flush_model(["forecast_id", "partner_id", "categ_id"])
        rows = self.env.execute_query(
            SQL(
                "SELECT 1 FROM sales_forecast_line l "
                "JOIN (VALUES %s) AS k(forecast_id, partner_id, categ_id, rid) "
                "ON l.forecast_id = k.forecast_id AND l.partner_id = k.partner_id "
                "AND COALESCE(l.categ_id, 0) = k.categ_id AND l.id != k.rid LIMIT 1",
                SQL(", ").join(SQL("(%s, %s, %s, %s)", *key) for key in keys),
            )
        )
        if rows:
            raise self._duplicate_error()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_reference_fields(vals)
            self._check_figure_values(vals.get("quantity"), vals.get("amount"))
        self._normalise_partners(vals_list)
        forecast_ids = {vals.get("forecast_id") for vals in vals_list} - {None, False}
        self._check_forecasts_draft(self.env["sales.forecast"].browse(forecast_ids))
        self._check_no_duplicates(
            [
                (vals["forecast_id"], vals["partner_id"], vals.get("categ_id") or 0, 0)
                for vals in vals_list
                if vals.get("forecast_id") and vals.get("partner_id")
            ]
        )
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except UniqueViolation as error:
            raise self._duplicate_error() from error

    def write(self, vals):
        self._check_reference_fields(vals)
        if "quantity" in vals or "amount" in vals:
            for line in self:
                self._check_figure_values(
                    vals.get("quantity", line.quantity), vals.get("amount", line.amount)
                )
        self._normalise_partners([vals])
        forecasts = self.forecast_id
        if vals.get("forecast_id"):
            forecasts |= self.env["sales.forecast"].browse(vals["forecast_id"])
        self._check_forecasts_draft(forecasts)
        if not {"partner_id", "categ_id", "forecast_id"} & set(vals):
            return super().write(vals)
        self._check_no_duplicates(
            [
                (
                    vals.get("forecast_id", line.forecast_id.id),
                    vals.get("partner_id", line.partner_id.id),
                    vals.get("categ_id", line.categ_id.id) or 0,
                    line.id,
                )
                for line in self
            ]
        )
        try:
            with self.env.cr.savepoint():
                res = super().write(vals)
                self.flush_recordset(["forecast_id", "partner_id", "categ_id"])
                return res
        except UniqueViolation as error:
            raise self._duplicate_error() from error

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_forecasts_draft(self.forecast_id)
