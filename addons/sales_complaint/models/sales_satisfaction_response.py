# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class SalesSatisfactionResponse(models.Model):
    _inherit = "sales.satisfaction.response"

    @api.model
    def _selection_origin_ref(self):
        selection = super()._selection_origin_ref()
        # sales_satisfaction may already list complaints (when crm_claim is in
        # the registry): a value is listed once
        if "crm.claim" not in dict(selection):
            selection.append(("crm.claim", self.env._("Complaint")))
        return selection
