# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesQualificationEmergencyCommunication(models.Model):
    _name = "sales.qualification.emergency.communication"
    _description = "Emergency Communication"
    _order = "communicated_at, id"

    emergency_id = fields.Many2one(
        "sales.qualification.emergency", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="emergency_id.company_id", store=True, index=True
    )
    party_type = fields.Selection(
        [("authority", "Authority"), ("customer", "Customer"), ("partner", "Partner")],
        required=True,
    )
    partner_id = fields.Many2one("res.partner", string="Contact")
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "Email"),
            ("meeting", "Meeting"),
            ("letter", "Letter"),
        ],
        required=True,
        default="phone",
    )
    communicated_at = fields.Datetime(
        string="When", required=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    summary = fields.Text(required=True)
