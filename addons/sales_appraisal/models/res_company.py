# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    appraisal_template_id = fields.Many2one(
        "sales.appraisal.template",
        string="Default Appraisal Template",
        help="Template of rep targets that name none.",
    )
    appraisal_failing_months = fields.Integer(
        string="Failing Months Before a Position Review",
        default=3,
        help="After this many consecutive failing monthly appraisals, a "
        "position review is opened for the senior manager.",
    )
    appraisal_reviewer_id = fields.Many2one(
        "res.users",
        string="Position Reviews By",
        help="Senior manager who reviews the position of a rep failing month "
        "after month; empty: the first senior manager of the company.",
    )

    @api.constrains("appraisal_failing_months")
    def _check_appraisal_failing_months(self):
        for company in self.filtered(lambda c: c.appraisal_failing_months < 1):
            raise ValidationError(
                self.env._(
                    "Company %(company)s: a position review needs at least one "
                    "failing month. Enter 1 or more.",
                    company=company.name,
                )
            )
