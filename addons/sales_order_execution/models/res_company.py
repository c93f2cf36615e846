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
    execution_production_team_id = fields.Many2one(
        "crm.team",
        string="Contract Team: Production",
        help="Every member of this team receives the signed contract too "
        "(with the users above, each once).",
    )
    execution_logistics_team_id = fields.Many2one(
        "crm.team", string="Contract Team: Logistics"
    )
    execution_finance_team_id = fields.Many2one(
        "crm.team", string="Contract Team: Finance"
    )
    execution_require_delivery_terms = fields.Boolean(
        string="Delivery Terms Required to Confirm",
        help="An order is confirmed only with a committed delivery date and a "
        "delivery method (incoterm).",
    )
    execution_freeze_commitment = fields.Boolean(
        string="Commitment Frozen After Confirmation",
        default=True,
        help="Once an order is confirmed, only a sales manager changes the "
        "delivery date committed to the customer; salespeople record a delay.",
    )
    execution_send_delay_email = fields.Boolean(
        string="Send Delay Emails Automatically",
        help="When a delay is detected, the templated email goes to the "
        "customer at once. Off: the rep reviews and sends it from the delay.",
    )

    execution_handover_enabled = fields.Boolean(
        compute="_compute_execution_handover_enabled",
        store=True,
        help="Technical: whether any department has recipients configured "
        "(users or a team; read with the company's row, so a confirmation "
        "without recipients costs no query). A team's members are read at "
        "the confirmation: a configured team without members hands over to "
        "nobody.",
    )

    @api.depends(
        "execution_production_user_ids",
        "execution_logistics_user_ids",
        "execution_finance_user_ids",
        "execution_production_team_id",
        "execution_logistics_team_id",
        "execution_finance_team_id",
    )
    def _compute_execution_handover_enabled(self):
        for company in self:
            company.execution_handover_enabled = bool(
                company.execution_production_user_ids
                or company.execution_logistics_user_ids
                or company.execution_finance_user_ids
                or company.execution_production_team_id
                or company.execution_logistics_team_id
                or company.execution_finance_team_id
            )

    def _execution_recipients(self):
        """[(department, users)] of the contract hand-over: each department's
        users and the members of its team, each user once."""
        self.ensure_one()
        return [
            (
                department,
                self[f"execution_{department}_user_ids"]
                | self[f"execution_{department}_team_id"]
                .sudo()
                .member_ids.filtered("active"),
            )
            for department in ("production", "logistics", "finance")
        ]
