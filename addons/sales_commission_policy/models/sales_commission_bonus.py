# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.commission_math import split_amounts


class SalesCommissionBonus(models.Model):
    """A bonus management grants for a major or strategic project."""

    _name = "sales.commission.bonus"
    _description = "Project Bonus"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Project", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.today, tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", check_company=True, tracking=True
    )
    order_id = fields.Many2one("sale.order", check_company=True)
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Text(help="Why the project earns a bonus.")
    beneficiary_ids = fields.One2many(
        "sales.commission.bonus.beneficiary", "bonus_id", string="Beneficiaries"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    line_ids = fields.One2many("sales.commission.line", "bonus_id")

    @api.constrains("amount")
    def _check_amount(self):
        for bonus in self.filtered(lambda b: b.amount <= 0):
            raise ValidationError(
                self.env._(
                    "The amount of bonus %(bonus)s must be positive. Enter the "
                    "bonus management granted.",
                    bonus=bonus.name,
                )
            )

    @api.constrains("beneficiary_ids")
    def _check_beneficiary_split(self):
        for bonus in self:
            total = sum(bonus.beneficiary_ids.mapped("percent"))
            if bonus.beneficiary_ids and abs(total - 100.0) > 0.005:
                raise ValidationError(
                    self.env._(
                        "The beneficiaries of bonus %(bonus)s share %(total)s "
                        "%%, not 100 %% (policy clause SP-COM-05). Adjust their "
                        "shares so that they add up to 100 %%.",
                        bonus=bonus.name,
                        total=round(total, 2),
                    )
                )

    def action_approve(self):
        """Manager approval: the beneficiaries' commission lines are created."""
        if not self.env.user.has_group("sales_policy_base.group_sales_policy_manager"):
            raise AccessError(
                self.env._(
                    "Only a sales manager approves project bonuses (policy "
                    "clause SP-COM-05)."
                )
            )
        vals_list = []
        for bonus in self:
            if bonus.state != "draft":
                raise UserError(
                    self.env._(
                        "Bonus %(bonus)s is not a draft; only draft bonuses are "
                        "approved.",
                        bonus=bonus.name,
                    )
                )
            if not bonus.beneficiary_ids:
                raise UserError(
                    self.env._(
                        "Bonus %(bonus)s has no beneficiaries. Add the reps who "
                        "earn it and their shares.",
                        bonus=bonus.name,
                    )
                )
            parts = split_amounts(bonus.amount, bonus.beneficiary_ids.mapped("percent"))
            for beneficiary, part in zip(bonus.beneficiary_ids, parts, strict=True):
                vals_list.append(
                    {
                        "name": bonus.name,
                        "company_id": bonus.company_id.id,
                        "user_id": beneficiary.user_id.id,
                        "date": bonus.date,
                        "period_start": bonus.date.replace(day=1),
                        "basis": "bonus",
                        "partner_id": bonus.partner_id.commercial_partner_id.id,
                        "bonus_id": bonus.id,
                        "revenue_amount": 0.0,
                        "split_percent": beneficiary.percent,
                        "amount": part,
                        "currency_id": bonus.currency_id.id,
                    }
                )
        self.env["sales.commission.line"].sudo().create(vals_list)
        self.write({"state": "approved", "approved_by_id": self.env.user.id})
        return True

    def action_cancel(self):
        if self.line_ids.settlement_id.filtered(lambda s: s.state != "cancel"):
            raise UserError(
                self.env._(
                    "This bonus is already in a settlement; cancel the "
                    "settlement first."
                )
            )
        self.line_ids.sudo().unlink()
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self.filtered(lambda b: b.state == "cancel").write({"state": "draft"})
        return True
