# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .sales_grading_policy import GRADES

SOURCES = [
    ("cron", "Monthly Re-grading"),
    ("manual", "Re-grade Now"),
    ("override", "Manual Override"),
]


class SalesGradeHistory(models.Model):
    _name = "sales.grade.history"
    _description = "Customer Grade History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    old_grade = fields.Selection(GRADES, string="Previous Grade")
    new_grade = fields.Selection(GRADES)
    score = fields.Float(digits=(16, 2))
    source = fields.Selection(SOURCES, required=True)
    reason = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="By", default=lambda self: self.env.user
    )
