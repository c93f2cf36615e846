# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

MONTHS = [(str(m), date(2000, m, 1).strftime("%B")) for m in range(1, 13)]


class SalesCollectionPlan(models.Model):
    """Finance's plan of the month: what should be collected, per rep and
    customer, from the invoices falling due; actuals from reconciled payments."""

    _name = "sales.collection.plan"
    _description = "Monthly Collection Plan"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    date_from = fields.Date(compute="_compute_dates", store=True, index=True)
    date_to = fields.Date(compute="_compute_dates", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "In Progress"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    target_percent = fields.Float(
        string="Target (%)",
        default=lambda self: self.env.company.sales_collection_target_percent,
        tracking=True,
    )
    line_ids = fields.One2many(
        "sales.collection.plan.line", "plan_id", string="Lines", copy=False
    )
    amount_expected = fields.Monetary(
        string="Planned", compute="_compute_amounts", store=True
    )
    amount_collected = fields.Monetary(
        string="Collected", compute="_compute_amounts", store=True
    )
    achieved_percent = fields.Float(
        string="Achieved (%)", compute="_compute_amounts", store=True
    )
    target_achieved = fields.Boolean(compute="_compute_amounts", store=True)

    _sql_constraints = [
        (
            "month_company_unique",
            "UNIQUE(company_id, year, month)",
            "A company has one collection plan per month: open the existing one.",
        )
    ]

    @api.depends("year", "month")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Collection Plan %(year)s-%(month)02d",
                year=plan.year,
                month=int(plan.month or 1),
            )

    @api.depends("year", "month")
    def _compute_dates(self):
        for plan in self:
            if not plan.year or not plan.month or not 1900 < plan.year < 3000:
                plan.date_from = plan.date_to = False
                continue
            start = date(plan.year, int(plan.month), 1)
            plan.date_from = start
            plan.date_to = start + relativedelta(months=1, days=-1)

    @api.depends(
        "line_ids.amount_expected", "line_ids.amount_collected", "target_percent"
    )
    def _compute_amounts(self):
        for plan in self:
            expected = sum(plan.line_ids.mapped("amount_expected"))
            collected = sum(plan.line_ids.mapped("amount_collected"))
            plan.amount_expected = expected
            plan.amount_collected = collected
            plan.achieved_percent = collected / expected * 100.0 if expected else 0.0
            plan.target_achieved = bool(expected) and (
                plan.achieved_percent >= plan.target_percent
            )

    @api.constrains("year", "month", "company_id")
    def _check_open_period(self):
        for plan in self:
            lock = max(
                filter(
                    None,
                    [
                        plan.company_id.fiscalyear_lock_date,
                        plan.company_id.hard_lock_date,
                    ],
                ),
                default=None,
            )
            if plan.date_to and lock and plan.date_to <= lock:
                raise ValidationError(
                    self.env._(
                        "%(plan)s is for a closed period: %(company)s is locked "
                        "until %(lock)s. Plan a month after the lock date.",
                        plan=plan.name,
                        company=plan.company_id.name,
                        lock=lock,
                    )
                )

    @api.constrains("target_percent")
    def _check_target_percent(self):
        for plan in self:
            if not 0 < plan.target_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The target of %(plan)s must be between 0 and 100 %%.",
                        plan=plan.name,
                    )
                )

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 1900 < plan.year < 3000:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=plan.year)
                )

    # --- actions ----------------------------------------------------------------
    def action_generate(self):
        """Add a line for each open customer invoice due in the month (one
        query for the invoices, one for what was already collected)."""
        for plan in self:
            if plan.state == "done":
                raise UserError(
                    self.env._(
                        "%(plan)s is closed; reopen it to generate lines.",
                        plan=plan.name,
                    )
                )
            planned = set(plan.line_ids.move_id.ids)
            moves = self.env["account.move"].search_fetch(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("invoice_date_due", ">=", plan.date_from),
                    ("invoice_date_due", "<=", plan.date_to),
                    ("id", "not in", list(planned)),
                    "|",
                    ("amount_residual", "!=", 0),
                    ("payment_state", "in", ("paid", "in_payment", "partial")),
                ],
                [
                    "partner_id",
                    "commercial_partner_id",
                    "invoice_user_id",
                    "invoice_date_due",
                    "amount_residual_signed",
                ],
            )
            collected = plan._collected_by_move(moves.ids)
            vals = []
            for move in moves:
                expected = move.amount_residual_signed + collected.get(move.id, 0.0)
                if plan.currency_id.is_zero(expected):
                    continue
                vals.append(
                    {
                        "plan_id": plan.id,
                        "move_id": move.id,
                        "partner_id": move.commercial_partner_id.id,
                        "user_id": (
                            move.invoice_user_id or move.commercial_partner_id.user_id
                        ).id,
                        "amount_expected": expected,
                        "amount_collected": collected.get(move.id, 0.0),
                    }
                )
            self.env["sales.collection.plan.line"].create(vals)
            if plan.state == "draft":
                plan.state = "open"
        return True

    def action_refresh_actuals(self):
        for plan in self:
            lines = plan.line_ids.filtered("move_id")
            collected = plan._collected_by_move(lines.move_id.ids)
            for line in lines:
                amount = collected.get(line.move_id.id, 0.0)
                if line.amount_collected != amount:
                    line.amount_collected = amount
        return True

    def action_close(self):
        self.action_refresh_actuals()
        self.state = "done"

    def action_reopen(self):
        self.state = "open"

    # --- business methods -----------------------------------------------------
    def _collected_by_move(self, move_ids):
        """{invoice id: amount (company currency) of the payments reconciled
        with it in the plan's month} — one query."""
        self.ensure_one()
        if not move_ids:
            return {}
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.move.line"].flush_model(["move_id", "journal_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT debit.move_id, SUM(apr.amount)
                  FROM account_partial_reconcile apr
                  JOIN account_move_line debit ON debit.id = apr.debit_move_id
                  JOIN account_move_line credit ON credit.id = apr.credit_move_id
                  JOIN account_journal journal ON journal.id = credit.journal_id
                 WHERE debit.move_id IN %(moves)s
                   AND journal.type IN ('bank', 'cash')
                   AND apr.max_date BETWEEN %(start)s AND %(end)s
              GROUP BY debit.move_id
                """,
                moves=tuple(move_ids),
                start=self.date_from,
                end=self.date_to,
            )
        )
        return dict(rows)

    @api.model
    def _cron_refresh_actuals(self):
        plans = self.search([("state", "=", "open")])
        for plan in plans:
            try:
                with self.env.cr.savepoint():
                    plan.action_refresh_actuals()
            except Exception:  # keep going past one bad plan
                _logger.exception("Collection plan %s: actuals not refreshed", plan.id)
