# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    def unlink(self):
        """A payment unmatched from an invoice takes its commission back
        (collection basis), so that matching it again pays only once."""
        if self:
            self.env["sales.commission.line"]._reverse_unmatched_payments(self.ids)
        return super().unlink()
