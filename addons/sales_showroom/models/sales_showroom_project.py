# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesShowroomProject(models.Model):
    _name = "sales.showroom.project"
    _description = "Showroom Project"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    building_ids = fields.One2many("sales.showroom.building", "project_id")
    unit_ids = fields.One2many("sales.showroom.unit", "project_id")
    unit_count = fields.Integer(compute="_compute_unit_count")

    def _compute_unit_count(self):
        counts = dict(
            self.env["sales.showroom.unit"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.unit_count = counts.get(project, 0)
