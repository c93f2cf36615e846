# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_policy_document = fields.Char(
        help="Title of the company's written sales-management policy "
        "that this suite enforces.",
    )
    sales_policy_version = fields.Char()
    sales_policy_effective_date = fields.Date()
    sales_policy_owner_id = fields.Many2one(
        "res.users",
        help="Person accountable for the written policy and its register of clauses.",
    )

    @api.constrains("sales_policy_owner_id")
    def _check_sales_policy_owner_company(self):
        for company in self.filtered("sales_policy_owner_id"):
            if company not in company.sales_policy_owner_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "The sales policy owner %(user)s has no access to %(company)s. "
                        "Choose a user of that company.",
                        user=company.sales_policy_owner_id.name,
                        company=company.name,
                    )
                )
