# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SalesQualificationAuthenticityCheck(models.Model):
    _name = "sales.qualification.authenticity.check"
    _description = "Qualification Authenticity Check"
    _order = "check_date desc, id desc"
    _check_company_auto = True

    qualification_id = fields.Many2one(
        "sales.qualification",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="qualification_id.company_id", store=True, index=True
    )
    check_date = fields.Date(
        required=True, default=fields.Date.context_today, string="Checked On"
    )
    authority_id = fields.Many2one(
        "res.partner",
        string="Authority Contacted",
        compute="_compute_authority_id",
        store=True,
        readonly=False,
    )
    method = fields.Selection(
        [
            ("online_registry", "Online Registry"),
            ("phone", "Phone"),
            ("letter", "Letter"),
            ("visit", "Visit"),
        ],
        required=True,
        default="online_registry",
    )
    reference = fields.Char(help="Registry entry, letter or call reference.")
    result = fields.Selection(
        [("verified", "Verified"), ("not_verified", "Not Verified")],
        required=True,
    )
    checked_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, required=True
    )
    note = fields.Text()

    @api.depends("qualification_id")
    def _compute_authority_id(self):
        for check in self:
            if not check.authority_id:
                check.authority_id = check.qualification_id.issuer_id
