# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesCommissionSplit(models.Model):
    """Share of a sale order's or invoice's commission that a rep earns."""

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

    @api.model_create_multi
    def create(self, vals_list):
        moves = self.env["account.move"].browse(
            {vals["move_id"] for vals in vals_list if vals.get("move_id")}
        )
        before = moves._sales_commission_split_summary()
        splits = super().create(vals_list)
        splits.move_id._sales_commission_log_split_change(before)
        return splits

    def write(self, vals):
        moves = self.move_id
        before = moves._sales_commission_split_summary()
        res = super().write(vals)
        (moves | self.move_id)._sales_commission_log_split_change(before)
        return res

    def unlink(self):
        moves = self.move_id
        before = moves._sales_commission_split_summary()
        res = super().unlink()
        moves._sales_commission_log_split_change(before)
        return res

    def _summary(self):
        return Markup(", ").join(
            Markup("%s %s %%") % (split.user_id.name, round(split.percent, 2))
            for split in self
        )
