# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesQualificationEmergencyLog(models.Model):
    _name = "sales.qualification.emergency.log"
    _description = "Emergency Timeline Entry"
    _order = "logged_at, id"

    emergency_id = fields.Many2one(
        "sales.qualification.emergency", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="emergency_id.company_id", store=True, index=True
    )
    logged_at = fields.Datetime(
        string="When", required=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    description = fields.Text(string="What Happened / What Was Done", required=True)
