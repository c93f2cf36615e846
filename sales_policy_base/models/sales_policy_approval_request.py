# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.cron_batch import CronBatches
from ..tools.rpc_args import public_arguments

_logger = logging.getLogger(__name__)

#: requests reminded per commit of the reminder cron
REMINDER_BATCH_SIZE = 200

STATES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("outdated", "Outdated"),
]
#: fields an approver may write directly; everything else goes through actions
APPROVER_WRITABLE = {"comment"}
#: the clause the requests' guard enforces (nobody decides for themselves,
#: nobody forges a request or a decision)
REQUEST_CLAUSE = "SP-APP-05"


class SalesPolicyApprovalRequest(models.Model):
    _name = "sales.policy.approval.request"
    _description = "Sales Policy Approval Request"
    _inherit = ["mail.thread"]
    # "id desc" walks the primary key backwards: the inbox's first page is
    # served without sorting the whole table.
    _order = "id desc"
    _rec_name = "res_name"

    rule_id = fields.Many2one(
        "sales.policy.approval.rule",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    action = fields.Selection(related="rule_id.action", store=True)
    approval_mode = fields.Selection(related="rule_id.approval_mode")
    res_model = fields.Char(
        string="Document Model", required=True, index=True, readonly=True
    )
    res_model_id = fields.Many2one(
        "ir.model",
        string="Document Type",
        related="rule_id.model_id",
        store=True,
        index=True,
    )
    res_id = fields.Many2oneReference(
        string="Document ID",
        model_field="res_model",
        required=True,
        index=True,
        readonly=True,
    )
    res_name = fields.Char(string="Document", readonly=True)
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    requester_id = fields.Many2one(
        "res.users", string="Requested By", index=True, readonly=True
    )
    submitted_by_id = fields.Many2one(
        "res.users",
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
        help="The user who submitted the document for approval (or whose edit "
        "re-opened review); like the document's owner, they may not approve it "
        "unless the company allows self-approval.",
    )
    approver_ids = fields.Many2many(
        "res.users",
        "sales_policy_approval_request_approver_rel",
        "request_id",
        "user_id",
        string="Approvers",
        readonly=True,
    )
    delegate_user_ids = fields.Many2many(
        "res.users",
        "sales_policy_approval_request_delegate_rel",
        "request_id",
        "user_id",
        string="Delegates",
        readonly=True,
        help="Users an approver delegated to for the current period.",
    )
    conflicted_user_ids = fields.Many2many(
        "res.users",
        "sales_policy_approval_request_conflicted_rel",
        "request_id",
        "user_id",
        string="May Not Decide",
        readonly=True,
        help="Users who benefit from the document (e.g. the beneficiaries of a "
        "bonus): they never decide its requests, whatever the self-approval "
        "setting.",
    )
    inbox_user_ids = fields.Many2many(
        "res.users",
        "sales_policy_approval_request_inbox_rel",
        "request_id",
        "user_id",
        string="Waiting For",
        readonly=True,
        help="Approvers and delegates who still have to decide, while the request "
        "is pending. 'My Approvals' searches this stored, indexed relation: it "
        "only holds open work, so it stays small however long the history grows.",
    )
    approved_user_ids = fields.Many2many(
        "res.users",
        "sales_policy_approval_request_approved_rel",
        "request_id",
        "user_id",
        string="Approved By",
        readonly=True,
    )
    state = fields.Selection(
        STATES,
        default="pending",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    request_date = fields.Datetime(
        default=fields.Datetime.now, required=True, index=True, readonly=True
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decision_date = fields.Datetime(readonly=True)
    comment = fields.Text(help="Reason of the decision, shown on the document.")
    reminder_date = fields.Datetime(string="Last Reminder", readonly=True)
    fingerprint = fields.Char(readonly=True)
    activity_link_ids = fields.Many2many(
        "mail.activity", string="Approver Activities", readonly=True
    )
    can_decide = fields.Boolean(compute="_compute_can_decide")

    @api.depends_context("uid")
    def _compute_can_decide(self):
        user = self.env.user
        for request in self:
            request.can_decide = (
                request.state == "pending"
                and user not in request._get_blocked_deciders()
                and bool(request._effective_on_behalf(user))
            )

    # --- CRUD ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # who may not create requests at all is told so first
            self.browse().check_access("create")
            raise UserError(
                self.env._(
                    "Approval requests are made by the documents' Request "
                    "Approval button, from the approval rules; they cannot be "
                    "created by hand (sales policy %(clause)s).",
                    clause=REQUEST_CLAUSE,
                )
            )
        requests = super().create(vals_list)
        requests._add_active_delegates()
        requests._sync_inbox()
        requests._schedule_activities()
        return requests

    def write(self, vals):
        if not self.env.su and not APPROVER_WRITABLE.issuperset(vals):
            raise UserError(
                self.env._(
                    "Approval requests change only through Approve, Reject or "
                    "Delegate; only the comment can be edited (sales policy "
                    "%(clause)s).",
                    clause=REQUEST_CLAUSE,
                )
            )
        return super().write(vals)

    # --- actions ---------------------------------------------------------------
    @public_arguments
    def action_approve(self):
        return self._decision_result(self._decide("approved"))

    @public_arguments
    def action_reject(self):
        return self._decision_result(self._decide("rejected"))

    @public_arguments(one=True)
    def action_delegate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Delegate My Approvals"),
            "res_model": "sales.policy.approval.delegation",
            "view_mode": "form",
            "target": "new",
            "context": {"default_user_id": self.env.uid},
        }

    @public_arguments(one=True)
    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # --- business methods ---------------------------------------------------
    def _decision_on_behalf(self, user):
        """Approvers ``user`` decides for: themselves or delegating approvers."""
        self.ensure_one()
        if user in self.approver_ids:
            return user
        if user not in self.delegate_user_ids:
            return self.env["res.users"]
        return (
            self.env["sales.policy.approval.delegation"]
            .sudo()
            ._active_delegations(delegates=user, users=self.approver_ids)
            .user_id
        )

    def _get_blocked_deciders(self):
        """Who may not decide this request: whoever submitted or owns the
        document, unless the company allows approving one's own request."""
        self.ensure_one()
        if self.company_id.sales_policy_allow_self_approval:
            return self.conflicted_user_ids
        return self.conflicted_user_ids | self.requester_id | self.submitted_by_id

    def _effective_on_behalf(self, user):
        """The approvers ``user`` decides for, less those who may not decide
        (a delegate does not approve the submitter's own document for him)."""
        self.ensure_one()
        return self._decision_on_behalf(user) - self._get_blocked_deciders()

    def _check_can_decide(self, user):
        for request in self:
            if request.state != "pending":
                raise UserError(
                    self.env._(
                        "The request %(request)s is %(state)s: only pending "
                        "requests can be decided.",
                        request=request.display_name,
                        state=dict(STATES)[request.state].lower(),
                    )
                )
            on_behalf = request._decision_on_behalf(user)
            if not on_behalf:
                raise UserError(
                    self.env._(
                        "You are not an approver of %(request)s (rule %(rule)s) "
                        "and nobody delegated it to you. Ask one of its "
                        "approvers: %(approvers)s.",
                        request=request.display_name,
                        rule=request.rule_id.name,
                        approvers=", ".join(request.approver_ids.mapped("name")),
                    )
                )
            if user in request.conflicted_user_ids:
                raise UserError(
                    self.env._(
                        "You benefit from %(request)s and may not decide it "
                        "(%(clause)s: no one approves a document paying "
                        "themselves). Another approver must decide.",
                        request=request.display_name,
                        clause=request.rule_id.clause_id.code
                        or self.env._("sales policy"),
                    )
                )
            if user in request._get_blocked_deciders():
                raise UserError(
                    self.env._(
                        "You submitted or own %(request)s: the sales policy "
                        "forbids approving one's own request. Another approver "
                        "must decide.",
                        request=request.display_name,
                    )
                )
            if not request._effective_on_behalf(user):
                raise UserError(
                    self.env._(
                        "You stand in for %(approvers)s, who submitted or own "
                        "%(request)s: the sales policy forbids approving one's "
                        "own request, also through a delegate. Another approver "
                        "must decide.",
                        approvers=", ".join(on_behalf.mapped("name")),
                        request=request.display_name,
                    )
                )
        return True

    def _decide(self, decision):
        """Record ``user``'s decision; returns the documents that changed
        after their request was made (those requests are marked outdated, not
        decided: the requester submits the document again)."""
        user = self.env.user
        self._check_can_decide(user)
        now = fields.Datetime.now()
        outdated = self.browse()
        decided = {}
        for request in self.sudo():
            record = request.env[request.res_model].browse(request.res_id).exists()
            if record and decision == "approved":
                current = record._approval_fingerprints()[record.id]
                if current != request.fingerprint:
                    request._mark_outdated()
                    outdated |= request
                    continue
            on_behalf = request._effective_on_behalf(user)
            approved = request.approved_user_ids | on_behalf
            done = (
                decision == "rejected"
                or request.approval_mode == "any"
                or not (request._get_required_approvers() - approved)
            )
            vals = {"approved_user_ids": [(6, 0, approved.ids)]}
            if done:
                vals.update(state=decision, decided_by_id=user.id, decision_date=now)
            request.write(vals)
            request._sync_inbox()
            if done:
                request._close_activities()
                if record:
                    decided.setdefault(record, self.browse())
                    decided[record] |= request
            request._post_decision(record, decision, done, user)
        for model in set(self.mapped("res_model")):
            documents = self.filtered(lambda r, m=model: r.res_model == m)
            self.env[model].browse(documents.mapped("res_id"))._approval_forget_checks()
        for record, requests in decided.items():
            record.with_env(self.env)._approval_on_decision(
                requests.with_env(self.env), decision
            )
        return outdated

    def _decision_result(self, outdated):
        if not outdated:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "%(documents)s changed after the request was made: the "
                    "request is outdated and was not decided; the requester "
                    "must submit it again.",
                    documents=", ".join(outdated.mapped("res_name")),
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _get_required_approvers(self):
        """The approvers an "all of" request waits for: whoever submitted or
        owns the document may not decide it (unless the company allows it),
        so the request does not wait for them."""
        self.ensure_one()
        return self.approver_ids - self._get_blocked_deciders()

    def _get_pending_deciders(self):
        """Who still has to decide: the inbox, the activities, the reminders."""
        self.ensure_one()
        return (
            (self.approver_ids | self.delegate_user_ids)
            - self._get_blocked_deciders()
            - self.approved_user_ids
        )

    def _post_decision(self, record, decision, done, user):
        self.ensure_one()
        if decision == "approved" and done:
            body = self.env._(
                "Approved by %(user)s: %(rule)s.",
                user=user.name,
                rule=self.rule_id.name,
            )
        elif decision == "approved":
            body = self.env._(
                "%(user)s approved %(rule)s; other approvers still have to approve.",
                user=user.name,
                rule=self.rule_id.name,
            )
        else:
            body = self.env._(
                "Rejected by %(user)s: %(rule)s.",
                user=user.name,
                rule=self.rule_id.name,
            )
        if self.comment:
            body = Markup("%s<br/>%s") % (body, self.comment)
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        if record:
            record._approval_message(body)

    def _mark_outdated(self):
        self.sudo().write({"state": "outdated"})
        self._sync_inbox()
        self._close_activities()

    def _sync_inbox(self):
        """Keep the inbox relation to the users who still have to decide."""
        for request in self.sudo():
            if request.state == "pending":
                users = request._get_pending_deciders()
            else:
                users = request.env["res.users"]
            if users != request.inbox_user_ids:
                request.inbox_user_ids = [(6, 0, users.ids)]

    def _schedule_activities(self):
        activity_type = self.env.ref(
            "sales_policy_base.mail_activity_type_approval", raise_if_not_found=False
        )
        if not activity_type:
            return
        for request in self.sudo():
            record = self.env[request.res_model].browse(request.res_id)
            if "activity_ids" not in record._fields:
                continue
            activities = self.env["mail.activity"]
            for user in request._get_pending_deciders():
                activities |= record.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=self.env._("Approve: %(rule)s", rule=request.rule_id.name),
                )
            request.activity_link_ids = [(6, 0, activities.ids)]

    def _close_activities(self):
        self.sudo().activity_link_ids.exists().unlink()

    def _add_active_delegates(self):
        pending = self.sudo().filtered(lambda r: r.state == "pending")
        if not pending:
            return
        delegations = (
            self.env["sales.policy.approval.delegation"]
            .sudo()
            ._active_delegations(users=pending.approver_ids)
        )
        for request in pending:
            delegates = delegations.filtered(
                lambda d, r=request: d.user_id in r.approver_ids
            ).delegate_id
            if delegates - request.delegate_user_ids:
                request.delegate_user_ids = [(4, d.id) for d in delegates]
                request._sync_inbox()

    # --- scheduled actions --------------------------------------------------
    @api.model
    def _cron_remind_approvers(self, batch_size=REMINDER_BATCH_SIZE, commit=None):
        """Remind approvers of requests pending longer than the company setting.

        Also refreshes delegations (adds delegates of periods that started,
        removes those of periods that ended). Each request is reminded in a
        savepoint: one that fails is logged and skipped. The work is committed
        every ``batch_size`` requests (``commit``: see
        ``sales_policy_base/tools/cron_batch.py``); a reminded request is not
        reminded again before the delay is over, so a rerun after a timeout
        reminds only the rest.
        """
        batches = CronBatches(self.env, batch_size, commit=commit)
        try:
            with self.env.cr.savepoint():
                self._sync_delegations()
        except Exception:
            _logger.exception("Refreshing the approval delegations failed; continuing")
        now = fields.Datetime.now()
        for company in self.env["res.company"].sudo().search([]):
            days = company.sales_policy_approval_reminder_days
            if days <= 0:
                continue
            limit = now - timedelta(days=days)
            requests = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "pending"),
                    ("request_date", "<", limit),
                    "|",
                    ("reminder_date", "=", False),
                    ("reminder_date", "<", limit),
                ]
            )
            batches.expect(len(requests))
            for request in requests:
                try:
                    with self.env.cr.savepoint():
                        request._send_reminder(days)
                except Exception:
                    _logger.exception("Approval reminder failed for %s", request)
                    batches.processed(failed=True)
                else:
                    batches.processed()
        batches.flush()

    def _send_reminder(self, days):
        self.ensure_one()
        users = self._get_pending_deciders()
        self.message_post(
            body=self.env._(
                "Reminder: %(document)s has waited more than %(days)s day(s) for "
                "your approval (%(rule)s).",
                document=self.res_name,
                days=days,
                rule=self.rule_id.name,
            ),
            partner_ids=users.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        self.reminder_date = fields.Datetime.now()

    @api.model
    def _sync_delegations(self):
        delegate_rel = self.sudo().search(
            [("state", "=", "pending"), ("delegate_user_ids", "!=", False)]
        )
        active = (
            self.env["sales.policy.approval.delegation"].sudo()._active_delegations()
        )
        for request in delegate_rel:
            valid = active.filtered(
                lambda d, r=request: d.user_id in r.approver_ids
            ).delegate_id
            if request.delegate_user_ids - valid:
                request.delegate_user_ids = [(6, 0, valid.ids)]
                request._sync_inbox()
        if active:
            self.sudo().search(
                [("state", "=", "pending"), ("approver_ids", "in", active.user_id.ids)]
            )._add_active_delegates()
