# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

LEGAL_GROUP = "sales_policy_base.group_sales_policy_legal_reviewer"


class ResCompany(models.Model):
    _inherit = "res.company"

    contract_review_months = fields.Integer(
        string="Contract Review Every (Months)",
        default=6,
        help="A contract template whose version in force is older than this "
        "(and not reviewed since) gets a review activity for legal.",
    )
    contract_review_user_id = fields.Many2one(
        "res.users",
        string="Contract Templates Reviewed By",
        domain=lambda self: [("groups_id", "in", self.env.ref(LEGAL_GROUP).ids)],
        help="The legal reviewer who receives the review activities. Empty: "
        "the first legal reviewer of the company.",
    )

    sales_contract_template_ids = fields.One2many(
        "sales.contract.template",
        "company_id",
        string="Contract Templates",
        groups="base.group_system",
    )
    sales_contract_templates_used = fields.Boolean(
        compute="_compute_sales_contract_templates_used",
        store=True,
        help="The company has an active contract template: confirming an order "
        "looks up the version to record (skipped otherwise, no query).",
    )

    @api.depends("sales_contract_template_ids", "sales_contract_template_ids.active")
    def _compute_sales_contract_templates_used(self):
        for company in self:
            company.sales_contract_templates_used = bool(
                company.sudo().sales_contract_template_ids
            )

    def _contract_reviewer(self):
        """The user who reviews the company's contract templates."""
        self.ensure_one()
        if self.contract_review_user_id.active:
            return self.contract_review_user_id
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(LEGAL_GROUP).ids),
                    ("company_ids", "in", self.ids),
                    ("share", "=", False),
                ],
                order="id",
                limit=1,
            )
        )
