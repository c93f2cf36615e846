# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from weakref import WeakKeyDictionary

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches
from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_interest_terms import (
    INTEREST_TERM_FIELDS,
    check_interest_terms,
    interest_term_fields,
    interest_terms_of,
    interest_terms_refusal,
    may_edit_interest_terms,
    same_interest_terms,
)

_logger = logging.getLogger(__name__)

CREDIT_FIELDS = (
    "sales_credit_limit",
    "sales_credit_rating",
    "sales_collection_status",
)
#: partners inside Odoo's Merge Contacts, per database cursor: out of reach of
#: an RPC caller (a context key is not). Not ``cr.precommit.data``: the merge
#: rolls back savepoints (duplicate foreign keys), which clears it.
MERGING_PARTNERS = WeakKeyDictionary()
#: context key carrying the reason of a credit change (see the change wizard)
REASON_KEY = "sales_credit_reason"
#: customers escalated per commit of the daily cron
ESCALATION_BATCH_SIZE = 100
#: the customer's interest terms: set by sales managers and finance only
PARTNER_INTEREST_FIELDS = ("sales_interest_custom", *INTEREST_TERM_FIELDS)
#: what a new customer's terms are when nobody set them
NO_INTEREST_TERMS = {
    "sales_interest_custom": False,
    "sales_interest_rate": 0.0,
    "sales_interest_basis": False,
    "sales_interest_grace_days": 0,
}


def in_partner_merge(partners):
    """Whether ``partners`` are inside Odoo's Merge Contacts (the wizard's
    cursor marker, see wizards/base_partner_merge_automatic_wizard.py)."""
    marks = MERGING_PARTNERS.get(partners.env.cr) or set()
    return bool(partners.ids) and set(partners.ids) <= marks


class ResPartner(models.Model):
    _inherit = "res.partner"

    # overdue interest terms of the customer (sales_interest_terms.py)
    sales_interest_custom = fields.Boolean(
        string="Specific Interest Terms",
        help="Charge this customer's overdue invoices with the terms below "
        "instead of the company's defaults (a sale order may still set its own).",
    )
    (
        sales_interest_rate,
        sales_interest_basis,
        sales_interest_grace_days,
    ) = interest_term_fields()

    sales_credit_limit = fields.Float(
        company_dependent=True,
        digits="Account",
        tracking=True,
        help="Maximum exposure (open receivables plus confirmed orders not yet "
        "invoiced) in the company currency; 0: no limit. Set by a sales "
        "manager on the commercial partner.",
    )
    # credit rating and collection status are per company, as the credit
    # limit: an escalation or a legal case in one company holds that
    # company's orders only
    sales_credit_rating = fields.Selection(
        [("good", "Good"), ("watch", "Watch"), ("bad", "Bad")],
        string="Credit Rating",
        company_dependent=True,
        tracking=True,
        help="Credit risk assessed before doing business (in this company). New "
        "orders for a customer rated Bad need a credit-hold approval; rated "
        "Watch, those above the company's watch amount.",
    )
    sales_collection_status = fields.Selection(
        [("normal", "Normal"), ("escalated", "Escalated"), ("legal", "Legal")],
        string="Collection Status",
        company_dependent=True,
        # no NOT NULL column on Odoo's own table: a registry without this
        # module (loading the modules below it, e.g. on their upgrade) must
        # still create records; an empty value reads as Normal
        tracking=True,
        help="In this company. Escalated: overdue past the company's escalation "
        "delay, the sales manager follows it. Legal: a manager sent it to legal "
        "recovery. Empty: Normal.",
    )
    sales_credit_history_ids = fields.One2many(
        "sales.credit.history",
        "partner_id",
        string="Credit History",
        groups="sales_policy_base.group_sales_policy_user,sales_policy_base.group_sales_policy_finance_reviewer,account.group_account_invoice",
    )
    sales_credit_currency_id = fields.Many2one(
        "res.currency", compute="_compute_sales_credit_exposure"
    )
    sales_credit_receivable = fields.Monetary(
        string="Open Receivables",
        currency_field="sales_credit_currency_id",
        compute="_compute_sales_credit_exposure",
    )
    sales_credit_to_invoice = fields.Monetary(
        string="Confirmed Not Invoiced",
        currency_field="sales_credit_currency_id",
        compute="_compute_sales_credit_exposure",
    )
    sales_credit_exposure = fields.Monetary(
        string="Credit Exposure",
        currency_field="sales_credit_currency_id",
        compute="_compute_sales_credit_exposure",
        help="Open receivables (residual of posted invoices minus credit notes) "
        "plus the untaxed amount of confirmed orders not yet invoiced, in the "
        "company currency.",
    )

    @api.depends_context("company")
    def _compute_sales_credit_exposure(self):
        company = self.env.company
        exposure = self._sales_credit_exposure(company)
        for partner in self:
            receivable, to_invoice = exposure.get(
                partner.commercial_partner_id.id, (0.0, 0.0)
            )
            partner.sales_credit_currency_id = company.currency_id
            partner.sales_credit_receivable = receivable
            partner.sales_credit_to_invoice = to_invoice
            partner.sales_credit_exposure = receivable + to_invoice

    @api.constrains("sales_credit_limit")
    def _check_sales_credit_limit(self):
        for partner in self:
            if partner.sales_credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The credit limit of %(partner)s cannot be negative. Enter "
                        "0 for no limit or a positive amount.",
                        partner=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        if not may_edit_interest_terms(self.env):
            # every new partner: terms may also come from (forged) defaults
            for partner in partners:
                partner._check_sales_interest_terms_kept(NO_INTEREST_TERMS)
        return partners

    def write(self, vals):
        if in_partner_merge(self):
            # Merge Contacts copies them from the merged contacts: the wizard
            # sets the stricter credit terms itself, the interest terms stay
            vals = {
                name: value
                for name, value in vals.items()
                if name not in CREDIT_FIELDS and name not in PARTNER_INTEREST_FIELDS
            }
        terms_before = None
        if any(
            name in vals for name in PARTNER_INTEREST_FIELDS
        ) and not may_edit_interest_terms(self.env):
            terms_before = {
                partner.id: interest_terms_of(partner, PARTNER_INTEREST_FIELDS)
                for partner in self
            }
        changed = [name for name in CREDIT_FIELDS if name in vals]
        if changed:
            self._check_sales_credit_edit_access(vals)
            before = {partner.id: {f: partner[f] for f in changed} for partner in self}
        result = super().write(vals)
        if changed:
            self._log_sales_credit_changes(before, changed)
        if terms_before is not None:
            for partner in self:
                partner._check_sales_interest_terms_kept(terms_before[partner.id])
        return result

    # --- business methods ------------------------------------------------------
    def _check_sales_interest_terms_kept(self, before):
        """A salesperson's write left the customer's interest terms as they
        were (``before``), or a contact's equal to its company's (what Odoo's
        commercial-field sync writes); else AccessError."""
        self.ensure_one()
        after = interest_terms_of(self, PARTNER_INTEREST_FIELDS)
        if same_interest_terms(after, before):
            return
        company = self.commercial_partner_id
        if company != self and same_interest_terms(
            after, interest_terms_of(company, PARTNER_INTEREST_FIELDS)
        ):
            return
        raise interest_terms_refusal(self.env, self)

    def _check_sales_credit_edit_access(self, vals):
        """Credit limit, rating and collection status: sales managers only
        (and the server, e.g. the escalation cron)."""
        if self.env.su or self.env.user.has_group(
            "sales_policy_base.group_sales_policy_manager"
        ):
            return
        raise AccessError(
            self.env._(
                "Only a sales manager can change the credit limit, credit rating "
                "or collection status of a customer (sales policy: credit is "
                "assessed and tightened by management). Ask your sales manager."
            )
        )

    def _sales_write_credit(self, vals, reason=None):
        """Change credit terms or collection status as a sales manager.

        Sales managers need no write access to contacts for it: the check
        is done here, then the write runs as superuser (the history keeps the
        acting user).
        """
        self._check_sales_credit_edit_access(vals)
        partners = self.commercial_partner_id.sudo()
        if reason:
            partners = partners.with_context(**{REASON_KEY: reason})
        return partners.write(vals)

    def _log_sales_credit_changes(self, before, changed):
        descriptions = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in changed
            if self._fields[name].type == "selection"
        }

        def label(name, value):
            if name in descriptions:
                return descriptions[name].get(value, "") if value else ""
            return str(value or 0.0)

        reason = self.env.context.get(REASON_KEY) or False
        history = []
        for partner in self:
            for name in changed:
                old, new = before[partner.id][name], partner[name]
                if old == new:
                    continue
                history.append(
                    {
                        "partner_id": partner.id,
                        "company_id": self.env.company.id,
                        "user_id": self.env.uid,
                        "field_name": name,
                        "old_value": label(name, old),
                        "new_value": label(name, new),
                        "reason": reason,
                    }
                )
        if history:
            self.env["sales.credit.history"].sudo().create(history)

    def _sales_credit_exposure(self, company):
        """{commercial partner id: (open receivables, confirmed not invoiced)}
        in ``company``'s currency; two grouped queries for any number of
        partners."""
        partners = self.commercial_partner_id
        result = {pid: [0.0, 0.0] for pid in partners.ids}
        if not partners:
            return result
        moves = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("commercial_partner_id", "in", partners.ids),
                ],
                ["commercial_partner_id"],
                ["amount_residual_signed:sum"],
            )
        )
        for partner, residual in moves:
            result[partner.id][0] += residual
        lines = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sale"),
                    ("display_type", "=", False),
                    ("order_partner_id.commercial_partner_id", "in", partners.ids),
                ],
                ["order_partner_id", "currency_id"],
                ["price_subtotal:sum", "untaxed_amount_invoiced:sum"],
            )
        )
        today = fields.Date.context_today(self)
        for partner, currency, subtotal, invoiced in lines:
            amount = currency._convert(
                max(subtotal - invoiced, 0.0), company.currency_id, company, today
            )
            result[partner.commercial_partner_id.id][1] += amount
        return {pid: tuple(values) for pid, values in result.items()}

    def _sales_overdue_amounts(self, company, today):
        """{commercial partner id: (open, overdue)} in company currency."""
        partners = self.commercial_partner_id
        base = [
            ("company_id", "=", company.id),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("commercial_partner_id", "in", partners.ids),
            ("amount_residual", "!=", 0),
        ]
        Move = self.env["account.move"].sudo()
        result = {pid: [0.0, 0.0] for pid in partners.ids}
        for partner, amount in Move._read_group(
            base, ["commercial_partner_id"], ["amount_residual_signed:sum"]
        ):
            result[partner.id][0] = amount
        for partner, amount in Move._read_group(
            [*base, ("invoice_date_due", "<", today)],
            ["commercial_partner_id"],
            ["amount_residual_signed:sum"],
        ):
            result[partner.id][1] = amount
        return result

    @api.model
    def _cron_sales_escalate(
        self, today=None, batch_size=ESCALATION_BATCH_SIZE, commit=None
    ):
        """Customers with an invoice overdue past the company's escalation
        delay move to Escalated; their sales manager gets an activity.

        One failing customer is logged and skipped; the work is committed
        every ``batch_size`` customers (``commit``: see
        ``sales_policy_base/tools/cron_batch.py``)."""
        today = today or fields.Date.context_today(self)
        batches = CronBatches(self.env, batch_size, commit=commit)
        escalated = self.browse()
        for company in self.env["res.company"].search([]):
            limit_date = fields.Date.subtract(today, days=company.sales_escalation_days)
            groups = (
                self.env["account.move"]
                .sudo()
                .with_company(company)  # the customers' status in this company
                ._read_group(
                    [
                        ("company_id", "=", company.id),
                        ("state", "=", "posted"),
                        ("move_type", "=", "out_invoice"),
                        ("payment_state", "in", ("not_paid", "partial")),
                        ("invoice_date_due", "<", limit_date),
                        (
                            "commercial_partner_id.sales_collection_status",
                            "in",
                            ("normal", False),
                        ),
                    ],
                    ["commercial_partner_id"],
                )
            )
            batches.expect(len(groups))
            for (partner,) in groups:
                try:
                    with self.env.cr.savepoint():
                        partner.with_company(company)._sales_escalate(company)
                        escalated |= partner
                except Exception:
                    _logger.exception(
                        "Customer %s not escalated; continuing", partner.id
                    )
                    batches.processed(failed=True)
                else:
                    batches.processed()
        batches.flush()
        return escalated

    def _sales_escalate(self, company):
        self.ensure_one()
        reason = self.env._(
            "Invoice overdue more than %(days)s days",
            days=company.sales_escalation_days,
        )
        self.sudo().with_context(**{REASON_KEY: reason}).write(
            {"sales_collection_status": "escalated"}
        )
        manager = self._sales_responsible_manager(company)
        if manager:
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Customer escalated for overdue invoices"),
                note=reason,
                user_id=manager.id,
            )

    def _sales_responsible_manager(self, company):
        """The leader of the owning rep's sales team, else a sales manager of
        the company."""
        self.ensure_one()
        rep = self.user_id
        leader = rep.sale_team_id.user_id if rep else self.env["res.users"]
        if leader:
            return leader
        group = self.env.ref("sales_policy_base.group_sales_policy_manager")
        return group.sudo().users.filtered(
            lambda u: company in u.company_ids and not u.share
        )[:1]

    @public_arguments(one=True)
    def action_sales_escalate_legal(self):
        """Sales manager's decision: send the customer to legal recovery."""
        self.ensure_one()
        if not self.env.user.has_group("sales_policy_base.group_sales_policy_manager"):
            raise AccessError(
                self.env._(
                    "Only a sales manager can send a customer to legal recovery "
                    "(sales policy: escalation to legal is a manager's decision)."
                )
            )
        partner = self.commercial_partner_id
        if partner.sales_collection_status == "legal":
            raise UserError(
                self.env._(
                    "%(customer)s is already in legal recovery.",
                    customer=partner.name,
                )
            )
        company = self.env.company
        amount_open, amount_overdue = partner._sales_overdue_amounts(
            company, fields.Date.context_today(self)
        )[partner.id]
        case = self.env["sales.legal.case"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "amount_open": amount_open,
                "amount_overdue": amount_overdue,
            }
        )
        partner._sales_write_credit(
            {"sales_collection_status": "legal"},
            reason=self.env._("Legal case %(case)s", case=case.name),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.legal.case",
            "res_id": case.id,
            "view_mode": "form",
        }

    @public_arguments(one=True)
    def action_sales_collection_normal(self):
        self.ensure_one()
        self._sales_write_credit({"sales_collection_status": "normal"})
        return True

    @public_arguments(one=True)
    def action_sales_credit_change(self):
        self.ensure_one()
        partner = self.commercial_partner_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Credit Terms"),
            "res_model": "sales.credit.change.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": partner.id,
                "default_credit_limit": partner.sales_credit_limit,
                "default_credit_rating": partner.sales_credit_rating,
            },
        }

    @api.constrains(*INTEREST_TERM_FIELDS)
    def _check_sales_interest_terms(self):
        check_interest_terms(self)

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "sales_interest_custom",
            *INTEREST_TERM_FIELDS,
        ]

    def _sales_interest_terms(self, company):
        """The interest terms for this customer in ``company``: the commercial
        partner's own terms if it has any, else the company's defaults."""
        partner = self.commercial_partner_id[:1]
        source = partner if partner.sales_interest_custom else company
        return {
            "sales_interest_rate": source.sales_interest_rate,
            "sales_interest_basis": source.sales_interest_basis or "annual",
            "sales_interest_grace_days": source.sales_interest_grace_days,
        }
