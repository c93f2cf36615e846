# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SalesCommissionOwnership(models.Model):
    """One period during which a rep owned a customer (commercial partner).

    Customer information: reps read their own customers' history, managers
    their teams', senior managers and finance all (record rules); each row
    belongs to the customer's company, else to its owner's.
    """

    _name = "sales.commission.ownership"
    _description = "Customer Ownership History"
    _order = "partner_id, date_from desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one("res.users", string="Owner", index=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The customer's company; for a customer shared by all companies, "
        "the company of its owner.",
    )
    date_from = fields.Datetime(
        string="Owner Since", required=True, default=fields.Datetime.now
    )
    date_to = fields.Datetime(string="Owner Until")
    changed_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)

    @api.depends("partner_id.company_id", "user_id.company_id")
    def _compute_company_id(self):
        for row in self:
            row.company_id = (
                row.partner_id.company_id or row.user_id.company_id or row.company_id
            )
