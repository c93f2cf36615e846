# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
        [
            ("authority", "Authority"),
            ("customer", "Customer"),
            ("partner", "Partner"),
            ("media", "Media"),
        ],
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

    @api.model_create_multi
    def create(self, vals_list):
        """Every communication is also a line of the case's timeline."""
        communications = super().create(vals_list)
        labels = dict(self._fields["party_type"]._description_selection(self.env))
        self.env["sales.qualification.emergency.log"].sudo().create(
            [
                {
                    "emergency_id": communication.emergency_id.id,
                    "logged_at": communication.communicated_at,
                    "user_id": communication.user_id.id,
                    "description": self.env._(
                        "Communication with %(party)s %(contact)s: %(summary)s",
                        party=labels[communication.party_type],
                        contact=communication.partner_id.display_name or "",
                        summary=communication.summary,
                    ),
                }
                for communication in communications
            ]
        )
        return communications
