# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # a recipient marking the hand-over activity done received the contract
        handovers = (
            self.env["sales.order.handover"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("date_received", "=", False)])
        )
        handovers._mark_received()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
