# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

DEV_STAGES = [
    ("research", "Market Research"),
    ("identification", "Prospect Identification"),
    ("contact_plan", "Contact Plan"),
    ("needs", "Needs Analysis"),
    ("proposal", "Proposal"),
    ("negotiation", "Negotiation"),
    ("contract", "Contract"),
    ("kickoff", "Kickoff"),
    ("follow_up", "Follow-up"),
]


class CrmStage(models.Model):
    _inherit = "crm.stage"

    dev_stage = fields.Selection(
        DEV_STAGES,
        string="Development Step",
        help="Step of the customer-development process this stage represents.",
    )
    dev_require_contact_info = fields.Boolean(
        string="Requires Contact Information",
        help="A lead enters this stage only with a customer, a contact name, "
        "an email or a phone number.",
    )
    dev_require_contact_plan = fields.Boolean(
        string="Requires a Contact Plan",
        help="A lead enters this stage only with at least one planned contact.",
    )
    dev_require_needs = fields.Boolean(
        string="Requires Needs Analysis",
        help="A lead enters this stage only once the customer's needs are recorded.",
    )
    dev_require_expected_revenue = fields.Boolean(
        string="Requires Expected Revenue",
        help="A lead enters this stage only with a positive expected revenue.",
    )
    dev_require_legal_review = fields.Boolean(
        string="Requires Legal Review",
        help="A lead enters this stage only after a legal reviewer approved "
        "the contract.",
    )
    dev_require_partner = fields.Boolean(
        string="Requires a Customer",
        help="A lead enters this stage only when linked to a customer record.",
    )
