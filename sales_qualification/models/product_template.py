# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    qualification_id = fields.Many2one(
        "sales.qualification",
        string="Required Qualification",
        help="Qualification this product or service relies on; it can only be "
        "sold while the qualification is valid long enough.",
    )
    qualification_min_days = fields.Integer(
        string="Minimum Remaining Validity (Days)",
        help="Days of validity the qualification must still have to sell this "
        "product; 0 uses the company default.",
    )

    @api.constrains("qualification_min_days")
    def _check_qualification_min_days(self):
        for template in self:
            if template.qualification_min_days < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: the minimum remaining validity cannot be "
                        "negative.",
                        product=template.display_name,
                    )
                )

    def _qualification_min_days(self, company):
        self.ensure_one()
        return (
            self.qualification_min_days or company.sales_qualification_min_validity_days
        )
