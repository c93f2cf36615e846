# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_lt = LazyTranslate(__name__)

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"

#: clauses (``data/sales_policy_clause_data.xml``)
CLAUSE_STEPS = "SP-TND-01"
CLAUSE_DECISION = "SP-TND-02"
CLAUSE_REVIEW = "SP-TND-04"
CLAUSE_OUTCOME = "SP-TND-05"

FINAL_STATES = ("no_bid", "won", "lost", "cancelled")
#: what the tender is; frozen once the decision is requested (a manager may
#: still move the deadline of a postponed tender)
TERMS_FIELDS = {"partner_id", "kind", "estimated_value", "company_id", "deadline"}
#: the bid itself; frozen once it is submitted
BID_FIELDS = {"order_id", "attachment_ids"}
#: everything a user writes; frozen once the tender is closed
CONTENT_FIELDS = (
    TERMS_FIELDS
    | BID_FIELDS
    | {
        "title",
        "reference",
        "user_id",
        "team_id",
        "description",
        "winner_id",
        "result_line_ids",
        "outcome_note",
    }
)


class SalesTender(models.Model):
    """A tender or price comparison the customer invites us to (clause SP-TND-01).

    Draft → Decision Requested (the approval engine asks the sales manager,
    and senior management from the company's large-bid threshold, clauses
    SP-TND-02/03; approving means taking part) → Bid (a rejection: No Bid)
    → Submitted (after a sales manager reviewed the final quotation, clause
    SP-TND-04) → Won / Lost (the prices of the outcome become competitor
    price observations, clause SP-TND-05). Draft, decision and bid tenders
    may be cancelled. The state and what the steps record change only
    through the steps (protected fields).
    """

    _name = "sales.tender"
    _description = "Tender"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]
    _policy_clause = CLAUSE_STEPS
    _order = "deadline desc, id desc"
    _check_company_auto = True

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {
        "bid_decision": _lt("Bid / No-Bid Decision"),
        "submit_bid": _lt("Submit the Bid"),
    }
    _approval_amount_field = "estimated_value"
    _approval_currency_field = "currency_id"
    _approval_requester_field = "user_id"
    _approval_state_actions = {"bid": "bid_decision", "submitted": "submit_bid"}
    _approval_button_states = ("bid",)
    _protected_fields = [
        "state",
        "decision",
        "decided_by_id",
        "decision_date",
        "bid_reviewer_id",
        "submitted_date",
        "outcome_date",
    ]

    name = fields.Char(
        string="Number", readonly=True, copy=False, default="/", required=True
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    reference = fields.Char(
        string="Customer Reference",
        tracking=True,
        help="The customer's own number of the tender or price enquiry.",
    )
    kind = fields.Selection(
        [("price_comparison", "Price Comparison"), ("public_tender", "Public Tender")],
        required=True,
        default="price_comparison",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    deadline = fields.Datetime(
        required=True,
        index=True,
        tracking=True,
        help="Bids are due by this time; the bid/no-bid decision and the "
        "submission must come before it.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_value = fields.Monetary(
        tracking=True,
        help="What the tender is worth to us (untaxed, company currency); from "
        "the company's large-bid threshold senior management decides too.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [("share", "=", False)],
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    description = fields.Html(string="Requirements")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "sales_tender_ir_attachment_rel",
        "tender_id",
        "attachment_id",
        string="Bid Dossier",
        help="The tender documents and our bid documents.",
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Final Quotation",
        copy=False,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id)]",
        help="The quotation made for the bid; a sales manager reviews it "
        "before the bid is submitted.",
    )
    order_amount_untaxed = fields.Monetary(
        related="order_id.amount_untaxed",
        string="Bid Amount",
        currency_field="order_currency_id",
    )
    order_currency_id = fields.Many2one(
        related="order_id.currency_id", string="Quotation Currency"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("decision", "Decision Requested"),
            ("bid", "Bid"),
            ("no_bid", "No Bid"),
            ("submitted", "Submitted"),
            ("won", "Won"),
            ("lost", "Lost"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    decision = fields.Selection(
        [("bid", "Bid"), ("no_bid", "No Bid")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    decision_date = fields.Datetime(readonly=True, copy=False)
    bid_reviewer_id = fields.Many2one(
        "res.users", string="Bid Reviewed By", readonly=True, copy=False
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    outcome_date = fields.Date(readonly=True, copy=False)
    winner_id = fields.Many2one(
        "sales.competitor",
        copy=False,
        tracking=True,
        check_company=True,
        help="The competitor who won the tender (when we lost it).",
    )
    result_line_ids = fields.One2many(
        "sales.tender.result.line",
        "tender_id",
        string="Outcome Prices",
        copy=False,
        help="The prices of the outcome per competitor and product; they become "
        "competitor price observations when the outcome is recorded.",
    )
    outcome_note = fields.Text()
    competitor_price_ids = fields.One2many(
        "sales.competitor.price", "tender_id", string="Competitor Prices"
    )
    competitor_price_count = fields.Integer(compute="_compute_competitor_price_count")

    _sql_constraints = [
        (
            "order_uniq",
            "UNIQUE (order_id)",
            "A quotation is the final bid of one tender only.",
        ),
        (
            "estimated_value_positive",
            "CHECK (estimated_value IS NULL OR estimated_value >= 0)",
            "The estimated value of a tender cannot be negative.",
        ),
    ]

    @api.depends("user_id")
    def _compute_team_id(self):
        for tender in self:
            tender.team_id = tender.user_id.sale_team_id

    def _compute_competitor_price_count(self):
        counts = dict(
            self.env["sales.competitor.price"]._read_group(
                [("tender_id", "in", self.ids)], ["tender_id"], ["__count"]
            )
        )
        for tender in self:
            tender.competitor_price_count = counts.get(tender, 0)

    @api.constrains("order_id", "partner_id")
    def _check_order_partner(self):
        for tender in self.filtered("order_id"):
            order_partner = tender.order_id.partner_id.commercial_partner_id
            if order_partner != tender.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The final quotation %(order)s is for %(order_partner)s, "
                        "not for the customer of %(tender)s (%(partner)s). Link a "
                        "quotation made for the tender's customer.",
                        order=tender.order_id.name,
                        order_partner=order_partner.display_name,
                        tender=tender.display_name,
                        partner=tender.partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("sales.tender") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self._in_transition():
            self._check_editable(vals)
        return super().write(vals)

    def _check_editable(self, vals):
        """Terms frozen from the decision request, the bid from submission,
        everything once the tender is closed (clause SP-TND-01)."""
        keys = set(vals)
        is_manager = self.env.user.has_group(MANAGER_GROUP)
        for tender in self:
            if tender.state in FINAL_STATES:
                frozen = keys & CONTENT_FIELDS
            else:
                frozen = set()
                if tender.state != "draft":
                    frozen |= keys & (
                        TERMS_FIELDS - ({"deadline"} if is_manager else set())
                    )
                if tender.state == "submitted":
                    frozen |= keys & BID_FIELDS
            if frozen:
                self.check_access("write")
                labels = ", ".join(
                    sorted(
                        self._fields[n]._description_string(self.env) for n in frozen
                    )
                )
                raise UserError(
                    self.env._(
                        "%(fields)s of %(tender)s cannot change any more: it is "
                        "%(state)s (sales policy %(clause)s: the decision and the "
                        "review hold for the tender as it was decided). Cancel it "
                        "and record a new tender if the tender itself changed.",
                        fields=labels,
                        tender=tender.display_name,
                        state=tender._state_label(),
                        clause=CLAUSE_STEPS,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if not self.env.su and self.filtered(
            lambda t: t.state not in ("draft", "cancelled")
        ):
            raise UserError(
                self.env._(
                    "Only draft or cancelled tenders can be deleted (sales policy "
                    "%(clause)s). Cancel the tender instead.",
                    clause=CLAUSE_STEPS,
                )
            )

    # ------------------------------------------------------------------
    # Approval engine hooks
    # ------------------------------------------------------------------
    def _get_approval_fingerprint_data(self):
        """The decision holds for the customer and value decided; the review
        for the quotation as reviewed."""
        result = {}
        for tender in self.sudo():
            data = [tender.partner_id.id, tender.estimated_value, tender.kind]
            if tender.state not in ("draft", "decision"):
                order = tender.order_id
                data += [order.id, order.amount_untaxed, order.amount_total]
            result[tender.id] = data
        return result

    def _get_approval_conflicted_users(self):
        # the salesperson never decides on their own tender
        return {tender.id: tender.user_id for tender in self}

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        tenders = self.sudo()
        deciding = tenders.filtered(lambda t: t.state == "decision")
        deciding._check_before_deadline(self.env._("decided"), CLAUSE_DECISION)
        reviewing = tenders.filtered(lambda t: t.state == "bid")
        if decision != "approved":
            deciding._decide_bid("no_bid", self.env.user)
            for tender in reviewing:
                tender._approval_message(
                    self.env._(
                        "Final bid rejected by %(user)s: revise the quotation and "
                        "request approval again.",
                        user=self.env.user.name,
                    )
                )
            return res
        status = deciding._approval_status_by_record("bid_decision")
        deciding.filtered(
            lambda t: status.get(t.id, ("none",))[0] in ("none", "approved")
        )._decide_bid("bid", self.env.user)
        status = reviewing._approval_status_by_record("submit_bid")
        reviewing.filtered(
            lambda t: status.get(t.id, ("none",))[0] == "approved"
        )._transition({"bid_reviewer_id": self.env.uid})
        return res

    def _decide_bid(self, decision, user):
        """Record the bid/no-bid decision (callers checked the right)."""
        if not self:
            return
        self._transition(
            {
                "state": decision,
                "decision": decision,
                "decided_by_id": user.id,
                "decision_date": fields.Datetime.now(),
            }
        )
        if decision == "no_bid":
            # nothing left for the other approvers to decide
            self._approval_requests(states=("pending",))._mark_outdated()

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _check_state(self, expected, action):
        for tender in self:
            if tender.state not in expected:
                raise UserError(
                    self.env._(
                        "%(tender)s cannot be %(action)s: it is %(state)s "
                        "(sales policy %(clause)s).",
                        tender=tender.display_name,
                        action=action,
                        state=tender._state_label(),
                        clause=CLAUSE_STEPS,
                    )
                )

    def _check_can_act(self):
        """The tender's salesperson or a sales manager moves it on."""
        user = self.env.user
        if not user.has_group(MANAGER_GROUP):
            others = self.filtered(lambda t: t.user_id != user)
            if others:
                raise UserError(
                    self.env._(
                        "Only the salesperson of %(tender)s or a sales manager can "
                        "move it on (sales policy %(clause)s).",
                        tender=others[0].display_name,
                        clause=CLAUSE_STEPS,
                    )
                )
        self.check_access("write")

    def _check_before_deadline(self, action, clause):
        now = fields.Datetime.now()
        for tender in self:
            if tender.deadline <= now:
                raise UserError(
                    self.env._(
                        "%(tender)s cannot be %(action)s any more: its deadline "
                        "%(deadline)s has passed (sales policy %(clause)s: bids "
                        "are decided and submitted before the deadline). Cancel "
                        "the tender, or ask a sales manager to record the "
                        "customer's new deadline first.",
                        tender=tender.display_name,
                        action=action,
                        deadline=fields.Datetime.to_string(
                            fields.Datetime.context_timestamp(self, tender.deadline)
                        ),
                        clause=clause,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_request_decision(self):
        """Ask for the bid/no-bid decision: the approval engine asks the sales
        managers (and senior management for a large tender); without an
        applicable rule the tender is a bid at once."""
        self.ensure_one()
        self._check_can_act()
        self._check_state(("draft",), self.env._("submitted for decision"))
        self._check_before_deadline(self.env._("decided"), CLAUSE_DECISION)
        if not self.estimated_value:
            raise UserError(
                self.env._(
                    "Enter the estimated value of %(tender)s first: it decides "
                    "who approves the bid (sales policy %(clause)s).",
                    tender=self.display_name,
                    clause=CLAUSE_DECISION,
                )
            )
        self._transition({"state": "decision"})
        self._approval_submit()
        status = self._approval_status_by_record("bid_decision")
        if status.get(self.id, ("none",))[0] == "none":
            self.sudo()._decide_bid("bid", self.env["res.users"])
            self._approval_message(
                self.env._(
                    "No approval rule applies to this tender: the bid was "
                    "decided at once."
                )
            )
        return True

    @public_arguments
    def action_request_approval(self):
        """The review of the final bid needs the final quotation."""
        missing = self.filtered(lambda t: t.state == "bid" and not t.order_id)
        if missing:
            raise UserError(
                self.env._(
                    "Link the final quotation of %(tender)s first: the sales "
                    "manager reviews the bid as quoted (sales policy %(clause)s).",
                    tender=missing[0].display_name,
                    clause=CLAUSE_REVIEW,
                )
            )
        self._check_can_act()
        self._check_state(("bid",), self.env._("submitted for review"))
        return super().action_request_approval()

    @public_arguments(one=True)
    def action_new_quotation(self):
        """A quotation for the tender's customer, linked as the final bid."""
        self.ensure_one()
        self._check_can_act()
        self._check_state(("bid",), self.env._("quoted"))
        if self.order_id:
            raise UserError(
                self.env._(
                    "%(tender)s already has its final quotation %(order)s.",
                    tender=self.display_name,
                    order=self.order_id.name,
                )
            )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_id.id,
                "user_id": self.user_id.id,
                "team_id": self.team_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
            }
        )
        self.order_id = order
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
        }

    @public_arguments(one=True)
    def action_submit_bid(self):
        """Submit the bid once a sales manager reviewed the final quotation."""
        self.ensure_one()
        self._check_can_act()
        self._check_state(("bid",), self.env._("submitted"))
        if not self.order_id:
            raise UserError(
                self.env._(
                    "Link the final quotation of %(tender)s before submitting the "
                    "bid (sales policy %(clause)s).",
                    tender=self.display_name,
                    clause=CLAUSE_REVIEW,
                )
            )
        self._check_before_deadline(self.env._("submitted"), CLAUSE_STEPS)
        self._approval_check("submit_bid", remember=True)
        self._transition(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        return True

    @public_arguments(one=True)
    def action_mark_won(self):
        """We won: the competitors' prices known are recorded."""
        self.ensure_one()
        self._check_can_act()
        self._check_state(("submitted",), self.env._("won"))
        self.env["sales.tender.outcome"]._record(self, "won")
        return True

    @public_arguments(one=True)
    def action_mark_lost(self):
        """We lost: the winner and its price are recorded."""
        self.ensure_one()
        self._check_can_act()
        self._check_state(("submitted",), self.env._("lost"))
        self.env["sales.tender.outcome"]._record(self, "lost")
        return True

    @public_arguments(one=True)
    def action_cancel(self):
        self.ensure_one()
        self._check_can_act()
        self._check_state(("draft", "decision", "bid"), self.env._("cancelled"))
        self._transition({"state": "cancelled"})
        self._approval_requests(states=("pending",))._mark_outdated()
        return True

    @public_arguments(one=True)
    def action_view_competitor_prices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_competitor.sales_competitor_price_action"
        )
        action["domain"] = [("tender_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
