# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

#: who records a new customer's credit check
CREDIT_CHECK_GROUPS = (
    "sales_policy_base.group_sales_policy_manager",
    "sales_policy_base.group_sales_policy_finance_reviewer",
)
#: what only the Credit Checked action writes (protected in crm_lead.py)
CREDIT_CHECK_FIELDS = ("dev_credit_checked_by_id", "dev_credit_check_date")


class CrmLead(models.Model):
    """The credit check of a new customer (clause SP-DEV-11): an opportunity
    for a customer without a confirmed order moves past the needs analysis
    only once a sales manager or a finance reviewer recorded the check with
    *Credit Checked* (stages with ``dev_require_credit_check``). The check's
    author and date are protected: only that action writes them."""

    _inherit = "crm.lead"

    dev_credit_checked_by_id = fields.Many2one(
        "res.users",
        string="Credit Checked By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    dev_credit_check_date = fields.Datetime(
        string="Credit Checked On", readonly=True, copy=False
    )
    dev_new_customer = fields.Boolean(
        string="New Customer",
        compute="_compute_dev_new_customer",
        help="The customer has no confirmed order yet: its credit is checked "
        "before the proposal.",
    )

    def _compute_dev_new_customer(self):
        known = self._dev_known_customers()
        for lead in self:
            lead.dev_new_customer = (
                lead.partner_id.commercial_partner_id.id not in known
            )

    def _dev_known_customers(self):
        """Ids of the leads' commercial partners with a confirmed order."""
        partners = self.partner_id.commercial_partner_id
        if not partners:
            return set()
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("partner_id.commercial_partner_id", "in", partners.ids),
                    ("state", "=", "sale"),
                ],
                ["partner_id"],
            )
        )
        return {partner.commercial_partner_id.id for (partner,) in groups}

    def _dev_credit_check_missing(self):
        """Whether the lead lacks the credit check its stage requires."""
        self.ensure_one()
        return (
            self.stage_id.dev_require_credit_check
            and not self.dev_credit_check_date
            and self.dev_new_customer
        )

    def _get_dev_stage_missing(self):
        missing = super()._get_dev_stage_missing()
        if self._dev_credit_check_missing():
            missing.append(
                self.env._(
                    "the credit check of the new customer by a sales manager or "
                    "a finance reviewer (clause SP-DEV-11)"
                )
            )
        return missing

    def _protected_refusal(self, names):
        if set(names) & set(CREDIT_CHECK_FIELDS):
            return AccessError(
                self.env._(
                    "The credit check of a new customer is recorded by a sales "
                    "manager or a finance reviewer with the Credit Checked "
                    "button (customer development policy, clause SP-DEV-11); "
                    "it cannot be written directly."
                )
            )
        return super()._protected_refusal(names)

    @public_arguments(one=True)
    def action_dev_credit_check(self):
        """Record the new customer's credit check: sales managers and finance
        reviewers only, on an opportunity with a customer."""
        self.ensure_one()
        user = self.env.user
        if not any(user.has_group(group) for group in CREDIT_CHECK_GROUPS):
            raise AccessError(
                self.env._(
                    "Only a sales manager or a finance reviewer records the credit "
                    "check of a new customer (customer development policy, "
                    "clause SP-DEV-11). Ask them to check the customer's credit."
                )
            )
        self.check_access("read")
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Link the customer to %(lead)s first: the credit check is "
                    "the customer's (clause SP-DEV-11).",
                    lead=self.name,
                )
            )
        # the right is checked above; a finance reviewer only reads leads
        self.sudo()._transition(
            {
                "dev_credit_checked_by_id": user.id,
                "dev_credit_check_date": fields.Datetime.now(),
            }
        )
        return True
