# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesCommissionBonusBeneficiary(models.Model):
    _name = "sales.commission.bonus.beneficiary"
    _description = "Project Bonus Beneficiary"
    _order = "bonus_id, id"

    bonus_id = fields.Many2one(
        "sales.commission.bonus", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="bonus_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Rep", required=True)
    percent = fields.Float(string="Share (%)", digits=(16, 2), required=True)

    _sql_constraints = [
        (
            "user_unique",
            "UNIQUE (bonus_id, user_id)",
            "A rep appears once among a bonus's beneficiaries.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        beneficiaries = super().create(vals_list)
        beneficiaries.bonus_id._beneficiaries_changed()
        return beneficiaries

    def write(self, vals):
        bonuses = self.bonus_id
        if not self.env.su:
            bonuses._check_terms_open()
        res = super().write(vals)
        (bonuses | self.bonus_id)._beneficiaries_changed()
        return res

    def unlink(self):
        bonuses = self.bonus_id
        if not self.env.su:
            bonuses._check_terms_open()
        res = super().unlink()
        bonuses.exists()._beneficiaries_changed()
        return res

    @api.constrains("percent")
    def _check_percent(self):
        for beneficiary in self:
            if not 0 < beneficiary.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The bonus share %(percent)s %% of %(rep)s is outside "
                        "0-100 %% (policy clause SP-COM-05). Enter a share above "
                        "0 and at most 100.",
                        percent=beneficiary.percent,
                        rep=beneficiary.user_id.name,
                    )
                )
