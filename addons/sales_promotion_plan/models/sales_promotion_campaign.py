# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .sales_promotion_plan import CLAUSE_APPROVAL, CLAUSE_PLAN

#: the budget line as approved; frozen unless the plan is a draft
BUDGET_FIELDS = {
    "plan_id",
    "campaign_id",
    "name",
    "date_start",
    "date_end",
    "medium_id",
    "budget",
}
AMOUNT_FIELDS = ("budget", "actual_cost")


class SalesPromotionCampaign(models.Model):
    """One campaign of an annual promotion plan: an Odoo UTM campaign (leads
    and orders carry it in ``campaign_id``) with its dates, channel, budget
    and the actual cost entered as it is spent."""

    _name = "sales.promotion.campaign"
    _description = "Promotion Campaign"
    _inherit = ["mail.thread"]
    _order = "plan_id, date_start, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "sales.promotion.plan",
        string="Promotion Plan",
        required=True,
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Campaign Name", required=True, tracking=True)
    campaign_id = fields.Many2one(
        "utm.campaign",
        string="UTM Campaign",
        required=True,
        index=True,
        ondelete="restrict",
        copy=False,
        help="Leads and orders carrying this campaign count for its "
        "effectiveness; left empty, a campaign of the same name is created.",
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    plan_year = fields.Integer(related="plan_id.year", string="Plan Year")
    budget_locked = fields.Boolean(
        compute="_compute_budget_locked",
        help="The plan is submitted or approved: the budget line is frozen.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    medium_id = fields.Many2one("utm.medium", string="Channel", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain=lambda self: [("share", "=", False)],
    )
    budget = fields.Monetary(required=True, default=0.0, tracking=True)
    actual_cost = fields.Monetary(
        tracking=True,
        help="What the campaign actually cost, entered as it is spent; when "
        "set, the effectiveness report uses it instead of the budget.",
    )

    _sql_constraints = [
        (
            "campaign_uniq",
            "UNIQUE(campaign_id)",
            "A UTM campaign belongs to one promotion plan line only.",
        ),
        ("budget_positive", "CHECK(budget >= 0)", "A budget cannot be negative."),
        (
            "actual_cost_positive",
            "CHECK(actual_cost >= 0)",
            "An actual cost cannot be negative.",
        ),
    ]

    @api.depends("plan_id.state")
    def _compute_budget_locked(self):
        for line in self:
            line.budget_locked = line.plan_id.state not in (False, "draft")

    @api.constrains("date_start", "date_end", "plan_id")
    def _check_dates(self):
        for line in self:
            year = line.plan_id.year
            if line.date_start > line.date_end:
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s ends (%(end)s) before it starts "
                        "(%(start)s): swap the two dates.",
                        campaign=line.name,
                        start=line.date_start,
                        end=line.date_end,
                    )
                )
            if line.date_start.year != year or line.date_end.year != year:
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s runs from %(start)s to %(end)s, "
                        "outside the plan year %(year)s (sales policy "
                        "%(clause)s). Put it in that year's plan, or shorten it.",
                        campaign=line.name,
                        start=line.date_start,
                        end=line.date_end,
                        year=year,
                        clause=CLAUSE_PLAN,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def _check_amounts(self, vals):
        """Refuse negative amounts before anything is written (the database
        checks them too)."""
        for name in AMOUNT_FIELDS:
            if (vals.get(name) or 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "%(field)s of campaign %(campaign)s is negative "
                        "(%(amount)s): budgets and costs are zero or more (sales "
                        "policy %(clause)s).",
                        field=self._fields[name]._description_string(self.env),
                        campaign=vals.get("name") or ", ".join(self.mapped("name")),
                        amount=vals[name],
                        clause=CLAUSE_PLAN,
                    )
                )

    def _check_campaign_free(self, campaign_ids, exclude=()):
        """A UTM campaign is one plan line only (the database checks it too)."""
        campaign_ids = [cid for cid in campaign_ids if cid]
        duplicated = len(set(campaign_ids)) < len(campaign_ids)
        taken = self.browse()
        if campaign_ids and not duplicated:
            taken = self.sudo().search(
                [("campaign_id", "in", campaign_ids), ("id", "not in", list(exclude))],
                limit=1,
            )
        if taken or duplicated:
            raise ValidationError(
                self.env._(
                    "A UTM campaign belongs to one promotion plan line only "
                    "(sales policy %(clause)s): %(campaign)s is already planned. "
                    "Leave the campaign empty to create a new one.",
                    clause=CLAUSE_PLAN,
                    campaign=taken.campaign_id.display_name or "",
                )
            )

    def _frozen_error(self, plans):
        return UserError(
            self.env._(
                "The budget lines of %(plans)s are frozen: the plan is submitted "
                "or approved (sales policy %(clause)s). A sales manager clicks "
                "Revise on the plan to change them; the revision goes through "
                "approval again. Only the actual cost and the responsible can "
                "still be entered.",
                plans=", ".join(plans.mapped("display_name")),
                clause=CLAUSE_APPROVAL,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        Plan = self.env["sales.promotion.plan"]
        plans = Plan.browse({vals.get("plan_id") for vals in vals_list} - {None})
        frozen = plans.filtered(lambda p: p.state != "draft")
        if frozen:
            self.browse().check_access("create")
            raise self._frozen_error(frozen)
        self._check_campaign_free([vals.get("campaign_id") for vals in vals_list])
        new_utm = []
        for vals in vals_list:
            self._check_amounts(vals)
            if not vals.get("campaign_id") and vals.get("name"):
                new_utm.append(vals)
        if new_utm:
            campaigns = self.env["utm.campaign"].create(
                [{"title": vals["name"]} for vals in new_utm]
            )
            for vals, campaign in zip(new_utm, campaigns, strict=True):
                vals["campaign_id"] = campaign.id
        return super().create(vals_list)

    def write(self, vals):
        self._check_amounts(vals)
        if vals.get("campaign_id"):
            self._check_campaign_free([vals["campaign_id"]] * len(self), self.ids)
        if BUDGET_FIELDS & set(vals):
            plans = self.plan_id
            if "plan_id" in vals:
                plans |= self.env["sales.promotion.plan"].browse(vals["plan_id"])
            frozen = plans.filtered(lambda p: p.state != "draft")
            if frozen:
                self.check_access("write")
                raise self._frozen_error(frozen)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_plan(self):
        frozen = self.plan_id.filtered(lambda p: p.state != "draft")
        if frozen:
            raise self._frozen_error(frozen)
