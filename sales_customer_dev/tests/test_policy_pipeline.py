# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon

DEV_CODES = {
    "research",
    "identification",
    "contact_plan",
    "needs",
    "proposal",
    "negotiation",
    "contract",
    "kickoff",
    "follow_up",
}


@tagged("post_install", "-at_install")
class TestPolicyPipeline(CustomerDevCommon):
    """The development stages belong to the teams that follow the policy;
    every other team keeps Odoo's own pipeline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dev_team = cls.env.ref("sales_customer_dev.crm_team_customer_dev")
        cls.Stage = cls.env["crm.stage"]

    def _pipeline_of(self, team):
        """The stages a team's pipeline and status bar offer (crm.lead's
        stage domain)."""
        return self.Stage.search(
            ["|", ("team_id", "=", False), ("team_id", "=", team.id)]
        )

    def _set_policy_teams(self, teams):
        settings = self.env["res.config.settings"].create(
            {"sales_dev_policy_team_ids": [Command.set(teams.ids)]}
        )
        settings.execute()

    def test_other_teams_keep_odoo_pipeline(self):
        shared = self.Stage.search([("team_id", "=", False)])
        self.assertFalse(shared.filtered("dev_stage"))
        for team in (self.team, self.team_2):
            self.assertFalse(self._pipeline_of(team).filtered("dev_stage"))
            self.assertFalse(team.sales_dev_policy)

    def test_customer_development_team_owns_the_policy_stages(self):
        stages = self._pipeline_of(self.dev_team).filtered("dev_stage")
        self.assertEqual(set(stages.mapped("dev_stage")), DEV_CODES)
        self.assertEqual(stages.team_id, self.dev_team)
        self.assertTrue(self.dev_team.sales_dev_policy)
        self.assertIn(
            self.dev_team,
            self.env["crm.team"].search([("sales_dev_policy", "=", True)]),
        )

    def test_settings_give_a_team_the_policy_stages_and_requirements(self):
        self._set_policy_teams(self.team)
        self.assertTrue(self.team.sales_dev_policy)
        stages = self.Stage.search(
            [("team_id", "=", self.team.id), ("dev_stage", "!=", False)]
        )
        self.assertEqual(set(stages.mapped("dev_stage")), DEV_CODES)
        needs = stages.filtered(lambda s: s.dev_stage == "needs")
        self.assertRecordValues(
            needs,
            [{"dev_require_contact_info": True, "dev_require_contact_plan": True}],
        )
        # the team's own copy carries the requirement: no planned contact
        with self.assertRefused(ValidationError, "planned contact"):
            self._rep_lead(
                partner_id=self.customer.id, team_id=self.team.id, stage_id=needs.id
            )
        # and the legal review before its contract stage (approval rule)
        contract = stages.filtered(lambda s: s.dev_stage == "contract")
        lead = self._rep_lead(
            partner_id=self.customer.id,
            team_id=self.team.id,
            needs_analysis="Needs 20 units",
            negotiation_note="20 units at 50.00",
            expected_revenue=1000,
            contact_plan_ids=[Command.create({"name": "Call", "user_id": self.rep.id})],
        )
        self._credit_checked(lead)
        with self.assertRefused(ValidationError, "SP-DEV-02"):
            lead.with_user(self.rep).stage_id = contract
        # the settings show it; the other team still has Odoo's pipeline
        settings = self.env["res.config.settings"].create({})
        self.assertIn(self.team, settings.sales_dev_policy_team_ids)
        self.assertFalse(self._pipeline_of(self.team_2).filtered("dev_stage"))

    def test_requirements_do_not_apply_on_odoo_stages(self):
        odoo_stage = self._pipeline_of(self.team_2).filtered(
            lambda s: not s.is_won and not s.fold
        )[-1:]
        lead = self._rep_lead(
            user=self.rep_2, team_id=self.team_2.id, stage_id=odoo_stage.id
        )
        self.assertEqual(lead.stage_id, odoo_stage)
        self.assertFalse(lead.dev_stage)

    def test_removing_a_team_drops_its_stages_unless_in_use(self):
        self._set_policy_teams(self.team)
        research = self.Stage.search(
            [("team_id", "=", self.team.id), ("dev_stage", "=", "research")]
        )
        lead = self._rep_lead(team_id=self.team.id, stage_id=research.id)
        with self.assertRefused(UserError, lead.name):
            self._set_policy_teams(self.env["crm.team"])
        self.assertTrue(self.team.sales_dev_policy)
        lead.stage_id = self._pipeline_of(self.team).filtered(
            lambda s: not s.dev_stage
        )[:1]
        self._set_policy_teams(self.env["crm.team"])
        self.assertFalse(self.team.sales_dev_policy)
        # the Customer Development team always keeps its stages
        self.assertTrue(self.dev_team.sales_dev_policy)

    def test_rep_cannot_change_the_policy_teams(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.rep).create(
                {"sales_dev_policy_team_ids": [Command.set(self.team.ids)]}
            ).execute()
        self.assertFalse(self.team.sales_dev_policy)

    def test_update_adopts_stages_that_were_shared(self):
        follow_up = self.stages["follow_up"]
        follow_up.team_id = False
        self.Stage._sales_dev_adopt_shared_stages()
        self.assertEqual(follow_up.team_id, self.dev_team)
