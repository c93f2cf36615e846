# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from .sales_interest_terms import (
    INTEREST_TERM_FIELDS,
    check_interest_terms,
    interest_term_fields,
)


class AccountMove(models.Model):
    _inherit = "account.move"

    # overdue interest: terms (from the sale order, else customer/company)
    (
        sales_interest_rate,
        sales_interest_basis,
        sales_interest_grace_days,
    ) = interest_term_fields(compute="_compute_sales_interest_terms")
    sales_interest_line_ids = fields.One2many(
        "sales.interest.charge.line",
        "invoice_id",
        string="Interest Charged",
        groups="sales_policy_base.group_sales_policy_user,sales_policy_base.group_sales_policy_finance_reviewer,account.group_account_invoice",
    )
    sales_interest_charge_ids = fields.One2many(
        "sales.interest.charge",
        "move_id",
        string="Interest Charges",
        groups="sales_policy_base.group_sales_policy_user,sales_policy_base.group_sales_policy_finance_reviewer,account.group_account_invoice",
    )
    sales_interest_charged_through = fields.Date(
        string="Interest Charged Through",
        compute="_compute_sales_interest_charged_through",
        store=True,
        help="Last day of overdue interest charged on this invoice by a "
        "charge that is not cancelled; later runs start the day after.",
    )
    sales_interest_settled = fields.Boolean(
        string="Interest Settled",
        copy=False,
        index=True,
        help="Fully paid and its interest computed up to the payment: no "
        "more interest runs.",
    )

    sales_reminder_log_ids = fields.One2many(
        "sales.reminder.log",
        "move_id",
        string="Payment Reminders",
        groups="sales_policy_base.group_sales_policy_user,sales_policy_base.group_sales_policy_finance_reviewer,account.group_account_invoice",
    )

    @api.depends("partner_id", "company_id", "move_type")
    def _compute_sales_interest_terms(self):
        for move in self:
            if move.move_type != "out_invoice":
                move.sales_interest_rate = 0.0
                move.sales_interest_basis = False
                move.sales_interest_grace_days = 0
                continue
            move.update(
                move.partner_id._sales_interest_terms(
                    move.company_id or self.env.company
                )
            )

    @api.depends("sales_interest_line_ids.date_to", "sales_interest_line_ids.state")
    def _compute_sales_interest_charged_through(self):
        for move in self:
            days = [
                line.date_to
                for line in move.sales_interest_line_ids
                if line.state != "cancel"
            ]
            move.sales_interest_charged_through = max(days, default=False)

    @api.constrains(*INTEREST_TERM_FIELDS)
    def _check_sales_interest_terms(self):
        check_interest_terms(self)

    def write(self, vals):
        if any(name in vals for name in INTEREST_TERM_FIELDS):
            self._check_sales_interest_terms_editable(vals)
        return super().write(vals)

    def unlink(self):
        # deleting a draft interest invoice frees its days (charges cancelled)
        charges = self.sudo().sales_interest_charge_ids
        charges._release_interest_days()
        charges.move_id = False
        return super().unlink()

    def button_cancel(self):
        result = super().button_cancel()
        self.sudo().sales_interest_charge_ids._release_interest_days()
        return result

    # --- business methods ------------------------------------------------------
    def _check_sales_interest_terms_editable(self, vals):
        """The interest terms of a posted invoice are part of what was
        invoiced: they change only after a reset to draft (UserError)."""
        for move in self.filtered(lambda m: m.state == "posted"):
            changed = (
                (
                    "sales_interest_rate" in vals
                    and float_compare(
                        vals["sales_interest_rate"] or 0.0,
                        move.sales_interest_rate,
                        precision_digits=4,
                    )
                )
                or (
                    "sales_interest_basis" in vals
                    and (vals["sales_interest_basis"] or False)
                    != move.sales_interest_basis
                )
                or (
                    "sales_interest_grace_days" in vals
                    and (vals["sales_interest_grace_days"] or 0)
                    != move.sales_interest_grace_days
                )
            )
            if changed:
                raise UserError(
                    self.env._(
                        "The overdue interest terms of %(invoice)s cannot be "
                        "changed: the invoice is posted (sales policy: interest "
                        "is charged on the terms of the contract as invoiced). "
                        "Reset the invoice to draft to correct them.",
                        invoice=move.display_name,
                    )
                )
