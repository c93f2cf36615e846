# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.sample_math import FEE_WAIVED, fee_plan
from .sales_grading_policy import REFUND_OPTION

_lt = LazyTranslate(__name__)

USER_GROUP = "sales_policy_base.group_sales_policy_user"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
RND_GROUP = "sales_policy_base.group_sales_policy_technical_reviewer"
FEE_RULES = [("charged", "Charged"), ("waived", "Waived"), *REFUND_OPTION]
#: the structured specification R&D needs (field: label)
SPEC_FIELDS = (
    "shape",
    "physical_properties",
    "function",
    "quantity",
    "requested_date",
)
#: fields a salesperson edits while the request is a draft only
DRAFT_FIELDS = {
    "partner_id",
    "kind",
    "product_id",
    "shape",
    "physical_properties",
    "function",
    "quantity",
    "lead_time_days",
    "requested_date",
    "request_date",
    "estimated_cost",
    "fee_waiver_requested",
    "team_id",
    "company_id",
}


class SalesSampleRequest(models.Model):
    """A sample or tooling (mould) request to R&D (clauses SP-SMP-01..03).

    Draft -> submitted (the specification complete; a fee waiver the grade
    does not allow and a request past the team's monthly budget are approved
    first, through the approval engine) -> accepted by R&D (the fee rule of
    the customer's grade applied: a fee line on a new quotation) -> made ->
    sent -> feedback -> won / lost. Each step stamps its date.
    """

    _name = "sales.sample.request"
    _description = "Sample and Tooling Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "sales.policy.approval.mixin",
        "sales.sample.request.fee.mixin",
    ]
    _policy_clause = "SP-SMP-01"
    _order = "request_date desc, id desc"
    _check_company_auto = True

    _approval_actions = {"submit": _lt("Submit to R&D")}
    _approval_metrics = {
        "fee_waiver": (_lt("Sample Fee Waived Against the Grade"), "boolean"),
        "budget_overrun": (_lt("Past the Team's Monthly Sample Budget"), "number"),
    }
    _approval_amount_field = "estimated_cost"
    _approval_state_actions = {"submitted": "submit"}
    _approval_fingerprint_fields = [
        "partner_id",
        "team_id",
        "request_date",
        "estimated_cost",
        "fee_waiver_requested",
    ]
    _approval_button_states = ("draft",)
    _protected_fields = [
        "state",
        "submit_date",
        "accept_date",
        "made_date",
        "sent_date",
        "feedback_date",
        "close_date",
        "accepted_by_id",
        "fee_rule",
        "fee_order_id",
        "fee_refund_order_id",
    ]

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        check_company=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("sample", "Trial Sample"), ("tooling", "Tooling (Mould)")],
        required=True,
        default="sample",
        tracking=True,
    )
    product_id = fields.Many2one("product.product", check_company=True)
    request_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Date of the request; its month is the budget month.",
    )
    # --- specification ---------------------------------------------------
    shape = fields.Char(string="Shape / Dimensions")
    physical_properties = fields.Text()
    function = fields.Text(string="Function / Application")
    quantity = fields.Float(digits="Product Unit of Measure")
    lead_time_days = fields.Integer(string="Lead Time (Days)")
    requested_date = fields.Date(string="Wanted By")
    # --- cost and fee ------------------------------------------------------
    estimated_cost = fields.Monetary(
        help="What making the sample or tool costs; counted against the team's "
        "monthly sample budget."
    )
    fee_amount = fields.Monetary(
        string="Fee",
        default=lambda self: self._default_fee_amount(),
        tracking=True,
        help="Fee charged to the customer when the grade's rule charges it "
        "(default: the sales price of the fee product in Settings). Only a "
        "sales manager changes it.",
    )
    grade_fee_rule = fields.Selection(
        related="commercial_partner_id.sales_grade_sample_fee",
        string="Fee Rule of the Grade",
    )
    fee_waiver_requested = fields.Boolean(
        string="Ask to Waive the Fee",
        tracking=True,
        help="Waive the fee although the customer's grade charges it: the "
        "request is submitted only once a sales manager approves it.",
    )
    fee_rule = fields.Selection(
        FEE_RULES,
        string="Fee Rule Applied",
        readonly=True,
        copy=False,
        tracking=True,
    )
    fee_order_id = fields.Many2one(
        "sale.order", string="Fee Quotation", readonly=True, copy=False, index=True
    )
    fee_refund_order_id = fields.Many2one(
        "sale.order", string="Fee Refunded On", readonly=True, copy=False, index=True
    )
    # --- workflow --------------------------------------------------------
    state = fields.Selection(
        [
            ("draft", "Request"),
            ("submitted", "Submitted to R&D"),
            ("accepted", "Accepted by R&D"),
            ("made", "Made"),
            ("sent", "Sent"),
            ("feedback", "Feedback"),
            ("won", "Won"),
            ("lost", "Lost"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    submit_date = fields.Date(readonly=True, copy=False)
    accept_date = fields.Date(readonly=True, copy=False)
    made_date = fields.Date(readonly=True, copy=False)
    sent_date = fields.Date(readonly=True, copy=False)
    feedback_date = fields.Date(readonly=True, copy=False)
    close_date = fields.Date(readonly=True, copy=False)
    accepted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    feedback = fields.Text(string="Customer Feedback")
    feedback_result = fields.Selection(
        [("positive", "Positive"), ("negative", "Negative"), ("neutral", "Neutral")]
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Resulting Order",
        check_company=True,
        help="The order the sample led to (conversion).",
    )

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK (coalesce(estimated_cost, 0) >= 0 AND coalesce(fee_amount, 0) >= 0"
            " AND coalesce(quantity, 0) >= 0 AND coalesce(lead_time_days, 0) >= 0)",
            "Costs, fees, quantities and lead times of a sample request cannot "
            "be negative.",
        ),
    ]

    @api.model
    def _default_fee_amount(self):
        product = self.env.company.sales_sample_fee_product_id
        return product.lst_price if product else 0.0

    @api.depends("user_id")
    def _compute_team_id(self):
        for request in self:
            if request.user_id and not request.team_id:
                request.team_id = request.user_id.sale_team_id

    # --- CRUD --------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            default_fee = self._default_fee_amount()
            for vals in vals_list:
                if "fee_amount" in vals and vals["fee_amount"] != default_fee:
                    raise self._fee_amount_refusal()
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("sales.sample.request") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self._in_transition():
            if "fee_amount" in vals and not self.env.user.has_group(MANAGER_GROUP):
                raise self._fee_amount_refusal()
            frozen = DRAFT_FIELDS.intersection(vals)
            if frozen and self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._(
                        "The customer, specification, cost and fee waiver of a "
                        "sample request change only while it is a draft (sales "
                        "policy %(clause)s); make a new request instead.",
                        clause=self._policy_clause,
                    )
                )
            if {"feedback", "feedback_result"}.intersection(vals) and self.filtered(
                lambda r: r.state not in ("sent", "feedback")
            ):
                raise UserError(
                    self.env._(
                        "Customer feedback is recorded once the sample is sent "
                        "(sales policy %(clause)s).",
                        clause=self._policy_clause,
                    )
                )
        return super().write(vals)

    # --- approval engine ---------------------------------------------------------
    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        budgets = self._budget_overruns()
        for request in self:
            result[request.id].update(
                fee_waiver=bool(
                    request.fee_waiver_requested
                    and request.grade_fee_rule != FEE_WAIVED
                ),
                budget_overrun=budgets.get(request.id),
            )
        return result

    # --- checks --------------------------------------------------------------------
    def _check_role(self, group):
        if not self.env.su and not self.env.user.has_group(group):
            raise UserError(
                self.env._(
                    "This step of a sample request is for %(role)s (sales policy "
                    "%(clause)s). Ask them to do it.",
                    role=self.env.ref(group).name,
                    clause=self._policy_clause,
                )
            )
        self.check_access("write")

    def _check_state(self, states, step):
        for request in self:
            if request.state not in states:
                raise UserError(
                    self.env._(
                        "%(request)s cannot be %(step)s: it is %(state)s (sales "
                        "policy %(clause)s: request, R&D acceptance, made, sent, "
                        "feedback, won or lost, in that order).",
                        request=request.name,
                        step=step,
                        state=dict(
                            request._fields["state"]._description_selection(self.env)
                        )[request.state],
                        clause=self._policy_clause,
                    )
                )

    def _check_specification(self):
        for request in self:
            missing = [
                request._fields[name]._description_string(self.env)
                for name in SPEC_FIELDS
                if not request[name]
            ]
            if not (request.lead_time_days or request.requested_date):
                missing.append(self.env._("Lead Time or Wanted By"))
            if missing:
                raise UserError(
                    self.env._(
                        "%(request)s cannot go to R&D without its specification "
                        "(sales policy %(clause)s). Fill in: %(fields)s.",
                        request=request.name,
                        fields=", ".join(dict.fromkeys(missing)),
                        clause=self._policy_clause,
                    )
                )

    # --- actions -----------------------------------------------------------------
    @public_arguments(one=True)
    def action_submit(self):
        self.ensure_one()
        self._check_role(USER_GROUP)
        self._check_state(("draft",), self.env._("submitted"))
        self._check_specification()
        self._approval_check("submit", remember=True)
        self._transition(
            {"state": "submitted", "submit_date": fields.Date.context_today(self)}
        )
        return True

    @public_arguments(one=True)
    def action_accept(self):
        """R&D accepts: the fee rule of the customer's grade is applied."""
        self.ensure_one()
        self._check_role(RND_GROUP)
        self._check_state(("submitted",), self.env._("accepted"))
        rule = FEE_WAIVED if self.fee_waiver_requested else self._grade_fee_rule()
        vals = {
            "state": "accepted",
            "accept_date": fields.Date.context_today(self),
            "accepted_by_id": self.env.uid,
            "fee_rule": rule,
        }
        charge, refund = fee_plan(rule, self.fee_amount)
        if charge:
            vals["fee_order_id"] = self.sudo()._create_fee_quotation(charge).id
        if refund and not self.company_id.sales_sample_refund_used:
            self.company_id.sudo().sales_sample_refund_used = True
        self._transition(vals)
        return True

    @public_arguments(one=True)
    def action_made(self):
        self.ensure_one()
        self._check_role(RND_GROUP)
        self._check_state(("accepted",), self.env._("marked as made"))
        self._transition(
            {"state": "made", "made_date": fields.Date.context_today(self)}
        )
        return True

    @public_arguments(one=True)
    def action_send(self):
        self.ensure_one()
        self._check_role(USER_GROUP)
        self._check_state(("made",), self.env._("sent"))
        self._transition(
            {"state": "sent", "sent_date": fields.Date.context_today(self)}
        )
        return True

    @public_arguments(one=True)
    def action_feedback(self):
        self.ensure_one()
        self._check_role(USER_GROUP)
        self._check_state(("sent",), self.env._("closed with feedback"))
        if not (self.feedback and self.feedback_result):
            raise UserError(
                self.env._(
                    "Record the customer's feedback and its result on %(request)s "
                    "first (sales policy %(clause)s).",
                    request=self.name,
                    clause=self._policy_clause,
                )
            )
        self._transition(
            {"state": "feedback", "feedback_date": fields.Date.context_today(self)}
        )
        return True

    @public_arguments(one=True)
    def action_won(self):
        return self._close("won")

    @public_arguments(one=True)
    def action_lost(self):
        return self._close("lost")

    @public_arguments(one=True)
    def action_cancel(self):
        self.ensure_one()
        if not self.env.user.has_group(RND_GROUP):
            self._check_role(USER_GROUP)
        self._check_state(("draft", "submitted"), self.env._("cancelled"))
        self._transition({"state": "cancelled"})
        return True

    def _close(self, state):
        self.ensure_one()
        self._check_role(USER_GROUP)
        self._check_state(("feedback",), self.env._("closed"))
        self._transition(
            {"state": state, "close_date": fields.Date.context_today(self)}
        )
        return True
