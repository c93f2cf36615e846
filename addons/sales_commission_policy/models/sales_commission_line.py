# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

from .sales_commission_generator import CommissionGenerator
from .sales_commission_plan import COMMISSION_BASES, COMMISSION_GRADES

_logger = logging.getLogger(__name__)

LOCKED_SETTLEMENT_STATES = ("approved", "paid")
ONE_BASIS_CONSTRAINT = "sales_commission_line_one_basis_per_invoice"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
#: revenue events turned into lines per commit of the nightly cron
GENERATION_BATCH_SIZE = 5000


class SalesCommissionLine(models.Model):
    """Commission a rep earned on one revenue event.

    Source keys: an invoice line (invoice and margin bases), an invoice line and
    the partial reconciliation that collected part of it (collection basis), or
    a project bonus. A key never earns twice: unique constraint below.
    """

    _name = "sales.commission.line"
    _description = "Commission Line"
    _order = "date desc, id desc"

    name = fields.Char(string="Source", readonly=True)
    company_id = fields.Many2one("res.company", required=True)
    user_id = fields.Many2one("res.users", string="Rep", required=True, index=True)
    date = fields.Date(required=True, index=True)
    period_start = fields.Date(
        string="Period", required=True, help="First day of the month."
    )
    basis = fields.Selection(
        [*COMMISSION_BASES, ("bonus", "Project Bonus")], required=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer")
    sales_grade = fields.Selection(
        COMMISSION_GRADES,
        string="Customer Grade",
        help="The customer's grade when the line was generated.",
    )
    move_id = fields.Many2one("account.move", string="Invoice", index=True)
    move_line_id = fields.Many2one(
        "account.move.line", string="Invoice Line", ondelete="restrict"
    )
    partial_reconcile_id = fields.Many2one(
        "account.partial.reconcile", string="Payment Matching", ondelete="set null"
    )
    source_partial = fields.Integer(
        string="Payment Matching Key",
        default=0,
        required=True,
        help="Id of the payment matching that collected the revenue (0 on "
        "the invoice basis; negative on the line taking back the commission "
        "of a matching that was undone).",
    )
    bonus_id = fields.Many2one(
        "sales.commission.bonus", string="Project Bonus", ondelete="restrict"
    )
    product_id = fields.Many2one("product.product")
    product_categ_id = fields.Many2one("product.category", string="Product Category")
    plan_id = fields.Many2one("sales.commission.plan")
    rule_id = fields.Many2one("sales.commission.rule", string="Rate Rule")
    revenue_amount = fields.Monetary(
        string="Base", help="The rep's share of the revenue (or margin) earning."
    )
    split_percent = fields.Float(string="Share (%)", digits=(16, 2))
    rate = fields.Float(string="Rate (%)", digits=(16, 4))
    tier_amount = fields.Monetary(
        string="Tier Bonus", help="Part of the commission from achievement tiers."
    )
    amount = fields.Monetary(string="Commission")
    currency_id = fields.Many2one("res.currency", required=True)
    settlement_id = fields.Many2one(
        "sales.commission.settlement", index=True, ondelete="set null", copy=False
    )

    _sql_constraints = [
        (
            "source_unique",
            "UNIQUE NULLS NOT DISTINCT (move_line_id, source_partial, bonus_id, "
            "user_id)",
            "This revenue already earned commission for this rep: a commission "
            "line is never generated twice.",
        ),
    ]

    def init(self):
        # payments already processed (collection basis): a small partial index
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS sales_commission_line_source_partial_idx"
                " ON sales_commission_line (source_partial) WHERE source_partial != 0"
            )
        )
        self._init_one_basis_per_invoice()

    def _init_one_basis_per_invoice(self):
        """An invoice earns when posted or when collected, never both
        (policy clause SP-COM-01): no two lines of one invoice where one has
        no payment matching key and the other has one. An exclusion
        constraint (``btree_gist``, shipped with PostgreSQL, a trusted
        extension the database owner may create)."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT 1 FROM pg_constraint WHERE conname = %s",
                ONE_BASIS_CONSTRAINT,
            )
        )
        if cr.fetchone():
            return
        try:
            with cr.savepoint():
                cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS btree_gist"))
                cr.execute(
                    SQL(
                        """ALTER TABLE sales_commission_line
                           ADD CONSTRAINT %s
                           EXCLUDE USING gist (
                               move_id WITH =,
                               ((source_partial = 0)::int) WITH <>)
                           WHERE (move_id IS NOT NULL AND bonus_id IS NULL)""",
                        SQL.identifier(ONE_BASIS_CONSTRAINT),
                    )
                )
        except Exception as error:  # reported: the install goes on
            _logger.warning(
                "Commission lines: constraint %s not added (%s). Remove the "
                "lines of invoices that earned on two bases and update the "
                "module again.",
                ONE_BASIS_CONSTRAINT,
                error,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("settlement_id"):
                self._check_settlement_open(vals["settlement_id"], vals.get("user_id"))
        return super().create(vals_list)

    def write(self, vals):
        self._check_not_locked()
        if vals.get("settlement_id"):
            users = {vals["user_id"]} if vals.get("user_id") else set(self.user_id.ids)
            for user_id in users:
                self._check_settlement_open(vals["settlement_id"], user_id)
        return super().write(vals)

    def unlink(self):
        settled = self.filtered(
            lambda line: line.settlement_id and line.settlement_id.state != "cancel"
        )
        if settled:
            raise UserError(
                self.env._(
                    "You cannot delete commission lines that are in settlement "
                    "%(settlement)s (policy clause SP-COM-07). Cancel the "
                    "settlement first.",
                    settlement=settled.settlement_id[:1].name,
                )
            )
        return super().unlink()

    def _check_settlement_open(self, settlement_id, user_id):
        """Lines join only a draft settlement of their own rep."""
        settlement = (
            self.env["sales.commission.settlement"].sudo().browse(settlement_id)
        )
        if settlement.state != "draft":
            raise UserError(
                self.env._(
                    "Settlement %(settlement)s is no longer a draft: no "
                    "commission line can be added to it (policy clause "
                    "SP-COM-07). Settle the line in a later period.",
                    settlement=settlement.name,
                )
            )
        if user_id and settlement.user_id.id != user_id:
            raise UserError(
                self.env._(
                    "Settlement %(settlement)s settles the commission of "
                    "%(rep)s only: a line of another rep cannot be added to it.",
                    settlement=settlement.name,
                    rep=settlement.user_id.name,
                )
            )

    def _check_not_locked(self):
        locked = self.filtered(
            lambda line: line.settlement_id.state in LOCKED_SETTLEMENT_STATES
        )
        if locked:
            raise UserError(
                self.env._(
                    "Commission lines of settlement %(settlement)s are locked: it "
                    "was approved (policy clause SP-COM-07). Record a correction "
                    "in a later period instead.",
                    settlement=locked.settlement_id[:1].name,
                )
            )

    # ------------------------------------------------------------------
    # Payment matching undone
    # ------------------------------------------------------------------
    @api.model
    def _reverse_unmatched_payments(self, partial_ids):
        """Take back the commission of payment matchings being removed.

        Lines not settled yet are deleted; a settled line gets a negative
        twin, keyed on the negative matching id and left for the next
        settlement. Matching the payment again creates a new matching that
        earns again: unmatch then rematch pays exactly once in total.
        """
        partial_ids = [pid for pid in partial_ids if pid > 0]
        if not partial_ids:
            return self.browse()
        lines = self.sudo().search([("source_partial", "in", partial_ids)])
        settled = lines.filtered(
            lambda line: line.settlement_id and line.settlement_id.state != "cancel"
        )
        (lines - settled).unlink()
        if not settled:
            return self.browse()
        today = fields.Date.context_today(self)
        return self.sudo().create(
            [line._prepare_reversal_vals(today) for line in settled]
        )

    def _prepare_reversal_vals(self, date):
        self.ensure_one()
        return {
            "name": self.env._(
                "%(document)s (payment unmatched)", document=self.name or ""
            ),
            "company_id": self.company_id.id,
            "user_id": self.user_id.id,
            "date": date,
            "period_start": date.replace(day=1),
            "basis": self.basis,
            "partner_id": self.partner_id.id,
            "sales_grade": self.sales_grade,
            "move_id": self.move_id.id,
            "move_line_id": self.move_line_id.id,
            "source_partial": -self.source_partial,
            "product_id": self.product_id.id,
            "product_categ_id": self.product_categ_id.id,
            "plan_id": self.plan_id.id,
            "rule_id": self.rule_id.id,
            "revenue_amount": -self.revenue_amount,
            "split_percent": self.split_percent,
            "rate": self.rate,
            "tier_amount": -self.tier_amount,
            "amount": -self.amount,
            "currency_id": self.currency_id.id,
        }

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    @api.model
    def _cron_generate(self, batch_size=GENERATION_BATCH_SIZE, commit=None):
        """Nightly: create the missing commission lines of every company.

        The revenue events (invoice lines, collections) are turned into lines
        in chunks of ``batch_size``, each committed when done (``commit``: see
        ``sales_policy_base/tools/cron_batch.py``), so a timeout loses nothing
        already generated; the next run takes the rest (an event that earned
        is never taken again). An event that fails is logged and skipped; a
        company whose run cannot start is logged and the others go on.
        """
        batches = CronBatches(self.env, batch_size, commit=commit)
        for company in self.env["res.company"].search([]):
            try:
                self._generate(companies=company, batches=batches)
            except Exception:
                _logger.exception(
                    "Commission generation failed for company %s", company.name
                )
            batches.flush()
        return True

    @api.model
    def _check_generation_access(self):
        """Generation reads every rep's sales: sales managers (and the
        scheduled action) only, whoever calls it and however."""
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        raise AccessError(
            self.env._(
                "%(user)s cannot generate commission lines: they are computed "
                "from every rep's sales and settled by a sales manager (policy "
                "clause SP-COM-06). The lines are generated every night; ask a "
                "sales manager to generate them now if yours are missing.",
                user=self.env.user.name,
            )
        )

    @api.model
    def _generate(self, companies=None, date_to=None, batches=None):
        """Create the missing commission lines of ``companies``; return them.

        Set-based (see :class:`CommissionGenerator`): revenue events are read
        with a few SQL queries, their context (splits, grades, categories,
        costs) in bulk, lines created in batches. Existing lines are never
        recreated (source keys). Sales managers only; computed as superuser,
        so that achievement tiers count every line of the rep whatever the
        caller's record rules let them see. ``batches``: see
        :meth:`CommissionGenerator.generate` (the cron's committed chunks).
        """
        self._check_generation_access()
        lines = CommissionGenerator(self.sudo().browse()).generate(
            companies=companies, date_to=date_to, batches=batches
        )
        return lines.with_env(self.env)
