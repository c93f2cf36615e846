# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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


#: the team that owns the policy stages (the set Settings copy to other teams)
POLICY_TEAM_XMLID = "sales_customer_dev.crm_team_customer_dev"


class CrmStage(models.Model):
    """The customer-development steps are stages of the teams that follow the
    policy (``team_id``), never shared stages: other teams' pipelines stay as
    Odoo ships them. ``dev_stage`` is the stage's policy code: the stage
    requirements and the legal-review rule key on it and on the stage's own
    ``dev_require_*`` flags, so each team's copy of the set behaves alike."""

    _inherit = "crm.stage"
    _sql_constraints = [
        (
            "sales_dev_stage_team_unique",
            "UNIQUE(team_id, dev_stage)",
            "A sales team has each customer-development step once.",
        ),
    ]

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
    dev_require_credit_check = fields.Boolean(
        string="Requires a Credit Check",
        help="A lead for a new customer (no confirmed order yet) enters this "
        "stage only once a sales manager or a finance reviewer recorded the "
        "customer's credit check.",
    )
    dev_require_negotiation_note = fields.Boolean(
        string="Requires the Negotiation Record",
        help="A lead enters this stage only with the negotiation note (the "
        "points agreed with the customer).",
    )
    dev_require_meeting = fields.Boolean(
        string="Requires a Meeting",
        help="A lead enters this stage only with a meeting in the calendar "
        "that has attendees besides its organizer (the kick-off meeting).",
    )
    dev_require_partner = fields.Boolean(
        string="Requires a Customer",
        help="A lead enters this stage only when linked to a customer record.",
    )

    @api.model
    def _sales_dev_adopt_shared_stages(self):
        """Policy stages shared by every team (databases from before the
        stages had a team) go to the Customer Development team. Run on every
        module update (data file); idempotent."""
        team = self.env.ref(POLICY_TEAM_XMLID, raise_if_not_found=False)
        if not team:
            return
        shared = self.sudo().search(
            [("dev_stage", "!=", False), ("team_id", "=", False)]
        )
        taken = set(
            self.sudo()
            .search([("team_id", "=", team.id), ("dev_stage", "!=", False)])
            .mapped("dev_stage")
        )
        adopt = self.browse()
        for stage in shared:
            if stage.dev_stage not in taken:
                taken.add(stage.dev_stage)
                adopt |= stage
        adopt.write({"team_id": team.id})
