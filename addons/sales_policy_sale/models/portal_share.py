# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PortalShare(models.TransientModel):
    _inherit = "portal.share"

    def _sales_policy_check_share(self, res_model, res_id):
        if res_model == "sale.order" and res_id:
            self.env["sale.order"].browse(res_id).exists()._approval_check(
                "send", label=self.env._("Sharing")
            )

    @api.model
    def default_get(self, fields):
        # the wizard shows the document's link with its access token
        self._sales_policy_check_share(
            self.env.context.get("active_model"), self.env.context.get("active_id")
        )
        return super().default_get(fields)

    @api.depends("res_model", "res_id")
    def _compute_share_link(self):
        res = super()._compute_share_link()
        for wizard in self:
            if wizard.res_model == "sale.order" and wizard.res_id:
                order = self.env["sale.order"].browse(wizard.res_id)
                if order._approval_missing("send"):
                    wizard.share_link = False
        return res

    def action_send_mail(self):
        for wizard in self:
            self._sales_policy_check_share(wizard.res_model, wizard.res_id)
        return super().action_send_mail()
