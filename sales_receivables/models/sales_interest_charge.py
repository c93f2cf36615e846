# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches
from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.interest_math import Instalment, compute_instalments_interest

_logger = logging.getLogger(__name__)

#: customers charged per commit of the monthly cron
CRON_BATCH_SIZE = 50


class SalesInterestCharge(models.Model):
    """Overdue interest charged to one customer in one run: one draft interest
    invoice with a line per source invoice, and the charged periods."""

    _name = "sales.interest.charge"
    _description = "Overdue Interest Charge"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    date = fields.Date(
        string="As Of",
        required=True,
        readonly=True,
        help="Interest was computed on the days up to this date (included).",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", readonly=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    move_id = fields.Many2one(
        "account.move",
        string="Interest Invoice",
        readonly=True,
        index=True,
        ondelete="set null",
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Invoiced"), ("cancel", "Cancelled")],
        compute="_compute_state",
        store=True,
        index=True,
        help="Follows the interest invoice. A cancelled or deleted interest "
        "invoice frees its days: they can be charged again.",
    )
    line_ids = fields.One2many(
        "sales.interest.charge.line", "charge_id", string="Charged Periods"
    )
    amount_total = fields.Monetary(
        string="Interest", compute="_compute_amount_total", store=True
    )

    @api.depends("move_id.state")
    def _compute_state(self):
        for charge in self:
            state = charge.move_id.state
            charge.state = state if state in ("draft", "posted") else "cancel"

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for charge in self:
            charge.amount_total = sum(charge.line_ids.mapped("amount"))

    # --- actions ---------------------------------------------------------------
    @public_arguments(one=True)
    def action_open_move(self):
        self.ensure_one()
        return self.move_id._get_records_action()

    # --- business methods ------------------------------------------------------
    @api.model
    def _cron_compute_interest(self, batch_size=CRON_BATCH_SIZE, commit=None):
        """Monthly: charge interest on every company's overdue invoices up to
        today. One bad customer is logged and skipped; the charges are
        committed every ``batch_size`` customers (``commit``: see
        ``sales_policy_base/tools/cron_batch.py``), so a timeout loses none of them."""
        today = fields.Date.context_today(self)
        batches = CronBatches(self.env, batch_size, commit=commit)
        for company in self.env["res.company"].search([]):
            self.with_company(company)._charge_interest(today, company, batches=batches)
        batches.flush()

    @api.model
    def _check_interest_invoices(self, invoices):
        """Only posted customer invoices carry interest (UserError)."""
        wrong = invoices.filtered(lambda m: m.move_type != "out_invoice")
        if wrong:
            raise UserError(
                self.env._(
                    "Overdue interest is charged on customer invoices only; "
                    "%(moves)s are credit notes, vendor bills or other entries. "
                    "Remove them from the selection.",
                    moves=", ".join(wrong.mapped("display_name")),
                )
            )
        draft = invoices.filtered(lambda m: m.state != "posted")
        if draft:
            raise UserError(
                self.env._(
                    "Overdue interest is charged on posted invoices only; "
                    "%(moves)s are not posted. Post them or remove them from the "
                    "selection.",
                    moves=", ".join(draft.mapped("display_name")),
                )
            )

    @api.model
    def _interest_candidates(self, as_of, company, invoices=None, partners=None):
        """Posted customer invoices of ``company`` that may owe interest as of
        ``as_of``: one search for any number of invoices."""
        domain = [
            ("company_id", "=", company.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("sales_interest_rate", ">", 0),
            # an instalment overdue (the invoice's due date is its last one)
            (
                "line_ids",
                "any",
                [
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("date_maturity", "<", as_of),
                ],
            ),
            ("sales_interest_charge_ids", "=", False),
            "|",
            ("sales_interest_charged_through", "=", False),
            ("sales_interest_charged_through", "<", as_of),
            "|",
            ("payment_state", "in", ("not_paid", "partial")),
            ("sales_interest_settled", "=", False),
        ]
        if invoices is not None:
            domain.append(("id", "in", invoices.ids))
        if partners is not None:
            domain.append(
                ("commercial_partner_id", "in", partners.commercial_partner_id.ids)
            )
        return self.env["account.move"].search(domain, order="invoice_date_due, id")

    @api.model
    def _interest_reductions(self, invoices):
        """{receivable journal item id: [(date, amount in the invoice
        currency)]}: the payments and credit notes reconciled with each
        receivable item (instalment) of the invoices; one query for all."""
        partials = (
            self.env["account.partial.reconcile"]
            .sudo()
            .search_fetch(
                [
                    ("debit_move_id.move_id", "in", invoices.ids),
                    (
                        "debit_move_id.account_id.account_type",
                        "=",
                        "asset_receivable",
                    ),
                ],
                ["debit_move_id", "debit_amount_currency", "max_date"],
            )
        )
        result = defaultdict(list)
        for partial in partials:
            result[partial.debit_move_id.id].append(
                (partial.max_date, partial.debit_amount_currency)
            )
        return result

    @api.model
    def _interest_instalments(self, invoices):
        """{invoice id: [Instalment]}: each receivable journal item of the
        invoices (one per due date of their payment terms) with its amount
        and reductions, in the invoice currency; two queries for all."""
        reductions = self._interest_reductions(invoices)
        items = (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(
                [
                    ("move_id", "in", invoices.ids),
                    ("account_id.account_type", "=", "asset_receivable"),
                ],
                ["move_id", "date_maturity", "amount_currency"],
                order="date_maturity, id",
            )
        )
        result = defaultdict(list)
        for item in items:
            result[item.move_id.id].append(
                Instalment(
                    item.date_maturity or item.move_id.invoice_date_due,
                    item.amount_currency,
                    reductions.get(item.id, []),
                )
            )
        return result

    @api.model
    def _charge_interest(
        self,
        as_of,
        company,
        invoices=None,
        partners=None,
        raise_errors=False,
        batches=None,
    ):
        """Charge interest up to ``as_of`` on the overdue invoices of
        ``company`` (optionally only ``invoices`` / ``partners``): one draft
        interest invoice per customer and currency. Returns the charges.

        Each customer is charged in its own savepoint; an error is logged and
        the next customer is charged (or raised when ``raise_errors``). With
        ``batches`` (the cron's ``CronBatches``), each customer is counted
        there, which commits the work batch by batch.
        """
        candidates = self._interest_candidates(as_of, company, invoices, partners)
        instalments = self._interest_instalments(candidates)
        groups = defaultdict(lambda: self.env["account.move"])
        for invoice in candidates:
            groups[invoice.commercial_partner_id, invoice.currency_id] |= invoice
        charges = self.browse()
        if batches:
            batches.expect(len(groups))
        for (partner, currency), moves in groups.items():
            failed = False
            try:
                with self.env.cr.savepoint():
                    charges |= self._charge_customer(
                        partner, currency, moves, as_of, instalments
                    )
            except Exception:
                if raise_errors:
                    raise
                failed = True
                _logger.exception(
                    "Overdue interest for customer %s (id %s) as of %s could not be "
                    "charged; continuing with the next customer.",
                    partner.display_name,
                    partner.id,
                    as_of,
                )
            if batches:
                batches.processed(failed=failed)
        return charges

    @api.model
    def _charge_customer(self, partner, currency, invoices, as_of, instalments):
        """Compute each invoice's interest, instalment by instalment, mark the
        invoices that owe no more interest as settled, and create the charge
        and its draft interest invoice if there is anything to charge."""
        line_vals, settled = [], self.env["account.move"]
        for invoice in invoices:
            basis = invoice.sales_interest_basis or "annual"
            results = compute_instalments_interest(
                instalments.get(invoice.id, []),
                as_of,
                invoice.sales_interest_rate,
                basis=basis,
                grace_days=invoice.sales_interest_grace_days,
                charged_through=invoice.sales_interest_charged_through,
                rounding=currency.rounding,
            )
            paid = sum(
                amount
                for instalment, _result in results
                for day, amount in instalment.reductions
                if day <= as_of
            )
            if currency.compare_amounts(invoice.amount_total, paid) <= 0:
                settled |= invoice
            for instalment, result in results:
                if currency.is_zero(result.amount):
                    continue
                for period in result.periods:
                    line_vals.append(
                        {
                            "invoice_id": invoice.id,
                            "date_maturity": instalment.due_date,
                            "date_from": period.date_from,
                            "date_to": period.date_to,
                            "days": period.days,
                            "residual": period.residual,
                            "rate": invoice.sales_interest_rate,
                            "basis": basis,
                            "amount": period.interest,
                        }
                    )
        if settled:
            settled.write({"sales_interest_settled": True})
        if not line_vals:
            return self.browse()
        company = invoices.company_id
        name = (
            self.env["ir.sequence"]
            .with_company(company)
            .next_by_code("sales.interest.charge")
        )
        move = self._create_interest_invoice(
            name, partner, currency, company, as_of, line_vals
        )
        return self.create(
            {
                "name": name or "/",
                "date": as_of,
                "partner_id": partner.id,
                "user_id": partner.user_id.id,
                "company_id": company.id,
                "currency_id": currency.id,
                "move_id": move.id,
                "line_ids": [Command.create(vals) for vals in line_vals],
            }
        )

    @api.model
    def _create_interest_invoice(
        self, name, partner, currency, company, as_of, line_vals
    ):
        """The draft interest invoice: one line per source invoice (per
        instalment when several of its instalments are charged), on the
        "Overdue interest" product (its income account and taxes)."""
        product = self.env.ref("sales_receivables.product_overdue_interest")
        per_instalment = defaultdict(list)
        for vals in line_vals:
            per_instalment[vals["invoice_id"], vals["date_maturity"]].append(vals)
        instalments_charged = defaultdict(int)
        for invoice_id, _due in per_instalment:
            instalments_charged[invoice_id] += 1
        invoices = self.env["account.move"].browse(list(instalments_charged))
        names = {invoice.id: invoice.name for invoice in invoices}
        env = self.with_context(lang=partner.lang or self.env.lang).env
        invoice_lines = []
        for (invoice_id, due), periods in per_instalment.items():
            values = {
                "invoice": names[invoice_id],
                "start": format_date(env, periods[0]["date_from"]),
                "end": format_date(env, periods[-1]["date_to"]),
                "days": sum(p["days"] for p in periods),
            }
            if instalments_charged[invoice_id] > 1:
                label = env._(
                    "Overdue interest on %(invoice)s, instalment due %(due)s, "
                    "from %(start)s to %(end)s (%(days)s days)",
                    due=format_date(env, due),
                    **values,
                )
            else:
                label = env._(
                    "Overdue interest on %(invoice)s from %(start)s to "
                    "%(end)s (%(days)s days)",
                    **values,
                )
            invoice_lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "name": label,
                        "quantity": 1.0,
                        "price_unit": currency.round(sum(p["amount"] for p in periods)),
                    }
                )
            )
        return (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "currency_id": currency.id,
                    "invoice_date": as_of,
                    "invoice_user_id": partner.user_id.id,
                    "invoice_origin": name,
                    "sales_interest_rate": 0.0,
                    "invoice_line_ids": invoice_lines,
                }
            )
        )

    def _release_interest_days(self):
        """The interest invoice was cancelled or deleted: its source invoices
        may be charged for those days again."""
        self.line_ids.invoice_id.write({"sales_interest_settled": False})
