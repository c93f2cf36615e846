# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    showroom_max_hold_hours = fields.Integer(
        string="Maximum Hold (hours)",
        default=48,
        help="Longest time a unit may be held for a customer before it is "
        "released automatically.",
    )
    showroom_contract_due_days = fields.Integer(
        string="Days to Contract",
        default=30,
        help="Default number of days between subscription and the due date "
        "for signing the contract.",
    )
    showroom_ownership_days = fields.Integer(
        string="Visitor Protection Window (days)",
        default=30,
        help="During this many days after registration a visitor belongs to "
        "the rep who registered it first.",
    )

    @api.constrains(
        "showroom_max_hold_hours",
        "showroom_contract_due_days",
        "showroom_ownership_days",
    )
    def _check_showroom_settings(self):
        for company in self:
            if (
                company.showroom_max_hold_hours <= 0
                or company.showroom_contract_due_days <= 0
                or company.showroom_ownership_days <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The showroom hold duration, days to contract and visitor "
                        "protection window of %(company)s must be positive numbers.",
                        company=company.name,
                    )
                )
