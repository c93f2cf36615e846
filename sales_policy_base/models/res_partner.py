# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_policy_is_distributor = fields.Boolean(
        string="Distributor",
        help="Quotations for this customer use the distributor minimum price "
        "as their floor. Set on the company; its contacts follow.",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["sales_policy_is_distributor"]
