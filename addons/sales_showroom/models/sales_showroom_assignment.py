# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesShowroomAssignment(models.Model):
    """Log of every visitor assignment (who, when, how, who was skipped)."""

    _name = "sales.showroom.assignment"
    _description = "Showroom Visitor Assignment"
    _order = "assignment_date desc, id desc"

    visitor_id = fields.Many2one(
        "sales.showroom.visitor", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Assigned Rep", required=True)
    assigned_by_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    assignment_date = fields.Datetime(required=True, default=fields.Datetime.now)
    method = fields.Selection(
        [
            ("rotation", "Reception Rotation"),
            ("manual", "Manual"),
            ("owner", "Returning Visitor (First Owner)"),
        ],
        required=True,
    )
    skipped_user_ids = fields.Many2many(
        "res.users",
        "sales_showroom_assignment_skipped_rel",
        "assignment_id",
        "user_id",
        string="Skipped (Busy)",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
