# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sale_order import _default_split_commands
from .sales_commission_split import (
    check_split_total,
    deferred_split_documents,
    split_total_deferred,
)


class AccountMove(models.Model):
    _inherit = "account.move"

    sales_commission_split_ids = fields.One2many(
        "sales.commission.split",
        "move_id",
        string="Commission Split",
        copy=True,
        help="Reps earning this invoice's commission and their shares (100 % "
        "in total). Copied from the sale order, else the customer's owner. "
        "Changes after posting are logged in the chatter.",
    )
    sales_commission_line_ids = fields.One2many(
        "sales.commission.line",
        "move_id",
        string="Commission Lines",
        groups="sales_policy_base.group_sales_policy_user,sales_policy_base.group_sales_policy_finance_reviewer",
    )

    @api.constrains("sales_commission_split_ids")
    def _check_sales_commission_split(self):
        check_split_total(self, "sales_commission_split_ids")

    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        for move in moves.filtered(
            lambda m: m.move_type in ("out_invoice", "out_refund")
            and not m.sales_commission_split_ids
            and m.partner_id
        ):
            move.sales_commission_split_ids = _default_split_commands(move.partner_id)
        return moves

    def write(self, vals):
        if "sales_commission_split_ids" not in vals:
            return super().write(vals)
        # one chatter message for the whole change, not one per split line, and
        # the 100 % total checked once at the end, not after each split line
        before = self._sales_commission_split_summary()
        with split_total_deferred(self):
            res = super().write(vals)
        self._sales_commission_log_split_change(before)
        return res

    def button_draft(self):
        """Unsettled commission is dropped (it is regenerated when the invoice
        is posted again); settled commission blocks the reset."""
        lines = self.sudo().sales_commission_line_ids
        settled = lines.filtered(
            lambda line: line.settlement_id and line.settlement_id.state != "cancel"
        )
        if settled:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s earned commission that is already in "
                    "settlement %(settlement)s (policy clause SP-COM-07). Issue a "
                    "credit note instead of resetting it to draft.",
                    invoice=settled.move_id[:1].name,
                    settlement=settled.settlement_id[:1].name,
                )
            )
        lines.unlink()
        return super().button_draft()

    def _sales_commission_split_summary(self):
        return {
            move.id: move.sales_commission_split_ids._summary()
            for move in self.filtered(lambda m: m.state == "posted")
        }

    def _sales_commission_log_split_change(self, before):
        """Post the old and new split on posted invoices whose split changed."""
        # a move writing its split lines logs once, when its write is done
        deferred = deferred_split_documents(self.env)
        for move in self.filtered(
            lambda m: m.state == "posted" and (m._name, m.id) not in deferred
        ):
            after = move.sales_commission_split_ids._summary()
            old = before.get(move.id, Markup(""))
            if after == old:
                continue
            # as superuser: a manager may change splits without editing invoices
            move.sudo().message_post(
                body=Markup("%s<br/>%s &#8594; %s")
                % (
                    self.env._("Commission split changed after invoicing:"),
                    old or "-",
                    after or "-",
                )
            )
