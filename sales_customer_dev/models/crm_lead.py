# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

LEGAL_REVIEW_STATES = [
    ("not_requested", "Not Requested"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
LEGAL_GROUP = "sales_policy_base.group_sales_policy_legal_reviewer"


class CrmLead(models.Model):
    _inherit = "crm.lead"

    dev_stage = fields.Selection(related="stage_id.dev_stage")
    needs_analysis = fields.Text(
        tracking=True,
        help="The customer's needs as found in the needs analysis; required "
        "before a proposal.",
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
    )
    legal_reviewer_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    legal_review_date = fields.Datetime(readonly=True, copy=False)
    legal_review_note = fields.Text(copy=False, tracking=True)

    @api.depends("contact_plan_ids")
    def _compute_contact_plan_count(self):
        for lead in self:
            lead.contact_plan_count = len(lead.contact_plan_ids)

    def _get_dev_stage_missing(self):
        """Return the list of what this lead lacks to sit in its stage."""
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
        if stage.dev_require_legal_review and self.legal_review_state != "approved":
            missing.append(self.env._("a legal review approved by a legal reviewer"))
        if stage.dev_require_partner and not self.partner_id:
            missing.append(self.env._("a linked customer record"))
        return missing

    @api.constrains(
        "stage_id",
        "partner_id",
        "contact_name",
        "email_from",
        "phone",
        "contact_plan_ids",
        "needs_analysis",
        "expected_revenue",
        "legal_review_state",
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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_legal_review_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_legal_review_vals(vals)
        return super().write(vals)

    def _check_legal_review_vals(self, vals):
        """Only legal reviewers record the outcome of a legal review."""
        decided = vals.get("legal_review_state") in ("approved", "rejected")
        if (
            (decided or vals.get("legal_reviewer_id") or vals.get("legal_review_date"))
            and not self.env.su
            and not self.env.user.has_group(LEGAL_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only a legal reviewer can approve or reject the legal review "
                    "of a contract (customer development policy). Request the "
                    "review instead."
                )
            )

    def action_request_legal_review(self):
        self.ensure_one()
        if self.legal_review_state == "approved":
            raise UserError(
                self.env._(
                    "The contract of %(lead)s is already approved by legal.",
                    lead=self.name,
                )
            )
        self.write(
            {
                "legal_review_state": "requested",
                "legal_reviewer_id": False,
                "legal_review_date": False,
            }
        )
        return True

    def _legal_review_decide(self, state):
        self.ensure_one()
        # Legal reviewers read only the opportunities submitted to them.
        self.check_access("read")
        if not self.env.user.has_group(LEGAL_GROUP):
            raise AccessError(
                self.env._(
                    "Only a legal reviewer can approve or reject the legal review "
                    "of %(lead)s (customer development policy).",
                    lead=self.name,
                )
            )
        if self.legal_review_state != "requested":
            raise UserError(
                self.env._(
                    "No legal review is pending on %(lead)s. The salesperson must "
                    "request the review first.",
                    lead=self.name,
                )
            )
        # Reviewers read leads under review but do not edit them otherwise.
        self.sudo().write(
            {
                "legal_review_state": state,
                "legal_reviewer_id": self.env.user.id,
                "legal_review_date": fields.Datetime.now(),
            }
        )
        return True

    def action_approve_legal_review(self):
        return self._legal_review_decide("approved")

    def action_reject_legal_review(self):
        return self._legal_review_decide("rejected")

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

    def action_view_contact_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_customer_dev.sales_contact_plan_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id}
        return action
