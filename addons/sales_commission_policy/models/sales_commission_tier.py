# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesCommissionTier(models.Model):
    """An accelerator: an extra rate on the part of a rep's period achievement
    above ``threshold`` % of the target, up to the next tier (marginal)."""

    _name = "sales.commission.tier"
    _description = "Commission Achievement Tier"
    _order = "plan_id, threshold"

    plan_id = fields.Many2one(
        "sales.commission.plan", required=True, index=True, ondelete="cascade"
    )
    threshold = fields.Float(
        string="From Achievement (%)",
        required=True,
        help="Percentage of the rep's monthly target from which the extra "
        "rate applies. The first tier starts at 0.",
    )
    rate = fields.Float(
        string="Extra Rate (%)",
        digits=(16, 4),
        required=True,
        help="Added to the rule's rate on the revenue in this tier.",
    )

    _sql_constraints = [
        (
            "threshold_unique",
            "UNIQUE (plan_id, threshold)",
            "Two tiers of a plan cannot start at the same achievement.",
        ),
    ]

    @api.constrains("rate", "threshold")
    def _check_rate(self):
        for tier in self:
            if not 0 <= tier.rate <= 100 or tier.threshold < 0:
                raise ValidationError(
                    self.env._(
                        "The tier from %(threshold)s %% of plan %(plan)s has an "
                        "extra rate of %(rate)s %%: rates lie within 0-100 %% and "
                        "thresholds are not negative (policy clause SP-COM-02).",
                        threshold=tier.threshold,
                        rate=tier.rate,
                        plan=tier.plan_id.name,
                    )
                )

    @api.constrains("threshold", "plan_id")
    def _check_first_tier_at_zero(self):
        for plan in self.plan_id:
            if plan.tier_ids and min(plan.tier_ids.mapped("threshold")) != 0:
                raise ValidationError(
                    self.env._(
                        "The tiers of plan %(plan)s must start at 0 %% "
                        "achievement so that all revenue has a rate. Add a "
                        "tier from 0 %%.",
                        plan=plan.name,
                    )
                )
