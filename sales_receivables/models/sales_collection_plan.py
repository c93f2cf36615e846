# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_logger = logging.getLogger(__name__)

MONTHS = [(str(m), date(2000, m, 1).strftime("%B")) for m in range(1, 13)]


class SalesCollectionPlan(models.Model):
    """Finance's plan of the month: what should be collected, per rep and
    customer, from the invoices falling due; actuals from reconciled payments."""

    _name = "sales.collection.plan"
    _description = "Monthly Collection Plan"
    _inherit = ["mail.thread", "sales.policy.transition.mixin"]
    _policy_clause = "SP-REC-01"
    _protected_fields = ["state"]
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
    rep_ids = fields.Many2many(
        "sales.collection.plan.rep",
        string="By Salesperson",
        compute="_compute_rep_ids",
        help="Plan vs actual of each salesperson, with the achieved rate "
        "against the target.",
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
        "line_ids.user_id",
        "line_ids.amount_expected",
        "line_ids.amount_collected",
        "target_percent",
    )
    def _compute_rep_ids(self):
        # a SQL view over the lines: write pending changes, read it afresh
        self.env["sales.collection.plan.line"].flush_model()
        self.flush_model(["target_percent", "date_from", "company_id"])
        Rep = self.env["sales.collection.plan.rep"]
        Rep.invalidate_model()
        plan_ids = [plan_id for plan_id in self._origin.ids if plan_id]
        rows = Rep.search([("plan_id", "in", plan_ids)]) if plan_ids else Rep
        for plan in self:
            plan.rep_ids = rows.filtered(lambda r, p=plan: r.plan_id == p._origin)

    @api.depends(
        "line_ids.amount_expected", "line_ids.amount_collected", "target_percent"
    )
    def _compute_amounts(self):
        # saved plans: one grouped query (a month may hold many thousand lines);
        # a plan being edited in a form: its lines in memory
        stored = self.filtered(lambda plan: isinstance(plan.id, int))
        totals = (
            {
                plan.id: (expected, collected)
                for plan, expected, collected in self.env[
                    "sales.collection.plan.line"
                ]._read_group(
                    [("plan_id", "in", stored.ids)],
                    ["plan_id"],
                    ["amount_expected:sum", "amount_collected:sum"],
                )
            }
            if stored
            else {}
        )
        for plan in self:
            if plan in stored:
                expected, collected = totals.get(plan.id, (0.0, 0.0))
            else:
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

    # --- CRUD -------------------------------------------------------------------
    def unlink(self):
        self._check_not_closed(self.env._("deleted"))
        return super().unlink()

    # --- actions ----------------------------------------------------------------
    @public_arguments
    def action_generate(self):
        """Add a line for each open customer invoice due in the month that is
        not planned yet: one INSERT ... SELECT per plan (the month's invoices
        and what was already collected on them), so that a month of tens of
        thousands of invoices is planned in seconds."""
        self.check_access("write")
        Line = self.env["sales.collection.plan.line"]
        Line.browse().check_access("create")
        self.env["account.move"].browse().check_access("read")
        for plan in self:
            if plan.state == "done":
                raise UserError(
                    self.env._(
                        "%(plan)s is closed; reopen it to generate lines.",
                        plan=plan.name,
                    )
                )
        self.env.flush_all()
        for plan in self:
            self.env.cr.execute(
                SQL(
                    """
                    WITH due AS (
                        SELECT move.id, move.commercial_partner_id,
                               move.invoice_user_id, move.amount_residual_signed
                          FROM account_move move
                         WHERE move.company_id = %(company)s
                           AND move.move_type = 'out_invoice'
                           AND move.state = 'posted'
                           AND move.invoice_date_due BETWEEN %(start)s AND %(end)s
                           AND (move.amount_residual != 0
                                OR move.payment_state IN ('paid', 'in_payment',
                                                          'partial'))
                           AND NOT EXISTS (
                               SELECT 1 FROM sales_collection_plan_line planned
                                WHERE planned.plan_id = %(plan)s
                                  AND planned.move_id = move.id)
                    ), paid AS (%(paid)s)
                    INSERT INTO sales_collection_plan_line
                           (plan_id, company_id, date_from, move_id, partner_id,
                            user_id, amount_expected, amount_collected,
                            create_uid, create_date, write_uid, write_date)
                    SELECT %(plan)s, %(company)s, %(start)s, due.id,
                           due.commercial_partner_id,
                           COALESCE(due.invoice_user_id, partner.user_id),
                           due.amount_residual_signed + COALESCE(paid.amount, 0),
                           COALESCE(paid.amount, 0),
                           %(uid)s, NOW() AT TIME ZONE 'UTC',
                           %(uid)s, NOW() AT TIME ZONE 'UTC'
                      FROM due
                      JOIN res_partner partner
                        ON partner.id = due.commercial_partner_id
                 LEFT JOIN paid ON paid.move_id = due.id
                     WHERE ROUND(due.amount_residual_signed
                                 + COALESCE(paid.amount, 0), %(digits)s) != 0
                    """,
                    plan=plan.id,
                    company=plan.company_id.id,
                    start=plan.date_from,
                    end=plan.date_to,
                    paid=plan._collected_sql(SQL("SELECT id FROM due")),
                    uid=self.env.uid,
                    digits=plan.currency_id.decimal_places,
                )
            )
        self._invalidate_lines()
        self.filtered(lambda plan: plan.state == "draft")._transition({"state": "open"})
        return True

    @public_arguments
    def action_refresh_actuals(self):
        """Collected = payments reconciled in the month: one UPDATE per plan."""
        self._check_not_closed(self.env._("refreshed"))
        self.check_access("write")
        self.env["sales.collection.plan.line"].browse().check_access("write")
        self.env.flush_all()
        for plan in self:
            self.env.cr.execute(
                SQL(
                    """
                    WITH paid AS (%(paid)s)
                    UPDATE sales_collection_plan_line line
                       SET amount_collected = COALESCE(paid.amount, 0),
                           write_uid = %(uid)s,
                           write_date = NOW() AT TIME ZONE 'UTC'
                      FROM sales_collection_plan_line source
                 LEFT JOIN paid ON paid.move_id = source.move_id
                     WHERE line.id = source.id
                       AND source.plan_id = %(plan)s
                       AND source.move_id IS NOT NULL
                       AND COALESCE(source.amount_collected, 0)
                           != COALESCE(paid.amount, 0)
                    """,
                    plan=plan.id,
                    uid=self.env.uid,
                    paid=plan._collected_sql(
                        SQL(
                            "SELECT move_id FROM sales_collection_plan_line "
                            "WHERE plan_id = %s AND move_id IS NOT NULL",
                            plan.id,
                        )
                    ),
                )
            )
        self._invalidate_lines()
        return True

    @public_arguments
    def action_close(self):
        self.action_refresh_actuals()
        self._transition({"state": "done"})
        return True

    @public_arguments
    def action_reopen(self):
        self.check_access("write")
        self._transition({"state": "open"})
        return True

    # --- business methods -----------------------------------------------------
    def _check_not_closed(self, what):
        """A closed plan is the month's record: its lines are not changed,
        added, refreshed or deleted until finance reopens it (UserError)."""
        closed = self.filtered(lambda plan: plan.state == "done")
        if closed:
            raise UserError(
                self.env._(
                    "%(plans)s is closed: its lines cannot be %(what)s (sales "
                    "policy: a closed collection plan is the record of the "
                    "month). Reopen the plan first if it really must change.",
                    plans=", ".join(closed.mapped("name")),
                    what=what,
                )
            )

    def _collected_sql(self, moves):
        """SQL: (move_id, amount) of the bank and cash payments reconciled in
        the plan's month with the invoices selected by the ``moves`` query."""
        self.ensure_one()
        return SQL(
            """
            SELECT debit.move_id, SUM(apr.amount) AS amount
              FROM account_partial_reconcile apr
              JOIN account_move_line debit ON debit.id = apr.debit_move_id
              JOIN account_move_line credit ON credit.id = apr.credit_move_id
              JOIN account_journal journal ON journal.id = credit.journal_id
             WHERE debit.move_id IN (%(moves)s)
               AND journal.type IN ('bank', 'cash')
               AND apr.max_date BETWEEN %(start)s AND %(end)s
          GROUP BY debit.move_id
            """,
            moves=moves,
            start=self.date_from,
            end=self.date_to,
        )

    def _collected_by_move(self, move_ids):
        """{invoice id: amount (company currency) of the payments reconciled
        with it in the plan's month} — one query."""
        self.ensure_one()
        if not move_ids:
            return {}
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.move.line"].flush_model(["move_id", "journal_id"])
        moves = SQL("SELECT unnest(%s::int[])", list(move_ids))
        return dict(self.env.execute_query(self._collected_sql(moves)))

    def _invalidate_lines(self):
        """Lines written in SQL: drop the caches and recompute the totals."""
        self.env["sales.collection.plan.line"].invalidate_model()
        self.invalidate_recordset(["line_ids", "rep_ids"])
        for fname in (
            "amount_expected",
            "amount_collected",
            "achieved_percent",
            "target_achieved",
        ):
            self.env.add_to_compute(self._fields[fname], self)

    @api.model
    def _cron_refresh_actuals(self):
        plans = self.search([("state", "=", "open")])
        for plan in plans:
            try:
                with self.env.cr.savepoint():
                    plan.action_refresh_actuals()
            except Exception:  # keep going past one bad plan
                _logger.exception("Collection plan %s: actuals not refreshed", plan.id)
