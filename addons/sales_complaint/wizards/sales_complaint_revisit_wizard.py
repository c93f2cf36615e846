# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesComplaintRevisitWizard(models.TransientModel):
    _name = "sales.complaint.revisit.wizard"
    _description = "Complaint Revisit"

    claim_id = fields.Many2one("crm.claim", required=True, ondelete="cascade")
    score = fields.Selection(
        [
            ("1", "1 - Very dissatisfied"),
            ("2", "2 - Dissatisfied"),
            ("3", "3 - Neutral"),
            ("4", "4 - Satisfied"),
            ("5", "5 - Very satisfied"),
        ],
        required=True,
    )
    note = fields.Text(string="What the Customer Said")

    @public_arguments(one=True)
    def action_confirm(self):
        self.claim_id.action_revisit(int(self.score), self.note or None)
        return {"type": "ir.actions.act_window_close"}
