# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_lt = LazyTranslate(__name__)

LEGAL_REVIEW_STATES = [
    ("not_requested", "Not Requested"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
#: the step the legal review gates: entering a stage that requires it
CONTRACT_ACTION = "contract"
#: engine status -> legal review state shown on the opportunity
LEGAL_STATE_BY_STATUS = {
    "to_submit": "not_requested",
    "pending": "requested",
    "approved": "approved",
    "rejected": "rejected",
}


class CrmLead(models.Model):
    """Opportunities on the development pipeline.

    The legal review of the contract (clause SP-DEV-02) runs on the approval
    engine: the shipped rule (any legal reviewer, on opportunities of the
    development pipeline) gates the ``contract`` step, i.e. entering a stage
    that requires the legal review (``_check_stage_approvals``). The rep
    clicks *Request Approval*; legal reviewers decide in *My Approvals* or with
    the form's *Approve* / *Reject*. ``legal_review_state``, the reviewer and
    the date mirror the engine's decision (``_approval_on_decision``) and are
    protected: no other path writes them.
    """

    _name = "crm.lead"
    _inherit = ["crm.lead", "sales.policy.approval.mixin"]
    _policy_clause = "SP-DEV-02"

    # Approval engine (sales.policy.approval.mixin)
    _approval_actions = {CONTRACT_ACTION: _lt("Enter the Contract Stage")}
    _approval_amount_field = "expected_revenue"
    _approval_currency_field = "company_currency"
    _approval_requester_field = "user_id"
    _protected_fields = [
        "legal_review_state",
        "legal_reviewer_id",
        "legal_review_date",
        "dev_credit_checked_by_id",
        "dev_credit_check_date",
    ]
    # what legal approves: changing it after approval re-opens the review
    # (and lets a rejected contract be submitted again once amended)
    _approval_fingerprint_fields = [
        "expected_revenue",
        "needs_analysis",
        "legal_review_note",
    ]

    dev_stage = fields.Selection(related="stage_id.dev_stage")
    needs_analysis = fields.Text(
        tracking=True,
        help="The customer's needs as found in the needs analysis; required "
        "before a proposal.",
    )
    negotiation_note = fields.Text(
        tracking=True,
        help="The negotiation record: the points agreed with the customer "
        "(price, volumes, terms); required before the contract.",
    )
    # lists of suite records: hidden from Odoo users outside the suite's groups
    contact_plan_ids = fields.One2many(
        "sales.contact.plan",
        "lead_id",
        string="Planned Contacts",
        groups="sales_policy_base.group_sales_policy_user",
    )
    contact_plan_count = fields.Integer(
        compute="_compute_contact_plan_count",
        groups="sales_policy_base.group_sales_policy_user",
    )
    visit_report_ids = fields.One2many(
        "sales.visit.report",
        "lead_id",
        string="Visit Reports",
        groups="sales_policy_base.group_sales_policy_user",
    )
    recovery_plan_ids = fields.One2many(
        "sales.recovery.plan",
        "lead_id",
        string="Recovery Plans",
        groups="sales_policy_base.group_sales_policy_user",
    )
    legal_review_state = fields.Selection(
        LEGAL_REVIEW_STATES,
        default="not_requested",
        # no NOT NULL column on Odoo's own table: a registry without this
        # module (loading the modules below it, e.g. on their upgrade) must
        # still create records; an empty value reads as the default
        copy=False,
        tracking=True,
        readonly=True,
        help="The legal review of the contract as the approval engine decided "
        "it (clause SP-DEV-02); set by Request Approval and the legal "
        "reviewer's decision only.",
    )
    legal_reviewer_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    legal_review_date = fields.Datetime(readonly=True, copy=False)
    legal_review_note = fields.Text(
        copy=False,
        tracking=True,
        help="What legal should know about the contract. Changing it after the "
        "review re-opens the review.",
    )

    @api.depends("contact_plan_ids")
    def _compute_contact_plan_count(self):
        for lead in self:
            lead.contact_plan_count = len(lead.contact_plan_ids)

    def _get_dev_stage_missing(self):
        """Return the list of what this lead lacks to sit in its stage.

        The legal review is the approval engine's (``_check_stage_approvals``).
        """
        self.ensure_one()
        stage = self.stage_id
        missing = []
        if stage.dev_require_contact_info and not (
            self.partner_id or self.contact_name or self.email_from or self.phone
        ):
            missing.append(self.env._("a customer, contact name, email or phone"))
        if stage.dev_require_contact_plan and not self.contact_plan_ids:
            missing.append(self.env._("at least one planned contact"))
        if stage.dev_require_needs and not (self.needs_analysis or "").strip():
            missing.append(self.env._("the needs analysis"))
        if stage.dev_require_expected_revenue and self.expected_revenue <= 0:
            missing.append(self.env._("a positive expected revenue"))
        if (
            stage.dev_require_negotiation_note
            and not (self.negotiation_note or "").strip()
        ):
            missing.append(self.env._("the negotiation note with the agreed points"))
        if stage.dev_require_meeting and not self._has_dev_meeting():
            missing.append(
                self.env._("a meeting in the calendar with the customer's attendees")
            )
        if stage.dev_require_partner and not self.partner_id:
            missing.append(self.env._("a linked customer record"))
        return missing

    def _has_dev_meeting(self):
        """A meeting of the opportunity with attendees besides its organizer
        (the kick-off meeting, customer development policy)."""
        self.ensure_one()
        events = (
            self.env["calendar.event"].sudo().search([("opportunity_id", "=", self.id)])
        )
        return any(event.partner_ids - event.user_id.partner_id for event in events)

    @api.constrains(
        "stage_id",
        "partner_id",
        "contact_name",
        "email_from",
        "phone",
        "contact_plan_ids",
        "needs_analysis",
        "expected_revenue",
        "negotiation_note",
    )
    def _check_dev_stage_requirements(self):
        for lead in self.filtered("stage_id.dev_stage"):
            missing = lead._get_dev_stage_missing()
            if missing:
                raise ValidationError(
                    self.env._(
                        "The opportunity %(lead)s cannot be in the stage %(stage)s "
                        "without %(missing)s (customer development policy: each "
                        "stage has its required information). Record it first, "
                        "then move the opportunity.",
                        lead=lead.name,
                        stage=lead.stage_id.name,
                        missing="; ".join(missing),
                    )
                )

    @api.constrains("partner_id")
    def _check_partner_confidential(self):
        """A rep puts only customers they may read on an opportunity (SP-DEV-06)."""
        for lead in self.filtered("partner_id"):
            lead.partner_id._check_confidential_for(lead)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_partner_vals_confidential(vals)
        leads = super().create(vals_list)
        leads._check_stage_approvals()
        return leads

    def write(self, vals):
        self._check_partner_vals_confidential(vals)
        res = super().write(vals)
        if "stage_id" in vals or "type" in vals:
            self._check_stage_approvals()
        return res

    def _check_partner_vals_confidential(self, vals):
        """Refuse a customer the user may not read before Odoo's own
        computations copy its name onto the opportunity (SP-DEV-06)."""
        if vals.get("partner_id") and not self.env.su:
            partner = self.env["res.partner"].browse(vals["partner_id"])
            partner._check_confidential_for(self)

    # ------------------------------------------------------------------
    # Legal review (approval engine)
    # ------------------------------------------------------------------
    def _check_stage_approvals(self):
        """Entering a stage that requires the legal review: every approval
        rule of the contract step must have approved the opportunity as it is
        now (clause SP-DEV-02). Whatever the path: write, create, copy,
        batch, import; the superuser (data files) is not gated."""
        if self.env.su:
            return
        leads = self.filtered("stage_id.dev_require_legal_review")
        if not leads:
            return
        missing = leads._approval_missing(CONTRACT_ACTION)
        for lead in leads:
            if missing.get(lead.id):
                raise ValidationError(
                    self.env._(
                        "The opportunity %(lead)s cannot enter the stage %(stage)s "
                        "without a legal review approved by a legal reviewer "
                        "(customer development policy, clause SP-DEV-02); still "
                        "to approve: %(rules)s. Click Request Approval on the "
                        "opportunity, then move it once approved.",
                        lead=lead.name,
                        stage=lead.stage_id.name,
                        rules=", ".join(missing[lead.id]),
                    )
                )

    def _legal_review_sync(self, decided_by=None):
        """Mirror the engine's status of the contract step on the legal
        review fields (the engine's own transition: they are protected)."""
        status = self._approval_status_by_record(CONTRACT_ACTION)
        now = fields.Datetime.now()
        for lead in self:
            engine_status = status.get(lead.id, ("none",))[0]
            state = LEGAL_STATE_BY_STATUS.get(engine_status)
            if not state:
                continue
            vals = {}
            if state != lead.legal_review_state:
                vals["legal_review_state"] = state
            if state in ("approved", "rejected"):
                if decided_by:
                    vals.update(legal_reviewer_id=decided_by.id, legal_review_date=now)
            elif lead.legal_reviewer_id or lead.legal_review_date:
                vals.update(legal_reviewer_id=False, legal_review_date=False)
            if vals:
                # the engine checked who submits and who decides; a legal
                # reviewer only reads opportunities
                lead.sudo()._transition(vals)

    def _approval_submit(self, post_message=True, strict=True):
        requests = super()._approval_submit(post_message=post_message, strict=strict)
        self._legal_review_sync()
        return requests

    def _approval_refresh(self):
        # only opportunities under review have requests to re-open
        reviewed = self.filtered(
            lambda lead: isinstance(lead.id, int)
            and lead.legal_review_state in ("requested", "approved")
        )
        res = super()._approval_refresh()
        reviewed._legal_review_sync()
        return res

    def _approval_on_decision(self, requests, decision):
        res = super()._approval_on_decision(requests, decision)
        self._legal_review_sync(decided_by=self.env.user)
        return res

    def _protected_refusal(self, names):
        return AccessError(
            self.env._(
                "The legal review of an opportunity (state, reviewer, date) is "
                "decided by a legal reviewer through the approval engine, in My "
                "Approvals or with the Approve and Reject buttons (customer "
                "development policy, clause SP-DEV-02). Request the review with "
                "Request Approval instead."
            )
        )

    def _approval_decide_mine(self, decision):
        """The form's Approve / Reject: who no request waits for is told
        who decides (a legal reviewer), naming the clause."""
        if not self._approval_my_pending_requests():
            raise AccessError(
                self.env._(
                    "No legal review of %(leads)s waits for your decision: the "
                    "contract is approved or rejected by the approvers of its "
                    "pending request, a legal reviewer who did not submit it "
                    "(customer development policy, clause SP-DEV-02).",
                    leads=", ".join(self.mapped("name")),
                )
            )
        return super()._approval_decide_mine(decision)

    @public_arguments
    def action_request_approval(self):
        """Submit the contract for its legal review: only who may edit the
        opportunity, and not twice once approved."""
        self.check_access("write")
        status = self._approval_status_by_record(CONTRACT_ACTION)
        approved = self.filtered(
            lambda lead: status.get(lead.id, ("none",))[0] == "approved"
        )
        if approved:
            raise UserError(
                self.env._(
                    "The contract of %(lead)s is already approved by legal.",
                    lead=approved[0].name,
                )
            )
        return super().action_request_approval()

    @api.model
    def _approval_inject_form(self, form):
        # the kanban quick-create form (no sheet) stays as Odoo made it
        if form.find("sheet") is None:
            return
        return super()._approval_inject_form(form)

    @public_arguments(one=True)
    def action_create_recovery_plan(self):
        self.ensure_one()
        if self.active or self.probability:
            raise UserError(
                self.env._(
                    "%(lead)s is not lost. A recovery plan is made for a lost "
                    "opportunity or an inactive customer: mark the opportunity as "
                    "lost first.",
                    lead=self.name,
                )
            )
        plan = self.env["sales.recovery.plan"].create(
            {
                "lead_id": self.id,
                "partner_id": self.partner_id.commercial_partner_id.id,
                "user_id": self.user_id.id or self.env.user.id,
                "lost_reason_id": self.lost_reason_id.id,
                "company_id": self.company_id.id or self.env.company.id,
            }
        )
        return plan._get_records_action()

    @public_arguments(one=True)
    def action_view_contact_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_customer_dev.sales_contact_plan_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action
