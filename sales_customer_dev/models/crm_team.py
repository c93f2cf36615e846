# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .crm_stage import POLICY_TEAM_XMLID


class CrmTeam(models.Model):
    """Which teams follow the customer-development policy: the teams that own
    a copy of the policy stages (the stages are the single source of truth)."""

    _inherit = "crm.team"

    sales_dev_policy = fields.Boolean(
        string="Customer Development Pipeline",
        compute="_compute_sales_dev_policy",
        search="_search_sales_dev_policy",
        help="The team's pipeline has the customer-development stages "
        "(Settings > Sales Policy > Customer Development).",
    )

    def _compute_sales_dev_policy(self):
        groups = (
            self.env["crm.stage"]
            .sudo()
            ._read_group(
                [("team_id", "in", self._origin.ids), ("dev_stage", "!=", False)],
                ["team_id"],
            )
        )
        policy = {team.id for (team,) in groups}
        for team in self:
            team.sales_dev_policy = team._origin.id in policy

    def _search_sales_dev_policy(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Search the policy pipeline flag with = or != only.")
            )
        # a handful of stages: their teams' ids
        team_ids = (
            self.env["crm.stage"]
            .sudo()
            .search([("dev_stage", "!=", False), ("team_id", "!=", False)])
            .team_id.ids
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", team_ids)]

    @api.model
    def _sales_dev_policy_team(self):
        return self.env.ref(POLICY_TEAM_XMLID, raise_if_not_found=False)

    @api.model
    def _sales_dev_set_policy_teams(self, teams):
        """Make ``teams`` (plus the Customer Development team) the teams that
        follow the policy: a team added gets its copy of the policy stages, a
        team removed loses its copy, refused while opportunities sit in it.
        Called by Settings (administrators) only."""
        template_team = self._sales_dev_policy_team()
        if not template_team:
            return
        Stage = self.env["crm.stage"].sudo()
        template = Stage.search(
            [("team_id", "=", template_team.id), ("dev_stage", "!=", False)]
        )
        # the teams the administrator sees (their companies), as the setting
        # shows them: teams of other companies are left alone
        current = self.search([("sales_dev_policy", "=", True)])
        wanted = teams | template_team
        for team in wanted - current:
            for stage in template:
                stage.copy({"team_id": team.id})
        removed = current - wanted
        if not removed:
            return
        stages = Stage.search(
            [("team_id", "in", removed.ids), ("dev_stage", "!=", False)]
        )
        busy = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search([("stage_id", "in", stages.ids)], limit=1)
        )
        if busy:
            raise UserError(
                self.env._(
                    "The team %(team)s still has opportunities in its "
                    "customer-development stages (for example %(lead)s). Move "
                    "them to the team's other stages first, then stop the "
                    "policy pipeline for the team.",
                    team=busy.stage_id.team_id.name,
                    lead=busy.name,
                )
            )
        stages.unlink()
