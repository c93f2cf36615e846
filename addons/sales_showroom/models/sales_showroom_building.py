# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesShowroomBuilding(models.Model):
    _name = "sales.showroom.building"
    _description = "Showroom Building"
    _order = "project_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one(
        "sales.showroom.project", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, precompute=True
    )
    floor_count = fields.Integer(string="Floors")
    unit_ids = fields.One2many("sales.showroom.unit", "building_id")
