# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A test-only document for the approval engine's own tests (FakeModelLoader)."""

from odoo import fields, models


class SalesPolicyTestDocument(models.Model):
    _name = "sales.policy.test.document"
    _description = "Approval Engine Test Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.approval.mixin"]

    _approval_actions = {"submit": "Submit", "close": "Close"}
    _approval_action_rank = {"submit": 10, "close": 20}
    _approval_metrics = {
        "days": ("Days Late", "number"),
        "rate": ("Rate (%)", "percent"),
        "urgent": ("Urgent", "boolean"),
    }
    _approval_amount_field = "amount"
    _approval_state_actions = {"closed": "close"}
    _approval_fingerprint_fields = ["amount", "days", "partner_id"]
    _protected_fields = ["state", "closed_by_id"]
    _approval_button_states = ("draft", "submitted")

    name = fields.Char(required=True)
    amount = fields.Float()
    days = fields.Integer()
    rate = fields.Float()
    urgent = fields.Boolean()
    partner_id = fields.Many2one("res.partner")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("closed", "Closed")],
        default="draft",
        required=True,
    )
    closed_by_id = fields.Many2one("res.users")
    beneficiary_id = fields.Many2one("res.users")
    decision_log = fields.Char()

    def _get_approval_conflicted_users(self):
        result = super()._get_approval_conflicted_users()
        for record in self:
            result[record.id] |= record.beneficiary_id
        return result

    def _get_approval_values(self, needed=None):
        result = super()._get_approval_values(needed=needed)
        for record in self:
            result[record.id].update(
                days=record.days, rate=record.rate, urgent=record.urgent
            )
        return result

    def _approval_on_decision(self, requests, decision):
        for record in self:
            record.sudo().decision_log = (
                f"{record.decision_log or ''}{decision}:{len(requests)};"
            )

    def action_submit(self):
        self._approval_check("submit")
        self._transition({"state": "submitted"})

    def action_close(self):
        self._approval_check("close", remember=True)
        self._transition({"state": "closed", "closed_by_id": self.env.uid})


class SalesPolicyTestOther(models.Model):
    """A second consumer with other steps: a rule may not mix them up."""

    _name = "sales.policy.test.other"
    _description = "Approval Engine Second Test Document"
    _inherit = ["sales.policy.approval.mixin"]

    _approval_actions = {"archive": "Archive"}
    _approval_amount_field = None

    name = fields.Char()
    company_id = fields.Many2one("res.company")
    state = fields.Char()
