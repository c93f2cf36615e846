# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round, split_every

from ..tools.commission_math import (
    collection_share,
    marginal_increment_sorted,
    prepare_tiers,
    split_amounts,
)
from .sales_commission_plan import COMMISSION_BASES, COMMISSION_GRADES

_logger = logging.getLogger(__name__)

LOCKED_SETTLEMENT_STATES = ("approved", "paid")


def _array_literal(values):
    """A PostgreSQL array literal ``{a,b,NULL}`` of ``values``."""
    return (
        "{"
        + ",".join(
            "NULL"
            if value is None or value is False
            else (
                '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
                if isinstance(value, str)
                else str(value)
            )
            for value in values
        )
        + "}"
    )


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
    def _cron_generate(self):
        for company in self.env["res.company"].search([]):
            try:
                with self.env.cr.savepoint():
                    self._generate(companies=company)
            except Exception:
                _logger.exception(
                    "Commission generation failed for company %s", company.name
                )
        return True

    @api.model
    def _generate(self, companies=None, date_to=None):
        """Create the missing commission lines of ``companies``; return them.

        Set-based: revenue events are read with a few SQL queries, their
        context (splits, grades, categories, costs) in bulk, lines created in
        batches. Existing lines are never recreated (source keys).
        """
        companies = companies or self.env.companies
        plans = (
            self.env["sales.commission.plan"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
        )
        if not plans:
            return self.browse()
        items = self._invoice_items(plans, date_to) + self._payment_items(
            plans, date_to
        )
        vals_list = self._prepare_from_items(plans, items)
        return self._insert_lines(vals_list)

    def _insert_lines(self, vals_list):
        """Insert generated lines in a few set-based queries; return them.

        The ORM's create costs about a millisecond per line, too slow for a
        month of a large company's invoice lines. These rows have no computed
        fields; a row whose source key exists already (a concurrent run) is
        skipped by the unique constraint instead of failing.
        """
        if not vals_list:
            return self.browse()
        self.env.flush_all()
        columns = list(vals_list[0])
        types = [SQL(self._fields[c].column_type[0]) for c in columns]
        ids = []
        for batch in split_every(50000, vals_list, list):
            # one array literal per column: PostgreSQL parses a '{...}' text
            # much faster than an ARRAY[...] expression of 50,000 parameters
            arrays = [
                SQL("%s::%s[]", _array_literal(v[c] for v in batch), pg_type)
                for pg_type, c in zip(types, columns, strict=True)
            ]
            self.env.cr.execute(
                SQL(
                    """
                INSERT INTO sales_commission_line (%(columns)s, create_uid,
                            write_uid, create_date, write_date)
                SELECT u.*, %(uid)s, %(uid)s, now() at time zone 'UTC',
                       now() at time zone 'UTC'
                  FROM unnest(%(arrays)s) AS u
                    ON CONFLICT ON CONSTRAINT sales_commission_line_source_unique
                    DO NOTHING
             RETURNING id
                    """,
                    columns=SQL(", ").join(SQL.identifier(c) for c in columns),
                    uid=self.env.uid,
                    arrays=SQL(", ").join(arrays),
                )
            )
            ids.extend(row[0] for row in self.env.cr.fetchall())
        self.env.invalidate_all()
        return self.browse(ids)

    def _invoice_items(self, plans, date_to):
        plans = plans.filtered(lambda p: p.base in ("invoiced", "margin"))
        if not plans:
            return []
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT aml.id AS move_line_id, aml.move_id, m.invoice_date AS date,
                   m.company_id, m.team_id, m.commercial_partner_id AS partner_id,
                   m.invoice_user_id, aml.product_id, pt.categ_id,
                   aml.quantity, -aml.balance AS revenue, m.name, m.move_type,
                   0 AS source_partial
              FROM account_move_line aml
              JOIN account_move m ON m.id = aml.move_id
         LEFT JOIN product_product pp ON pp.id = aml.product_id
         LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE m.state = 'posted'
               AND m.move_type IN ('out_invoice', 'out_refund')
               AND aml.display_type = 'product'
               AND m.company_id = ANY(%(companies)s)
               AND m.invoice_date >= %(date_from)s
               AND (%(date_to)s::date IS NULL OR m.invoice_date <= %(date_to)s)
               AND NOT EXISTS (
                    SELECT 1 FROM sales_commission_line l
                     WHERE l.move_line_id = aml.id AND l.source_partial = 0
                       AND l.bonus_id IS NULL)
          ORDER BY m.invoice_date, m.id, aml.id
                """,
                companies=plans.company_id.ids,
                date_from=min(plans.mapped("date_from")),
                date_to=date_to,
            )
        )
        return self.env.cr.dictfetchall()

    def _payment_items(self, plans, date_to):
        """Product lines of invoices times the share a payment collected."""
        plans = plans.filtered(lambda p: p.base == "collected")
        if not plans:
            return []
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT apr.id AS partial_id, apr.amount, apr.max_date AS date,
                   il.move_id
              FROM account_partial_reconcile apr
              JOIN account_move_line il ON il.id = apr.debit_move_id
              JOIN account_move im ON im.id = il.move_id
              JOIN account_move_line pl ON pl.id = apr.credit_move_id
              JOIN account_move pm ON pm.id = pl.move_id
             WHERE im.move_type = 'out_invoice' AND pm.move_type = 'entry'
               AND im.state = 'posted' AND im.company_id = ANY(%(companies)s)
               AND apr.max_date >= %(date_from)s
               AND (%(date_to)s::date IS NULL OR apr.max_date <= %(date_to)s)
               AND NOT EXISTS (SELECT 1 FROM sales_commission_line l
                                WHERE l.source_partial = apr.id
                                  AND l.source_partial != 0)
             UNION ALL
            SELECT apr.id AS partial_id, apr.amount, apr.max_date AS date,
                   il.move_id
              FROM account_partial_reconcile apr
              JOIN account_move_line il ON il.id = apr.credit_move_id
              JOIN account_move im ON im.id = il.move_id
              JOIN account_move_line pl ON pl.id = apr.debit_move_id
              JOIN account_move pm ON pm.id = pl.move_id
             WHERE im.move_type = 'out_refund' AND pm.move_type = 'entry'
               AND im.state = 'posted' AND im.company_id = ANY(%(companies)s)
               AND apr.max_date >= %(date_from)s
               AND (%(date_to)s::date IS NULL OR apr.max_date <= %(date_to)s)
               AND NOT EXISTS (SELECT 1 FROM sales_commission_line l
                                WHERE l.source_partial = apr.id
                                  AND l.source_partial != 0)
                """,
                companies=plans.company_id.ids,
                date_from=min(plans.mapped("date_from")),
                date_to=date_to,
            )
        )
        partials = self.env.cr.dictfetchall()
        if not partials:
            return []
        self.env.cr.execute(
            SQL(
                """
            SELECT aml.id AS move_line_id, aml.move_id, m.company_id, m.team_id,
                   m.commercial_partner_id AS partner_id, m.invoice_user_id,
                   aml.product_id, pt.categ_id, aml.quantity,
                   -aml.balance AS revenue, m.name, m.move_type,
                   m.amount_total_signed
              FROM account_move_line aml
              JOIN account_move m ON m.id = aml.move_id
         LEFT JOIN product_product pp ON pp.id = aml.product_id
         LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE aml.move_id = ANY(%(moves)s) AND aml.display_type = 'product'
          ORDER BY aml.id
                """,
                moves=list({p["move_id"] for p in partials}),
            )
        )
        lines_by_move = defaultdict(list)
        for row in self.env.cr.dictfetchall():
            lines_by_move[row["move_id"]].append(row)
        items = []
        for partial in sorted(partials, key=lambda p: (p["date"], p["partial_id"])):
            for row in lines_by_move[partial["move_id"]]:
                share = collection_share(
                    abs(partial["amount"]), abs(row["amount_total_signed"])
                )
                items.append(
                    dict(
                        row,
                        date=partial["date"],
                        revenue=row["revenue"] * share,
                        quantity=row["quantity"] * share,
                        source_partial=partial["partial_id"],
                    )
                )
        return items

    def _prepare_from_items(self, plans, items):
        if not items:
            return []
        ctx = _GenerationContext(self.env, plans, items)
        vals_list = []
        for item in sorted(
            items,
            key=lambda i: (
                i["date"],
                i["move_id"],
                i["move_line_id"],
                i["source_partial"],
            ),
        ):
            plan = ctx.plan_for(item)
            if not plan:
                continue
            reps = ctx.reps_for(item)
            if not reps:
                continue
            basis = ctx.bases[plan.id]
            base = item["revenue"]
            if basis == "margin":
                base -= ctx.cost(item)
            grade = ctx.grades.get(item["partner_id"])
            rule_id, rate = ctx.rule_for(plan, item, grade)
            currency_id, rounding = ctx.currency(item["company_id"])
            parts = (
                [float_round(base, precision_rounding=rounding)]
                if len(reps) == 1
                else split_amounts(base, [pct for _u, pct in reps])
            )
            period = item["date"].replace(day=1)
            for (user_id, pct), part in zip(reps, parts, strict=True):
                tier_amount = ctx.tier_increment(plan, user_id, period, part)
                vals_list.append(
                    {
                        "name": item["name"],
                        "company_id": item["company_id"],
                        "user_id": user_id,
                        "date": item["date"],
                        "period_start": period,
                        "basis": basis,
                        "partner_id": item["partner_id"],
                        "sales_grade": grade or False,
                        "move_id": item["move_id"],
                        "move_line_id": item["move_line_id"],
                        "partial_reconcile_id": item["source_partial"] or False,
                        "source_partial": item["source_partial"],
                        "product_id": item["product_id"],
                        "product_categ_id": item["categ_id"],
                        "plan_id": plan.id,
                        "rule_id": rule_id,
                        "revenue_amount": part,
                        "split_percent": pct,
                        "rate": rate,
                        "tier_amount": float_round(
                            tier_amount, precision_rounding=rounding
                        ),
                        "amount": float_round(
                            part * rate / 100.0 + tier_amount,
                            precision_rounding=rounding,
                        ),
                        "currency_id": currency_id,
                    }
                )
        return vals_list


class _GenerationContext:
    """Everything the generation looks up, loaded once for all items."""

    def __init__(self, env, plans, items):
        self.env = env
        self.plans = plans
        self.bases = {plan.id: plan.base for plan in plans}
        cr = env.cr
        move_ids = list({i["move_id"] for i in items})
        partner_ids = list({i["partner_id"] for i in items if i["partner_id"]})
        # splits (in id order) per invoice
        cr.execute(
            SQL(
                "SELECT move_id, user_id, percent FROM sales_commission_split"
                " WHERE move_id = ANY(%s) ORDER BY id",
                move_ids,
            )
        )
        self.splits = defaultdict(list)
        for move_id, user_id, percent in cr.fetchall():
            self.splits[move_id].append((user_id, percent))
        cr.execute(
            SQL(
                "SELECT id, sales_commission_owner_id, sales_grade FROM res_partner"
                " WHERE id = ANY(%s)",
                partner_ids,
            )
        )
        self.owners, self.grades = {}, {}
        for partner_id, owner_id, grade in cr.fetchall():
            self.owners[partner_id] = owner_id
            self.grades[partner_id] = grade
        categ_ids = list({i["categ_id"] for i in items if i["categ_id"]})
        cr.execute(
            SQL(
                "SELECT id, parent_path FROM product_category WHERE id = ANY(%s)",
                categ_ids,
            )
        )
        # closest category first
        self.categ_chain = {
            categ_id: [int(c) for c in reversed(path.strip("/").split("/"))]
            for categ_id, path in cr.fetchall()
        }
        self.rules = defaultdict(dict)
        for rule in plans.rule_ids:
            key = (rule.product_id.id, rule.product_categ_id.id, rule.sales_grade)
            self.rules[rule.plan_id.id][key] = (rule.id, rule.rate)
        self.targets = {
            (t.plan_id.id, t.user_id.id): t.amount for t in plans.target_ids
        }
        self.tiers = {}
        self.achieved = defaultdict(float)
        if plans.tier_ids:
            periods = list({i["date"].replace(day=1) for i in items})
            for plan, user, period, revenue in env["sales.commission.line"]._read_group(
                [
                    ("plan_id", "in", plans.tier_ids.plan_id.ids),
                    ("period_start", "in", periods),
                ],
                ["plan_id", "user_id", "period_start:day"],
                ["revenue_amount:sum"],
            ):
                self.achieved[(plan.id, user.id, period)] = revenue
        self._costs = {}
        if "margin" in plans.mapped("base"):
            products = env["product.product"].browse(
                list({i["product_id"] for i in items if i["product_id"]})
            )
            for company in plans.company_id:
                for product in products.with_company(company):
                    self._costs[(company.id, product.id)] = product.standard_price
        self._plan_cache = {}
        self._rule_cache = {}
        self._currencies = {}

    def currency(self, company_id):
        """``(currency id, rounding)`` of the company."""
        if company_id not in self._currencies:
            currency = self.env["res.company"].browse(company_id).currency_id
            self._currencies[company_id] = (currency.id, currency.rounding)
        return self._currencies[company_id]

    def plan_for(self, item):
        """The team's plan, else the company-wide plan, valid on the date."""
        payment = bool(item["source_partial"])
        key = (item["company_id"], item["team_id"], item["date"], payment)
        if key not in self._plan_cache:
            found = False
            for team_id in (item["team_id"], False):
                for plan in self.plans:
                    if (
                        plan.company_id.id == item["company_id"]
                        and plan.team_id.id == (team_id or False)
                        and plan.date_from <= item["date"]
                        and (not plan.date_to or item["date"] <= plan.date_to)
                    ):
                        found = plan
                        break
                if found:
                    break
            if found and (found.base == "collected") != payment:
                found = False
            self._plan_cache[key] = found
        return self._plan_cache[key]

    def reps_for(self, item):
        """``[(user_id, percent)]``: the invoice's split, else the owner."""
        splits = self.splits.get(item["move_id"])
        if splits:
            if abs(sum(p for _u, p in splits) - 100.0) > 0.005:
                _logger.warning(
                    "Invoice %s: commission split does not sum to 100 %%, skipped",
                    item["name"],
                )
                return []
            return splits
        owner = self.owners.get(item["partner_id"]) or item["invoice_user_id"]
        return [(owner, 100.0)] if owner else []

    def rule_for(self, plan, item, grade):
        """Most specific rule: product, closest category, then grade."""
        key = (plan.id, item["product_id"], item["categ_id"], grade)
        if key not in self._rule_cache:
            rules = self.rules.get(plan.id, {})
            candidates = []
            if item["product_id"]:
                candidates.append((item["product_id"], False))
            for categ_id in self.categ_chain.get(item["categ_id"], []):
                candidates.append((False, categ_id))
            candidates.append((False, False))
            found = (False, 0.0)
            for product_id, categ_id in candidates:
                for grade_key in (grade or None, None):
                    hit = rules.get((product_id, categ_id, grade_key or False))
                    if hit:
                        found = hit
                        break
                if found[0]:
                    break
            self._rule_cache[key] = found
        return self._rule_cache[key]

    def cost(self, item):
        cost = self._costs.get((item["company_id"], item["product_id"]), 0.0)
        # a credit note's quantity is positive while its revenue is negative
        sign = -1.0 if item["move_type"] == "out_refund" else 1.0
        return sign * cost * item["quantity"]

    def tier_increment(self, plan, user_id, period, amount):
        """Extra commission of the achievement tiers for ``amount`` more."""
        tiers_key = (plan.id, user_id)
        if tiers_key not in self.tiers:
            target = self.targets.get(tiers_key)
            self.tiers[tiers_key] = (
                prepare_tiers(plan._tiers_for_target(target)) if target else []
            )
        tiers = self.tiers[tiers_key]
        if not tiers:
            return 0.0
        key = (plan.id, user_id, period)
        before = self.achieved[key]
        self.achieved[key] = before + amount
        return marginal_increment_sorted(before, amount, tiers)
