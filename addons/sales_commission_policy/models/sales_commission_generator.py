# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Commission-line generation engine.

A plain class, not a model: ``sales.commission.line`` holds the model (fields,
constraints, locks) and calls :class:`CommissionGenerator` to create the
missing lines of many invoices and payments at once. The arithmetic (tiers,
splits, collected shares) is in ``tools/commission_math.py``.
"""

import logging
from collections import defaultdict

from odoo.tools import SQL, float_round, split_every

from ..tools.commission_math import collection_share, received_share, split_amounts
from .sales_commission_generation_context import GenerationContext

_logger = logging.getLogger(__name__)

# Journals whose entries are money received or paid back (bank, cash and
# credit card): other reconciliations (write-offs, netting, exchange
# differences, credit notes) collect nothing (policy clause SP-COM-08).
LIQUIDITY_JOURNAL_TYPES = ["bank", "cash", "credit"]


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


class CommissionGenerator:
    """Create the missing commission lines of companies, set-based.

    ``lines`` is a ``sales.commission.line`` recordset (usually empty) that
    carries the environment the generation runs in.
    """

    def __init__(self, lines):
        self.lines = lines
        self.env = lines.env

    def generate(self, companies=None, date_to=None, batches=None):
        """Create the missing commission lines of ``companies``; return them.

        Set-based: revenue events are read with a few SQL queries, their
        context (splits, grades, categories, costs) in bulk, lines created in
        batches. Existing lines are never recreated (source keys).

        :param batches: a ``CronBatches`` (the cron,
            ``sales_policy_base/tools/cron_batch.py``): create the lines of
            the revenue events in chunks of its size, each in a savepoint and
            counted (committed) when done; a chunk that fails is done again
            event by event, and an event that fails is logged and skipped
            (the next run takes it again). None: all at once, in the
            caller's transaction.
        """
        companies = companies or self.env.companies
        plans = (
            self.env["sales.commission.plan"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
        )
        if not plans:
            return self.lines
        if batches is None:
            items = self._items(plans, date_to)
            vals_list = self._prepare_from_items(plans, items)
            return self._insert_lines(vals_list)
        with self.env.cr.savepoint():  # read only: a failure leaves no trace
            items = self._items(plans, date_to)
            ctx = GenerationContext(self.env, plans, items) if items else None
        if not items:
            return self.lines
        ordered = self._sorted_items(items)
        batches.expect(len(ordered))
        ids = []
        for chunk in split_every(batches.batch_size, ordered, list):
            ids += self._generate_safely(ctx, chunk, batches)
        return self.lines.browse(ids)

    def _items(self, plans, date_to):
        """The revenue events not earned yet: invoice lines and collections."""
        # both queries whatever the plans' bases: an invoice keeps the basis
        # it started earning on when its plan changes (see GenerationContext)
        return self._invoice_items(plans, date_to) + self._payment_items(plans, date_to)

    def _generate_safely(self, ctx, items, batches):
        """Create the lines of ``items`` in a savepoint and count them in
        ``batches``; if that fails, item by item, logging and skipping the
        items that fail. Returns the ids of the lines created.

        An item's lines carry the achievement they add (tiers): what a failed
        attempt added to ``ctx`` is taken back before the items are tried
        again, so a retried item is not counted twice."""
        achieved = dict(ctx.achieved)
        try:
            with self.env.cr.savepoint():
                vals_list = []
                for item in items:
                    vals_list += self._prepare_item(ctx, item)
                ids = self._insert_lines(vals_list).ids
        except Exception:
            ctx.achieved = defaultdict(float, achieved)
            if len(items) == 1:
                item = items[0]
                _logger.exception(
                    "Commission of %s (invoice line %s, reconciliation %s) not "
                    "generated; continuing",
                    item["name"],
                    item["move_line_id"],
                    item["source_partial"] or None,
                )
                batches.processed(failed=True)
                return []
            _logger.warning(
                "Commission generation failed for invoice lines %s; generating "
                "them one by one",
                sorted({item["move_line_id"] for item in items}),
                exc_info=True,
            )
            ids = []
            for item in items:
                ids += self._generate_safely(ctx, [item], batches)
            return ids
        batches.processed(len(items))
        return ids

    def _insert_lines(self, vals_list):
        """Insert generated lines in a few set-based queries; return them.

        The ORM's create costs about a millisecond per line, too slow for a
        month of a large company's invoice lines. These rows have no computed
        fields; a row whose source key exists already (a concurrent run) is
        skipped by the unique constraint instead of failing.
        """
        if not vals_list:
            return self.lines
        self.env.flush_all()
        columns = list(vals_list[0])
        fields_ = self.lines._fields
        types = [SQL(fields_[c].column_type[0]) for c in columns]
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
        return self.lines.browse(ids)

    def _invoice_items(self, plans, date_to):
        """Product lines of posted invoices and credit notes not earned yet.

        Invoices that already earned on collection are left out: an invoice
        earns on one basis only. Read whatever the plans' bases are: a credit
        note of an invoice that earned when posted takes its commission back
        when posted, even after its plan moved to the collection basis.
        """
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT aml.id AS move_line_id, aml.move_id, m.invoice_date AS date,
                   m.invoice_date, m.reversed_entry_id,
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
               AND NOT EXISTS (
                    SELECT 1 FROM sales_commission_line l
                     WHERE l.move_id = m.id AND l.source_partial != 0)
          ORDER BY m.invoice_date, m.id, aml.id
                """,
                companies=plans.company_id.ids,
                date_from=min(plans.mapped("date_from")),
                date_to=date_to,
            )
        )
        return self.env.cr.dictfetchall()

    def _payment_items(self, plans, date_to):
        """Product lines of invoices times the share a payment collected.

        Only matchings with an entry of a bank, cash or credit card journal
        count, and of such an entry only the money received (not the part
        written off). Invoices that already earned when posted are left out.
        """
        self.env.flush_all()
        # an invoice is paid by the credit side of its matchings, a credit
        # note by the debit side: one query per side, the same conditions
        branches = [
            SQL(
                """
            SELECT apr.id AS partial_id, apr.amount, apr.max_date AS date,
                   il.move_id, pm.id AS counterpart_move_id
              FROM account_partial_reconcile apr
              JOIN account_move_line il ON il.id = apr.%(document_side)s
              JOIN account_move im ON im.id = il.move_id
              JOIN account_move_line pl ON pl.id = apr.%(payment_side)s
              JOIN account_move pm ON pm.id = pl.move_id
              JOIN account_journal pj ON pj.id = pm.journal_id
             WHERE im.move_type = %(move_type)s AND pm.move_type = 'entry'
               AND pj.type = ANY(%(journal_types)s)
               AND im.state = 'posted' AND im.company_id = ANY(%(companies)s)
               AND apr.max_date >= %(date_from)s
               AND (%(date_to)s::date IS NULL OR apr.max_date <= %(date_to)s)
               AND NOT EXISTS (SELECT 1 FROM sales_commission_line l
                                WHERE l.source_partial = apr.id
                                  AND l.source_partial != 0)
               AND NOT EXISTS (SELECT 1 FROM sales_commission_line l
                                WHERE l.move_id = im.id AND l.source_partial = 0
                                  AND l.bonus_id IS NULL)
                """,
                document_side=SQL.identifier(document_side),
                payment_side=SQL.identifier(payment_side),
                move_type=move_type,
                companies=plans.company_id.ids,
                date_from=min(plans.mapped("date_from")),
                date_to=date_to,
                journal_types=LIQUIDITY_JOURNAL_TYPES,
            )
            for move_type, document_side, payment_side in (
                ("out_invoice", "debit_move_id", "credit_move_id"),
                ("out_refund", "credit_move_id", "debit_move_id"),
            )
        ]
        self.env.cr.execute(SQL(" UNION ALL ").join(branches))
        partials = self.env.cr.dictfetchall()
        if not partials:
            return []
        received = self._received_shares({p["counterpart_move_id"] for p in partials})
        self.env.cr.execute(
            SQL(
                """
            SELECT aml.id AS move_line_id, aml.move_id, m.company_id, m.team_id,
                   m.commercial_partner_id AS partner_id, m.invoice_user_id,
                   aml.product_id, pt.categ_id, aml.quantity,
                   -aml.balance AS revenue, m.name, m.move_type,
                   m.amount_total_signed, m.invoice_date, m.reversed_entry_id
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
            collected = (
                abs(partial["amount"]) * received[partial["counterpart_move_id"]]
            )
            for row in lines_by_move[partial["move_id"]]:
                share = collection_share(collected, abs(row["amount_total_signed"]))
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

    def _received_shares(self, move_ids):
        """``{move_id: share}``: the part of a payment entry's receivable
        (or payable) that is money received or paid, not written off."""
        self.env.cr.execute(
            SQL(
                """
            SELECT l.move_id,
                   SUM(l.balance) FILTER (
                       WHERE a.account_type IN ('asset_receivable',
                                                'liability_payable')),
                   SUM(l.balance) FILTER (
                       WHERE a.account_type NOT IN ('asset_receivable',
                                                    'liability_payable')
                         AND (a.account_type IN ('asset_cash',
                                                 'liability_credit_card')
                              OR l.account_id = j.default_account_id
                              OR l.account_id = p.outstanding_account_id
                              OR l.account_id IN (
                                   SELECT pml.payment_account_id
                                     FROM account_payment_method_line pml
                                    WHERE pml.journal_id = j.id)))
              FROM account_move_line l
              JOIN account_account a ON a.id = l.account_id
              JOIN account_move m ON m.id = l.move_id
              JOIN account_journal j ON j.id = m.journal_id
         LEFT JOIN account_payment p ON p.id = m.origin_payment_id
             WHERE l.move_id = ANY(%s)
          GROUP BY l.move_id
                """,
                list(move_ids),
            )
        )
        return {
            move_id: received_share(liquidity or 0.0, counterpart or 0.0)
            for move_id, counterpart, liquidity in self.env.cr.fetchall()
        }

    @staticmethod
    def _sorted_items(items):
        """Items in the order they earn (achievement tiers add up in it)."""
        return sorted(
            items,
            key=lambda i: (
                i["date"],
                i["move_id"],
                i["move_line_id"],
                i["source_partial"],
            ),
        )

    def _prepare_from_items(self, plans, items):
        if not items:
            return []
        ctx = GenerationContext(self.env, plans, items)
        vals_list = []
        for item in self._sorted_items(items):
            vals_list += self._prepare_item(ctx, item)
        return vals_list

    def _prepare_item(self, ctx, item):
        """The values of the commission lines one item earns (one per rep)."""
        plan, basis = ctx.plan_for(item)
        if not plan:
            return []
        reps = ctx.reps_for(item)
        if not reps:
            return []
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
        vals_list = []
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
