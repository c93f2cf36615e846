# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# key in the cursor's cache (not the context, which an RPC caller controls)
_DEFERRED_KEY = "sales_commission_split_deferred"


@contextmanager
def split_total_deferred(documents):
    """While ``documents`` (orders or invoices) write their split lines, the
    lines do not check the 100 % total one by one: the document's own
    constraint checks it once at the end of its write."""
    pending = documents.env.cr.cache.setdefault(_DEFERRED_KEY, set())
    keys = {(documents._name, doc_id) for doc_id in documents.ids} - pending
    pending |= keys
    try:
        yield
    finally:
        pending -= keys


def deferred_split_documents(env):
    """``{(model, id)}`` of the documents writing their split lines now."""
    return env.cr.cache.get(_DEFERRED_KEY, set())


def check_split_total(records, field_name):
    """Splits of each record sum to 100 % (or the record has none)."""
    for record in records:
        splits = record[field_name]
        total = sum(splits.mapped("percent"))
        if splits and abs(total - 100.0) > 0.005:
            raise ValidationError(
                records.env._(
                    "The commission split of %(document)s sums to %(total)s %%, "
                    "not 100 %% (policy clause SP-COM-04). Adjust the reps' "
                    "shares so that they add up to 100 %%.",
                    document=record.display_name,
                    total=round(total, 2),
                )
            )


class SalesCommissionSplit(models.Model):
    """Share of a sale order's or invoice's commission that a rep earns.

    The shares of one document sum to 100 %. A document writing several split
    lines at once (one2many commands) checks the total once, at the end; a
    split line created, written or deleted on its own checks its documents
    right away. After an invoice is posted only a sales manager changes its
    split.
    """

    _name = "sales.commission.split"
    _description = "Commission Split"
    _order = "id"

    order_id = fields.Many2one(
        "sale.order", string="Sale Order", index=True, ondelete="cascade"
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )
    user_id = fields.Many2one("res.users", string="Rep", required=True)
    percent = fields.Float(string="Share (%)", digits=(16, 2), required=True)

    _sql_constraints = [
        (
            "one_document",
            "CHECK ((order_id IS NULL) != (move_id IS NULL))",
            "A commission split belongs to one sale order or one invoice.",
        ),
    ]

    @api.depends("order_id.company_id", "move_id.company_id")
    def _compute_company_id(self):
        for split in self:
            split.company_id = split.order_id.company_id or split.move_id.company_id

    @api.constrains("percent")
    def _check_percent(self):
        for split in self:
            if not 0 < split.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The commission share %(percent)s %% of %(rep)s is "
                        "outside 0-100 %% (policy clause SP-COM-04). Enter a "
                        "share above 0 and at most 100.",
                        percent=split.percent,
                        rep=split.user_id.name,
                    )
                )

    def _check_documents_total(self, orders, moves):
        """The 100 % rule on the documents whose split lines changed directly."""
        pending = deferred_split_documents(self.env)
        for documents in (orders.sudo().exists(), moves.sudo().exists()):
            check_split_total(
                documents.filtered(lambda d: (d._name, d.id) not in pending),
                "sales_commission_split_ids",
            )

    def _check_posted_split_rights(self, moves):
        """Only a sales manager changes the split of a posted invoice."""
        if self.env.su or self.env.user.has_group(
            "sales_policy_base.group_sales_policy_manager"
        ):
            return
        posted = moves.sudo().filtered(lambda m: m.state == "posted")
        if posted:
            raise AccessError(
                self.env._(
                    "Invoice %(invoice)s is posted: only a sales manager may "
                    "change its commission split (policy clause SP-COM-04). "
                    "Ask your sales manager to change it.",
                    invoice=posted[:1].display_name,
                )
            )

    def _documents_in(self, vals_list):
        orders = self.env["sale.order"].browse(
            {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        )
        moves = self.env["account.move"].browse(
            {vals["move_id"] for vals in vals_list if vals.get("move_id")}
        )
        return orders, moves

    @api.model_create_multi
    def create(self, vals_list):
        orders, moves = self._documents_in(vals_list)
        self._check_posted_split_rights(moves)
        before = moves._sales_commission_split_summary()
        splits = super().create(vals_list)
        self._check_documents_total(orders, moves)
        splits.move_id._sales_commission_log_split_change(before)
        return splits

    def write(self, vals):
        orders, moves = self.order_id, self.move_id
        new_orders, new_moves = self._documents_in([vals])
        self._check_posted_split_rights(moves | new_moves)
        before = moves._sales_commission_split_summary()
        res = super().write(vals)
        if {"percent", "order_id", "move_id"} & set(vals):
            self._check_documents_total(orders | new_orders, moves | new_moves)
        (moves | self.move_id)._sales_commission_log_split_change(before)
        return res

    def unlink(self):
        orders, moves = self.order_id, self.move_id
        self._check_posted_split_rights(moves)
        before = moves._sales_commission_split_summary()
        res = super().unlink()
        self._check_documents_total(orders, moves)
        moves._sales_commission_log_split_change(before)
        return res

    def _summary(self):
        return Markup(", ").join(
            Markup("%s %s %%") % (split.user_id.name, round(split.percent, 2))
            for split in self
        )
