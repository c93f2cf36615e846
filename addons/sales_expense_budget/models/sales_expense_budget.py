# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.budget_sql import actuals_by_key

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
CLAUSE_BUDGET = "SP-EXP-01"
CLAUSE_APPROVAL = "SP-EXP-02"
#: what is frozen once a budget leaves draft
CONTENT_FIELDS = {"team_id", "user_id", "month", "company_id", "line_ids", "note"}


def month_start(day):
    return day.replace(day=1)


class SalesExpenseBudget(models.Model):
    """A sales team's (optionally one rep's) sales-expense budget for a month.

    Draft → Submitted (frozen; the approval engine asks the sales managers,
    and senior management from the company's threshold, clause SP-EXP-02) →
    Approved. A rejection returns it to draft. An approved budget is changed
    by a revision: a new draft version of it; when the revision is approved
    the old version becomes *Superseded* and stays read-only as history.
    """

    _name = "sales.expense.budget"
    _description = "Sales Expense Budget"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = CLAUSE_APPROVAL
    _order = "month desc, team_id, revision desc, id desc"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {"approve_budget": _lt("Approve the Budget")}
    _approval_metrics = {
        "above_senior_threshold": (
            _lt("Total Reaches the Senior-Management Threshold"),
            "boolean",
        ),
    }
    _approval_amount_field = "amount_total"
    _approval_currency_field = "currency_id"
    _approval_requester_field = "submitted_by_id"
    _approval_state_actions = {"approved": "approve_budget"}
    _approval_button_states = ("submitted",)
    _protected_fields = [
        "state",
        "submitted_by_id",
        "approved_by_id",
        "approved_date",
        "previous_id",
        "revision",
    ]

    name = fields.Char(compute="_compute_name", store=True)
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        help="Empty: the budget of the whole team.",
    )
    month = fields.Date(
        required=True, index=True, tracking=True, help="First day of the month."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    revision = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        "sales.expense.budget",
        string="Revision Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    line_ids = fields.One2many(
        "sales.expense.budget.line", "budget_id", string="Lines", copy=True
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    note = fields.Text()
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("team_id", "user_id", "month", "revision")
    def _compute_name(self):
        for budget in self:
            month = budget.month.strftime("%Y-%m") if budget.month else ""
            owner = budget.user_id.name or budget.team_id.name or ""
            budget.name = f"{owner} {month} v{budget.revision}"

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for budget in self:
            budget.amount_total = sum(budget.line_ids.mapped("amount"))

    @api.constrains("user_id", "team_id")
    def _check_user_in_team(self):
        for budget in self:
            user = budget.user_id.sudo()
            if user and budget.team_id not in (user.crm_team_ids | user.sale_team_id):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(team)s: a salesperson's "
                        "budget belongs to their own team (sales policy "
                        "%(clause)s).",
                        user=user.name,
                        team=budget.team_id.name,
                        clause=CLAUSE_BUDGET,
                    )
                )

    @api.constrains("team_id", "user_id", "month", "company_id")
    def _check_lines_overlap(self):
        self.line_ids._check_overlap()

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = month_start(fields.Date.to_date(vals["month"]))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals["month"] = month_start(fields.Date.to_date(vals["month"]))
        if not self.env.su and not self._in_transition():
            self._check_editable(set(vals))
        return super().write(vals)

    def _check_editable(self, names):
        frozen = self.filtered(lambda b: b.state != "draft")
        if frozen and CONTENT_FIELDS & names:
            self.check_access("write")
            raise UserError(
                self.env._(
                    "%(budgets)s is no longer a draft: its figures cannot change "
                    "(sales policy %(clause)s). Revise an approved budget to "
                    "change it; ask a manager to reject a submitted one.",
                    budgets=", ".join(frozen.mapped("display_name")),
                    clause=CLAUSE_APPROVAL,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_actuals(self):
        decided = self.filtered(lambda b: b.state != "draft")
        if not decided:
            return
        actuals = actuals_by_key(self.env, decided.line_ids._budget_keys())
        if any(committed or actual for committed, actual in actuals.values()):
            raise UserError(
                self.env._(
                    "%(budgets)s has committed or actual spending: an approved "
                    "budget with actuals cannot be deleted (sales policy "
                    "%(clause)s). Revise it instead.",
                    budgets=", ".join(decided.mapped("display_name")),
                    clause=CLAUSE_BUDGET,
                )
            )
        if self.filtered(lambda b: b.state == "superseded"):
            raise UserError(
                self.env._(
                    "Superseded budget versions are kept as history and cannot "
                    "be deleted (sales policy %(clause)s).",
                    clause=CLAUSE_APPROVAL,
                )
            )

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------
    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        for budget in self:
            threshold = budget.company_id.sales_expense_budget_senior_amount
            result[budget.id]["above_senior_threshold"] = bool(
                threshold and budget.amount_total >= threshold
            )
        return result

    def _get_approval_fingerprint_data(self):
        return {
            budget.id: [
                budget.team_id.id,
                budget.user_id.id,
                str(budget.month),
                sorted([line.category_id.id, line.amount] for line in budget.line_ids),
            ]
            for budget in self.sudo()
        }

    def _get_approval_conflicted_users(self):
        # who submitted a budget never approves it
        return {budget.id: budget.submitted_by_id for budget in self}

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        budgets = self.sudo().filtered(lambda b: b.state == "submitted")
        if decision != "approved":
            budgets._transition({"state": "draft"})
            for budget in budgets:
                budget._approval_message(
                    self.env._(
                        "Budget rejected by %(user)s: back to draft.",
                        user=self.env.user.name,
                    )
                )
            return res
        status = budgets._approval_status_by_record("approve_budget")
        budgets.filtered(
            lambda b: status.get(b.id, ("none",))[0] in ("none", "approved")
        )._approve(self.env.user)
        return res

    def _approve(self, user):
        """Approve the budgets; the versions they revise become history."""
        Line = self.env["sales.expense.budget.line"]
        previous = self.previous_id.filtered(lambda b: b.state == "approved")
        previous._transition({"state": "superseded"})
        # the old version leaves the approved-lines index first
        Line.flush_model(["budget_state"])
        self._transition(
            {
                "state": "approved",
                "approved_by_id": user.id,
                "approved_date": fields.Datetime.now(),
            }
        )
        try:
            with self.env.cr.savepoint(flush=False):
                Line.flush_model(["budget_state"])
        except UniqueViolation as error:
            raise Line._overlap_race_error() from error

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_state(self, expected, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        wrong = self.filtered(lambda b: b.state not in expected)
        if wrong:
            raise UserError(
                self.env._(
                    "%(budgets)s cannot be %(action)s: it is %(state)s.",
                    budgets=", ".join(wrong.mapped("display_name")),
                    action=action,
                    state=labels[wrong[0].state],
                )
            )

    def _check_manager(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._(
                    "Only a sales manager submits and revises sales-expense "
                    "budgets (sales policy %(clause)s).",
                    clause=CLAUSE_APPROVAL,
                )
            )

    @public_arguments
    def action_submit(self):
        """Submit draft budgets to the approval engine (no applicable rule:
        approved at once)."""
        self._check_manager()
        self.check_access("write")
        self._check_state(("draft",), self.env._("submitted"))
        empty = self.filtered(lambda b: not b.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "%(budgets)s has no lines: add the amount of each category "
                    "first.",
                    budgets=", ".join(empty.mapped("display_name")),
                )
            )
        self._transition({"state": "submitted", "submitted_by_id": self.env.uid})
        self._approval_submit()
        status = self._approval_status_by_record("approve_budget")
        free = self.filtered(lambda b: status.get(b.id, ("none",))[0] == "none")
        free.sudo()._approve(self.env["res.users"])
        return True

    @public_arguments(one=True)
    def action_revise(self):
        """A new draft version of an approved budget; the approved version
        stays in force until the revision is approved."""
        self.ensure_one()
        self._check_manager()
        self.check_access("write")
        self._check_state(("approved",), self.env._("revised"))
        if self.search_count([("previous_id", "=", self.id)]):
            raise UserError(
                self.env._(
                    "%(budget)s already has a revision: open and edit it.",
                    budget=self.display_name,
                )
            )
        # the copy names the version it revises from the start (the overlap
        # check lets a revision and its version share their keys); as
        # superuser: those fields are the steps' own, the right is checked above
        revision = (
            self.sudo()
            .copy({"previous_id": self.id, "revision": self.revision + 1})
            .sudo(False)
        )
        revision._approval_message(
            self.env._(
                "Revision of %(budget)s made by %(user)s.",
                budget=self.display_name,
                user=self.env.user.name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revision.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
