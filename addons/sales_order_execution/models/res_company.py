# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    execution_production_user_ids = fields.Many2many(
        "res.users",
        "res_company_execution_production_rel",
        "company_id",
        "user_id",
        string="Contract Recipients: Production",
        help="Receive the signed contract of every confirmed order (follower "
        "and an activity each).",
    )
    execution_logistics_user_ids = fields.Many2many(
        "res.users",
        "res_company_execution_logistics_rel",
        "company_id",
        "user_id",
        string="Contract Recipients: Logistics",
    )
    execution_finance_user_ids = fields.Many2many(
        "res.users",
        "res_company_execution_finance_rel",
        "company_id",
        "user_id",
        string="Contract Recipients: Finance",
    )
    execution_require_delivery_terms = fields.Boolean(
        string="Delivery Terms Required to Confirm",
        help="An order is confirmed only with a committed delivery date and a "
        "delivery method (incoterm).",
    )
    execution_send_delay_email = fields.Boolean(
        string="Send Delay Emails Automatically",
        help="When a delay is detected, the templated email goes to the "
        "customer at once. Off: the rep reviews and sends it from the delay.",
    )

    execution_handover_enabled = fields.Boolean(
        compute="_compute_execution_handover_enabled",
        store=True,
        help="Technical: whether any department receives the contracts (read "
        "with the company's row, so a confirmation without recipients costs "
        "no query).",
    )

    @api.depends(
        "execution_production_user_ids",
        "execution_logistics_user_ids",
        "execution_finance_user_ids",
    )
    def _compute_execution_handover_enabled(self):
        for company in self:
            company.execution_handover_enabled = bool(
                company.execution_production_user_ids
                | company.execution_logistics_user_ids
                | company.execution_finance_user_ids
            )

    def _execution_recipients(self):
        """[(department, users)] of the contract hand-over."""
        self.ensure_one()
        return [
            ("production", self.execution_production_user_ids),
            ("logistics", self.execution_logistics_user_ids),
            ("finance", self.execution_finance_user_ids),
        ]
