# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"

#: clauses (``data/sales_policy_clause_data.xml``)
CLAUSE_PLAN = "SP-PRO-01"
CLAUSE_APPROVAL = "SP-PRO-02"

#: what the plan's budget is made of; frozen once the plan is submitted
CONTENT_FIELDS = {"year", "company_id", "campaign_ids"}


class SalesPromotionPlan(models.Model):
    """The company's annual market-promotion programme (clause SP-PRO-01).

    Draft (a sales manager lists the campaigns with their dates, channel and
    budget) → Submitted (frozen; the approval engine asks senior management,
    clause SP-PRO-02) → Approved. A rejection returns it to draft; a revision
    of an approved plan returns it to draft too, and it goes through approval
    again. State and approval records change only through these steps.
    """

    _name = "sales.promotion.plan"
    _description = "Annual Promotion Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = CLAUSE_APPROVAL
    _order = "year desc, company_id, id"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"approve_plan": _lt("Approve the Promotion Plan")}
    _approval_metrics = {"total_budget": (_lt("Total Budget"), "number")}
    _approval_amount_field = "amount_total"
    _approval_currency_field = "currency_id"
    _approval_requester_field = "user_id"
    _approval_state_actions = {"approved": "approve_plan"}
    _approval_button_states = ("submitted",)
    _protected_fields = [
        "state",
        "revision",
        "submitted_date",
        "approved_by_id",
        "approved_date",
    ]

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year + 1,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        domain=lambda self: [("share", "=", False)],
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    campaign_ids = fields.One2many(
        "sales.promotion.campaign", "plan_id", string="Campaigns", copy=False
    )
    campaign_count = fields.Integer(compute="_compute_totals", store=True)
    amount_total = fields.Monetary(
        string="Total Budget", compute="_compute_totals", store=True, tracking=True
    )
    revision = fields.Integer(readonly=True, copy=False, default=0, tracking=True)
    note = fields.Html()
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("campaign_ids.budget")
    def _compute_totals(self):
        for plan in self:
            plan.campaign_count = len(plan.campaign_ids)
            plan.amount_total = sum(plan.campaign_ids.mapped("budget"))

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a plan year: enter a year such as 2027 "
                        "(sales policy %(clause)s).",
                        year=plan.year,
                        clause=CLAUSE_PLAN,
                    )
                )
        # a new year must still hold the campaigns' dates
        self.campaign_ids._check_dates()

    def init(self):
        # one active plan per company and year, whatever the interleaving of
        # transactions (SP-PRO-01); archived plans do not count
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS "
                "sales_promotion_plan_company_year_uniq "
                "ON sales_promotion_plan (company_id, year) WHERE active"
            )
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def _duplicate_error(self, company_id, year):
        return ValidationError(
            self.env._(
                "%(company)s already has an active promotion plan for %(year)s: one "
                "plan per company and year (sales policy %(clause)s). Open that "
                "plan and revise it, or archive it first.",
                company=self.env["res.company"].sudo().browse(company_id).name,
                year=year,
                clause=CLAUSE_PLAN,
            )
        )

    @api.model
    def _check_no_duplicates(self, keys):
        """``keys``: [(company_id, year, own id or 0)] of active plans; refuse
        a key held by another active plan or twice in the batch."""
        seen = set()
        for company_id, year, _rid in keys:
            if (company_id, year) in seen:
                raise self._duplicate_error(company_id, year)
            seen.add((company_id, year))
        if not keys:
            return
        self.flush_model(["company_id", "year", "active"])
        rows = self.env.execute_query(
            SQL(
                "SELECT p.company_id, p.year FROM sales_promotion_plan p "
                "JOIN (VALUES %s) AS k(company_id, year, rid) "
                "ON p.company_id = k.company_id AND p.year = k.year "
                "AND p.id != k.rid WHERE p.active LIMIT 1",
                SQL(", ").join(SQL("(%s, %s, %s)", c, y, r) for c, y, r in keys),
            )
        )
        if rows:
            raise self._duplicate_error(*rows[0])

    def _unique_violation(self, error):
        return ValidationError(
            self.env._(
                "Another promotion plan for the same company and year was just "
                "saved (sales policy %(clause)s). Reload and revise that plan.",
                clause=CLAUSE_PLAN,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        keys = [
            (
                vals.get("company_id") or self.env.company.id,
                vals.get("year") or self.default_get(["year"])["year"],
                0,
            )
            for vals in vals_list
            if vals.get("active", True)
        ]
        self._check_no_duplicates(keys)
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except UniqueViolation as error:
            raise self._unique_violation(error) from error

    def write(self, vals):
        if not self._in_transition():
            self._check_editable(vals)
        if {"company_id", "year", "active"} & set(vals):
            keys = [
                (
                    vals.get("company_id", plan.company_id.id),
                    vals.get("year", plan.year),
                    plan.id,
                )
                for plan in self
                if vals.get("active", plan.active)
            ]
            self._check_no_duplicates(keys)
        return super().write(vals)

    def _check_editable(self, vals):
        """A submitted or approved plan's budget is frozen (SP-PRO-02)."""
        frozen = self.filtered(lambda p: p.state != "draft")
        if frozen and CONTENT_FIELDS & set(vals):
            self.check_access("write")
            raise UserError(
                self.env._(
                    "%(plans)s is submitted or approved: its year, campaigns and "
                    "budget cannot change any more (sales policy %(clause)s). A "
                    "sales manager clicks Revise to take it back to draft; the "
                    "revised plan goes through approval again.",
                    plans=", ".join(frozen.mapped("display_name")),
                    clause=CLAUSE_APPROVAL,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(
                self.env._(
                    "Only draft promotion plans can be deleted (sales policy "
                    "%(clause)s). Archive an approved plan instead of deleting it.",
                    clause=CLAUSE_APPROVAL,
                )
            )

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------
    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        for plan in self:
            result[plan.id]["total_budget"] = plan.amount_total
        return result

    def _get_approval_fingerprint_data(self):
        result = {}
        for plan in self.sudo():
            result[plan.id] = [
                plan.year,
                plan.company_id.id,
                plan.revision,
                sorted(
                    [
                        line.campaign_id.id,
                        str(line.date_start),
                        str(line.date_end),
                        line.medium_id.id or 0,
                        line.budget,
                    ]
                    for line in plan.campaign_ids
                ),
            ]
        return result

    def _get_approval_conflicted_users(self):
        # the plan's responsible never approves their own plan
        return {plan.id: plan.user_id for plan in self}

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        plans = self.sudo().filtered(lambda p: p.state == "submitted")
        if decision != "approved":
            plans._transition({"state": "draft", "submitted_date": False})
            for plan in plans:
                plan._approval_message(
                    self.env._(
                        "Promotion plan rejected by %(user)s: back to draft to "
                        "correct and submit again.",
                        user=self.env.user.name,
                    )
                )
            return res
        status = plans._approval_status_by_record("approve_plan")
        ready = plans.filtered(
            lambda p: status.get(p.id, ("none",))[0] in ("none", "approved")
        )
        ready._approve(self.env.user)
        return res

    def _approve(self, user):
        self._transition(
            {
                "state": "approved",
                "approved_by_id": user.id,
                "approved_date": fields.Datetime.now(),
            }
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_manager(self, action):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only a sales manager may %(action)s a promotion plan (sales "
                    "policy %(clause)s).",
                    action=action,
                    clause=CLAUSE_APPROVAL,
                )
            )
        self.check_access("write")

    def _check_state(self, expected, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        wrong = self.filtered(lambda p: p.state not in expected)
        if wrong:
            raise UserError(
                self.env._(
                    "%(plans)s cannot be %(action)s: it is %(state)s.",
                    plans=", ".join(wrong.mapped("display_name")),
                    action=action,
                    state=labels[wrong[0].state],
                )
            )

    @public_arguments
    def action_submit(self):
        """A sales manager submits draft plans; the approval engine asks
        senior management (no applicable rule: approved at once)."""
        self._check_manager(self.env._("submit"))
        self._check_state(("draft",), self.env._("submitted"))
        empty = self.filtered(lambda p: not p.campaign_ids)
        if empty:
            raise UserError(
                self.env._(
                    "%(plans)s has no campaign: add the year's campaigns with "
                    "their budget before submitting (sales policy %(clause)s).",
                    plans=", ".join(empty.mapped("display_name")),
                    clause=CLAUSE_PLAN,
                )
            )
        self._transition(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        self._approval_submit()
        status = self._approval_status_by_record("approve_plan")
        free = self.filtered(lambda p: status.get(p.id, ("none",))[0] == "none")
        free.sudo()._approve(self.env["res.users"])
        for plan in free:
            plan._approval_message(
                self.env._(
                    "No approval rule applies to this plan: it was approved at once."
                )
            )
        return True

    @public_arguments
    def action_revise(self):
        """A sales manager takes an approved plan back to draft to revise its
        budget; the revision goes through approval again."""
        self._check_manager(self.env._("revise"))
        self._check_state(("approved",), self.env._("revised"))
        for plan in self:
            plan._transition(
                {
                    "state": "draft",
                    "revision": plan.revision + 1,
                    "submitted_date": False,
                    "approved_by_id": False,
                    "approved_date": False,
                }
            )
            plan._approval_message(
                self.env._(
                    "Revision %(revision)s opened by %(user)s: the plan must be "
                    "approved again.",
                    revision=plan.revision,
                    user=self.env.user.name,
                )
            )
        return True

    @public_arguments(one=True)
    def action_view_effectiveness(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_promotion_plan.sales_promotion_effectiveness_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        return action
