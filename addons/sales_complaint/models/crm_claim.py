# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint register (policy §6.3) on OCA ``crm.claim``.

A complaint is registered (backend, portal or an email to the claims alias),
routed to a responsible rep and a department, answered before a deadline set
by its severity, resolved, confirmed by the customer and closed (a
compensation needs the approval engine), then revisited: the customer's 1–5
score is recorded as a satisfaction response, and a customer who is not
satisfied re-opens the complaint (re-handling, counted).

The state and every date/decision of the flow are protected fields
(``sales.policy.transition.mixin``): only the ``action_*`` methods write
them, after checking the caller's group and access. The first response and
its deadline are in ``sales_complaint_response_mixin.py``, the revisit and
the re-handling in ``sales_complaint_revisit_mixin.py``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.crm_claim.models.crm_claim import CrmClaim as OcaCrmClaim
from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from .sales_complaint_response_mixin import RESPONSE_PROTECTED_FIELDS
from .sales_complaint_revisit_mixin import REVISIT_PROTECTED_FIELDS

_lt = LazyTranslate(__name__)

USER_GROUP = "sales_policy_base.group_sales_policy_user"
#: clause (data/sales_policy_clause_data.xml) named by refusals other than
#: the handling flow's own (``_policy_clause``; the deadline's is in the
#: response mixin)
COMPENSATION_CLAUSE = "SP-CPL-03"
CATEGORIES = [
    ("quality", "Quality"),
    ("delivery", "Delivery"),
    ("service", "Service"),
    ("billing", "Billing"),
    ("other", "Other"),
]
SEVERITIES = [
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("critical", "Critical"),
]
STATES = [
    ("new", "Registered"),
    ("routed", "Routed"),
    ("answered", "Answered"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
]
#: the OCA stage each state shows in the claims' kanban/list
STATE_STAGES = {
    "new": "crm_claim.stage_claim1",
    "routed": "crm_claim.stage_claim1",
    "answered": "crm_claim.stage_claim5",
    "resolved": "crm_claim.stage_claim5",
    "closed": "crm_claim.stage_claim2",
}


class CrmClaim(models.Model):
    _name = "crm.claim"
    _inherit = [
        "crm.claim",
        "sales.policy.approval.mixin",
        "portal.mixin",
        "sales.complaint.response.mixin",
        "sales.complaint.revisit.mixin",
    ]

    _policy_clause = "SP-CPL-01"
    _approval_actions = {"close": _lt("Close")}
    _approval_metrics = {"compensation": (_lt("Compensation"), "number")}
    _approval_amount_field = "compensation_amount"
    _approval_state_field = "complaint_state"
    _approval_button_states = ("resolved",)
    _approval_fingerprint_fields = ["compensation_amount", "resolution"]
    _protected_fields = [
        "complaint_state",
        "stage_id",
        "complaint_number",
        "resolved_date",
        "customer_confirmed",
        "customer_confirmed_date",
        "date_closed",
        *RESPONSE_PROTECTED_FIELDS,
        *REVISIT_PROTECTED_FIELDS,
    ]
    #: written only while the complaint is open (a closed complaint's record
    #: of what was decided stays as it was closed)
    _locked_when_closed = ["resolution", "compensation_amount", "partner_id"]

    complaint_number = fields.Char(
        string="Complaint No.", readonly=True, copy=False, index=True
    )
    complaint_state = fields.Selection(
        STATES,
        string="Status",
        # not NOT NULL: crm_claim's own data may create claims while the
        # registry does not know this field yet (an empty status reads as new)
        default="new",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    intake_channel = fields.Selection(
        [("backend", "Registered by Staff"), ("email", "Email"), ("portal", "Portal")],
        default="backend",
        readonly=True,
        copy=False,
    )
    # required in the views, not NOT NULL (see complaint_state)
    complaint_category = fields.Selection(CATEGORIES, default="other")
    severity = fields.Selection(SEVERITIES, default="normal", tracking=True)
    commercial_partner_id = fields.Many2one(
        "res.partner",
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    invoice_id = fields.Many2one(
        "account.move",
        check_company=True,
        domain="[('move_type', 'in', ('out_invoice', 'out_refund')), "
        "('partner_id', 'child_of', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", check_company=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    compensation_amount = fields.Monetary(
        string="Compensation",
        tracking=True,
        help="What the company grants the customer; closing with a "
        "compensation needs the approval of a sales manager.",
    )
    resolved_date = fields.Datetime(readonly=True, copy=False)
    customer_confirmed = fields.Boolean(
        string="Confirmed by the Customer", readonly=True, copy=False, tracking=True
    )
    customer_confirmed_date = fields.Datetime(readonly=True, copy=False)

    # --- computes ------------------------------------------------------------
    def _compute_access_url(self):
        for claim in self:
            claim.access_url = f"/my/complaints/{claim.id}"

    # --- constraints ---------------------------------------------------------
    @api.constrains("compensation_amount")
    def _check_compensation_amount(self):
        for claim in self:
            if claim.compensation_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The compensation of %(complaint)s cannot be negative "
                        "(sales policy %(clause)s).",
                        complaint=claim.display_name,
                        clause=COMPENSATION_CLAUSE,
                    )
                )

    # --- CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._complaint_routing_defaults(vals)
        claims = super().create(vals_list)
        if not self.env.su:
            claims._check_deadline_at_creation()
        sequence = self.env["ir.sequence"].sudo()
        for claim in claims:
            claim._transition(
                {
                    "complaint_number": sequence.with_company(
                        claim.company_id
                    ).next_by_code("sales.complaint")
                    or "/",
                }
            )
        return claims

    @api.model
    def _complaint_routing_defaults(self, vals):
        """The customer's salesperson and the salesperson's sales team, unless given."""
        partner = self.env["res.partner"].browse(vals.get("partner_id") or [])
        if not partner:
            return
        partner = partner.sudo()
        salesperson = partner.commercial_partner_id.user_id or partner.user_id
        team = salesperson.sale_team_id
        if "user_id" not in vals and salesperson:
            vals["user_id"] = salesperson.id
        if "team_id" not in vals and team:
            vals["team_id"] = team.id

    def write(self, vals):
        locked = set(self._locked_when_closed).intersection(vals)
        if locked and not self.env.su and not self._in_transition():
            closed = self.filtered(lambda c: c.complaint_state == "closed")
            if closed:
                raise UserError(
                    self.env._(
                        "%(complaint)s is closed: what was decided stays as it "
                        "was closed (sales policy %(clause)s, §6.3). Re-open it "
                        "through a revisit if the customer is not satisfied.",
                        complaint=closed[0].display_name,
                        clause=self._policy_clause,
                    )
                )
        return super().write(vals)

    def copy(self, default=None):
        # crm_claim's copy moves each copy to the first stage by a plain write;
        # here the copy starts at its defaults (protected fields are not copied)
        default = dict(default or {})
        copies = self.browse()
        for claim in self:
            values = dict(default)
            values.setdefault("name", self.env._("%(name)s (copy)", name=claim.name))
            copies |= super(OcaCrmClaim, claim).copy(values)
        return copies

    # --- mail gateway ----------------------------------------------------------
    @api.model
    def message_new(self, msg, custom_values=None):
        """An email to the claims alias registers a complaint of its sender."""
        values = dict(custom_values or {})
        values.setdefault("intake_channel", "email")
        if not msg.get("author_id") and msg.get("email_from"):
            partner = self.env["res.partner"].search(
                [("email", "=ilike", msg["email_from"])], limit=1
            )
            if partner:
                values.setdefault("partner_id", partner.id)
        return super().message_new(msg, custom_values=values)

    # --- actions ---------------------------------------------------------------
    def _check_handler(self):
        """The caller is a salesperson (or above) who may write these complaints."""
        if not self.env.su and not self.env.user.has_group(USER_GROUP):
            raise UserError(
                self.env._(
                    "Only salespeople and sales managers handle complaints "
                    "(sales policy %(clause)s, §6.3).",
                    clause=self._policy_clause,
                )
            )
        self.check_access("write")

    def _check_state(self, allowed, action_label):
        for claim in self:
            if (claim.complaint_state or "new") not in allowed:
                raise UserError(
                    self.env._(
                        "%(action)s is not possible for %(complaint)s in the "
                        "status %(state)s (sales policy %(clause)s: a complaint "
                        "is routed, answered, resolved and closed in this order).",
                        action=action_label,
                        clause=self._policy_clause,
                        complaint=claim.display_name,
                        state=dict(
                            self._fields["complaint_state"]._description_selection(
                                self.env
                            )
                        )[claim.complaint_state],
                    )
                )

    def _move_to(self, state, vals=None):
        values = dict(vals or {}, complaint_state=state)
        stage = self.env.ref(STATE_STAGES[state], raise_if_not_found=False)
        if stage:
            values["stage_id"] = stage.id
        return self._transition(values)

    @public_arguments
    def action_route(self):
        """Route the complaint to its responsible rep and department."""
        self._check_handler()
        self._check_state(("new", "routed"), self.env._("Routing"))
        for claim in self:
            if not claim.user_id or not claim.team_id:
                raise UserError(
                    self.env._(
                        "Set the responsible rep and the department (sales "
                        "team) of %(complaint)s before routing it (sales policy "
                        "%(clause)s).",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )
        for claim in self:
            claim._move_to("routed")
            claim.message_subscribe(partner_ids=claim.user_id.partner_id.ids)
            claim.message_post(
                body=self.env._(
                    "Routed to %(user)s (%(team)s).",
                    user=claim.user_id.name,
                    team=claim.team_id.name,
                )
            )
        return True

    @public_arguments
    def action_resolve(self):
        """The resolution is agreed: wait for the customer's confirmation."""
        self._check_handler()
        self._check_state(("answered",), self.env._("Resolving"))
        for claim in self:
            if not (claim.resolution or "").strip():
                raise UserError(
                    self.env._(
                        "Write the resolution of %(complaint)s before resolving "
                        "it (sales policy %(clause)s, §6.3: a complaint is closed "
                        "on its resolution).",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )
        self._move_to("resolved", {"resolved_date": fields.Datetime.now()})
        return True

    @public_arguments
    def action_customer_confirm(self):
        """The customer confirmed the resolution."""
        self._check_handler()
        self._check_state(("resolved",), self.env._("The customer's confirmation"))
        self._transition(
            {
                "customer_confirmed": True,
                "customer_confirmed_date": fields.Datetime.now(),
            }
        )
        return True

    @public_arguments
    def action_close(self):
        """Close the complaint; a compensation needs the approval engine."""
        self._check_handler()
        self._check_state(("resolved",), self.env._("Closing"))
        for claim in self:
            if not (claim.resolution or "").strip():
                raise UserError(
                    self.env._(
                        "%(complaint)s has no resolution: it cannot be closed "
                        "(sales policy %(clause)s). Write the resolution first.",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )
            if not claim.customer_confirmed:
                raise UserError(
                    self.env._(
                        "The customer has not confirmed the resolution of "
                        "%(complaint)s (sales policy %(clause)s): record the "
                        "confirmation first.",
                        complaint=claim.display_name,
                        clause=self._policy_clause,
                    )
                )
        self._approval_check("close")
        self._move_to("closed", {"date_closed": fields.Datetime.now()})
        for claim in self:
            claim._complaint_request_survey()
        return True

    def _complaint_request_survey(self):
        """Send the complaint-closed satisfaction survey (sales_satisfaction)."""
        self.ensure_one()
        partner = self.partner_id.sudo()
        if not partner:
            return
        try:
            with self.env.cr.savepoint():
                partner._sales_satisfaction_request("complaint", origin=self)
        except UserError as error:
            # the complaint is closed all the same; the rep sees why no survey left
            self.message_post(
                body=self.env._(
                    "No satisfaction survey was sent: %(reason)s", reason=str(error)
                )
            )

    # --- approval engine -------------------------------------------------------
    def _get_approval_values(self, needed=None):
        values = super()._get_approval_values(needed=needed)
        for claim in self:
            values[claim.id]["compensation"] = claim.compensation_amount
        return values
