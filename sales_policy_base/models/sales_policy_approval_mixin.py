# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approval-rule engine: an abstract mixin any model configures in a few lines.

A consumer model inherits ``sales.policy.approval.mixin`` and sets the class
attributes below; everything else (rule matching, requests, the gate that
refuses actions, re-opening review after edits) lives here::

    class SaleOrder(models.Model):
        _name = "sale.order"
        _inherit = ["sale.order", "sales.policy.approval.mixin"]
        _approval_amount_field = "amount_untaxed"
        _approval_state_actions = {"sent": "send", "sale": "confirm"}
        _approval_fingerprint_fields = ["partner_id", "pricelist_id"]

        def action_confirm(self):
            self._approval_check("confirm")
            return super().action_confirm()

Hooks a consumer may override: ``_get_approval_values()`` (amount, discount,
margin, below-floor of each record), ``_get_approval_fingerprint_data()``
(the values whose change re-opens review) and ``_get_approval_requester()``.
"""

import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .sales_policy_approval_rule import ACTION_RANK, rule_matches

MEMO_KEY = "sales_policy_approval_checked"


class SalesPolicyApprovalMixin(models.AbstractModel):
    _name = "sales.policy.approval.mixin"
    _description = "Sales Policy Approval Mixin"

    # --- configuration (class attributes) ---------------------------------
    #: field holding the amount compared with the rules' amount thresholds
    _approval_amount_field = "amount_total"
    #: currency of that amount (converted to the company currency)
    _approval_currency_field = "currency_id"
    _approval_company_field = "company_id"
    #: user field naming who asks for approval (falls back to the current user)
    _approval_requester_field = "user_id"
    #: state field and the values that are gated: {state value: action}
    _approval_state_field = "state"
    _approval_state_actions = {}
    #: fields whose change after approval re-opens review
    _approval_fingerprint_fields = []

    approval_request_ids = fields.One2many(
        "sales.policy.approval.request",
        "res_id",
        string="Approval Requests",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
        # the groups that may read requests: other users still read the document
        groups="sales_policy_base.group_sales_policy_user,"
        "sales_policy_base.group_sales_policy_finance_reviewer,"
        "sales_policy_base.group_sales_policy_legal_reviewer,"
        "sales_policy_base.group_sales_policy_technical_reviewer",
    )
    approval_status = fields.Selection(
        [
            ("none", "No Approval Needed"),
            ("to_submit", "To Submit"),
            ("pending", "Waiting for Approval"),
            ("rejected", "Rejected"),
            ("approved", "Approved"),
        ],
        compute="_compute_approval_status",
    )
    approval_pending_rules = fields.Char(compute="_compute_approval_status")
    approval_request_count = fields.Integer(compute="_compute_approval_status")

    def _compute_approval_status(self):
        status = self._approval_status_by_record()
        for record in self:
            state, missing, count = status.get(record.id, ("none", [], 0))
            record.approval_status = state
            record.approval_pending_rules = ", ".join(missing)
            record.approval_request_count = count

    # --- hooks ---------------------------------------------------------------
    def _get_approval_values(self, needed=None):
        """Return {record id: {"amount", "discount", "margin", "below_floor"}}.

        ``amount`` is in the company currency; the other keys are ``None``
        when the model has no such notion (a rule testing them never applies).
        ``needed`` is the set of keys the applicable rules test: an override
        may skip computing the others.
        """
        result = {}
        for record in self:
            amount = record[self._approval_amount_field] or 0.0
            currency = record[self._approval_currency_field]
            company = record._approval_company()
            if currency and currency != company.currency_id:
                amount = currency._convert(
                    amount, company.currency_id, company, fields.Date.today()
                )
            result[record.id] = {
                "amount": amount,
                "discount": None,
                "margin": None,
                "below_floor": None,
            }
        return result

    def _get_approval_fingerprint_data(self):
        """Return {record id: JSON-serialisable data}; a change re-opens review."""
        names = self._approval_fingerprint_fields
        result = {}
        for record in self:
            data = []
            for name in names:
                value = record[name]
                if isinstance(value, models.BaseModel):
                    value = value.ids
                data.append(value)
            result[record.id] = data
        return result

    def _get_approval_requester(self):
        self.ensure_one()
        user = (
            self[self._approval_requester_field]
            if (self._approval_requester_field in self._fields)
            else self.env["res.users"]
        )
        return user or self.env.user

    # --- engine ----------------------------------------------------------------
    def _approval_company(self):
        self.ensure_one()
        return self[self._approval_company_field] or self.env.company

    @api.model
    def _approval_hash(self, value):
        return hashlib.sha1(
            json.dumps(value, default=str, sort_keys=True).encode()
        ).hexdigest()

    def _approval_fingerprints(self):
        data = self._get_approval_fingerprint_data()
        return {rid: self._approval_hash(value) for rid, value in data.items()}

    def _approval_snapshot(self, needed):
        """Return (values, fingerprints) of the records, see the two hooks.

        A consumer may override it to get both in a single query.
        """
        return self._get_approval_values(needed=needed), self._approval_fingerprints()

    def _approval_applicable_rules(self, action=None, snapshot=None):
        """Return {record id: rules (sudo) that apply to the record for ``action``}.

        Without ``action``, the rules of every action apply. With ``snapshot``,
        (values, fingerprints) are stored in it for the caller.
        """
        Rule = self.env["sales.policy.approval.rule"].sudo()
        specs = Rule._get_rule_specs_for_model(self._name)
        if action:
            rank = ACTION_RANK[action]
            specs = [spec for spec in specs if ACTION_RANK[spec.action] <= rank]
        result = {rid: Rule.browse() for rid in self.ids}
        if not specs:
            return result
        needed = {"amount"}
        for key, test in (
            ("discount", "discount_above"),
            ("margin", "margin_below"),
            ("below_floor", "below_floor"),
        ):
            if any(getattr(spec, test) for spec in specs):
                needed.add(key)
        values, fingerprints = self._approval_snapshot(needed)
        if snapshot is not None:
            snapshot.update(values=values, fingerprints=fingerprints)
        companies = {record.id: record._approval_company() for record in self}
        matched = {rid: [] for rid in self.ids}
        for spec in specs:
            matching = self.filtered_domain(spec.domain) if spec.domain else self
            for rid in matching.ids:
                company = companies[rid]
                if spec.company_id and spec.company_id != company.id:
                    continue
                if rule_matches(spec, values[rid], company):
                    matched[rid].append(spec.id)
        for rid, rule_ids in matched.items():
            if rule_ids:
                result[rid] = Rule.browse(rule_ids)
        return result

    def _approval_requests(self, states=("pending", "approved", "rejected")):
        return (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "in", list(states)),
                ],
                ["res_id", "rule_id", "state", "fingerprint"],
            )
        )

    def _approval_request_rows(self, states=("pending", "approved", "rejected")):
        """(res_id, rule_id, state, fingerprint) of the records' requests, newest first.

        Plain rows for the gate (no records to build on every confirmation).
        """
        if not self.ids:
            return []
        self.env["sales.policy.approval.request"].flush_model(
            ["res_model", "res_id", "rule_id", "state", "fingerprint"]
        )
        return self.env.execute_query(
            SQL(
                "SELECT res_id, rule_id, state, fingerprint "
                "FROM sales_policy_approval_request "
                "WHERE res_model = %s AND res_id IN %s AND state IN %s "
                "ORDER BY id DESC",
                self._name,
                tuple(self.ids),
                tuple(states),
            )
        )

    def _approval_status_by_record(self, action=None):
        """Return {record id: (status, [missing rule names], request count)}."""
        records = self.filtered(lambda r: isinstance(r.id, int))
        if not records:
            return {}
        snapshot = {}
        applicable = records._approval_applicable_rules(action, snapshot=snapshot)
        if not any(applicable.values()):
            return {rid: ("none", [], 0) for rid in records.ids}
        fingerprints = snapshot["fingerprints"]
        by_key = {}
        counts = dict.fromkeys(records.ids, 0)
        for res_id, rule_id, state, fingerprint in records._approval_request_rows():
            counts[res_id] += 1
            by_key.setdefault((res_id, rule_id), (state, fingerprint))
        result = {}
        for record in records:
            rules = applicable[record.id]
            if not rules:
                result[record.id] = ("none", [], counts[record.id])
                continue
            missing, states = [], set()
            fingerprint = fingerprints[record.id]
            for rule in rules:
                state, request_fingerprint = by_key.get(
                    (record.id, rule.id), (None, None)
                )
                if state == "approved" and request_fingerprint == fingerprint:
                    continue
                missing.append(rule.name)
                if not state or request_fingerprint != fingerprint:
                    states.add("to_submit")
                else:
                    states.add(state)
            if not missing:
                status = "approved"
            elif "rejected" in states:
                status = "rejected"
            elif "to_submit" in states:
                status = "to_submit"
            else:
                status = "pending"
            result[record.id] = (status, missing, counts[record.id])
        return result

    def _approval_missing(self, action):
        """Return {record id: [names of the rules not approved for ``action``]}."""
        status = self._approval_status_by_record(action)
        return {rid: missing for rid, (_s, missing, _c) in status.items() if missing}

    def _approval_check(self, action, remember=False, label=None):
        """Refuse ``action`` unless every applicable rule is approved.

        Raises a UserError naming the record and the rules still pending.
        Every record of a multi-record set is checked. With ``remember``, the
        next write of the gated state in this transaction does not check again
        (the memo lives on the cursor, out of reach of RPC callers). ``label``
        names what was refused when it is not the action itself (e.g. a
        preview, which needs the approvals of sending).
        """
        todo = self
        status = todo._approval_status_by_record(action)
        refused = []
        for record in todo:
            state, missing, _count = status.get(record.id, ("none", [], 0))
            if missing:
                refused.append((record, state, missing))
        if refused:
            record, state, missing = refused[0]
            if state == "rejected":
                hint = self.env._(
                    "The request was rejected: change the document and request "
                    "approval again."
                )
            elif state == "pending":
                hint = self.env._("Wait for the approvers to decide.")
            else:
                hint = self.env._('Click "Request Approval" to submit it.')
            raise UserError(
                self.env._(
                    "%(action)s refused for %(document)s: the approval rule(s) "
                    "%(rules)s must approve it first (sales policy: approvals "
                    "before a document goes further). %(hint)s",
                    document=record.display_name,
                    action=label
                    or dict(
                        self.env["sales.policy.approval.rule"]
                        ._fields["action"]
                        ._description_selection(self.env)
                    )[action],
                    rules=", ".join(missing),
                    hint=hint,
                )
            )
        if remember:
            memo = self.env.cr.precommit.data.setdefault(MEMO_KEY, set())
            memo.update((r._name, r.id, action) for r in todo)
        return True

    def _approval_check_state_write(self, action):
        """Gate a write of the state field; consumes a remembered check."""
        memo = self.env.cr.precommit.data.get(MEMO_KEY) or set()
        keys = {(r._name, r.id, action): r for r in self}
        unchecked = self.browse([r.id for k, r in keys.items() if k not in memo])
        memo.difference_update(keys)
        if unchecked:
            unchecked._approval_check(action)

    def _approval_forget_checks(self):
        memo = self.env.cr.precommit.data.get(MEMO_KEY)
        if memo:
            keys = {(self._name, rid) for rid in self.ids}
            memo.difference_update({m for m in memo if (m[0], m[1]) in keys})

    def _approval_refresh(self):
        """Re-open review of records edited after their requests were made.

        Approved or pending requests whose fingerprint no longer matches the
        record become outdated; new pending requests are made for the rules
        whose condition the record meets now.
        """
        self._approval_forget_checks()
        records = self.filtered(lambda r: isinstance(r.id, int))
        if not records:
            return
        requests = records._approval_requests(states=("pending", "approved"))
        if not requests:
            return
        fingerprints = records._approval_fingerprints()
        outdated = requests.filtered(
            lambda r: r.fingerprint != fingerprints.get(r.res_id)
        )
        if not outdated:
            return
        outdated._mark_outdated()
        touched = records.browse(set(outdated.mapped("res_id")))
        touched._approval_submit(post_message=False, strict=False)
        for record in touched:
            record._approval_message(
                self.env._(
                    "Edited after approval: review re-opened for the rules whose "
                    "condition the document meets now."
                )
            )

    def _approval_submit(self, post_message=True, strict=True):
        """Create pending requests for every applicable rule without a current one.

        With ``strict`` (a user submits), a rule nobody could decide or a rule
        that was rejected for the document as it is now raises a UserError;
        without it (review re-opened by an edit) such rules are left out: the
        document shows them as to submit or rejected.
        """
        Request = self.env["sales.policy.approval.request"].sudo()
        snapshot = {}
        applicable = self._approval_applicable_rules(snapshot=snapshot)
        fingerprints = snapshot.get("fingerprints") or self._approval_fingerprints()
        existing = self._approval_requests()
        current, latest = set(), {}
        for request in existing:  # newest first
            key = (request.res_id, request.rule_id.id)
            latest.setdefault(key, request)
            if request.state != "rejected" and (
                request.fingerprint == fingerprints[request.res_id]
            ):
                current.add(key)
        submitter = self.env.user
        vals_list = []
        for record in self:
            requester = record._get_approval_requester()
            for rule in applicable[record.id]:
                key = (record.id, rule.id)
                if key in current:
                    continue
                last = latest.get(key)
                if (
                    last
                    and last.state == "rejected"
                    and last.fingerprint == fingerprints[record.id]
                ):
                    if not strict:
                        continue
                    raise UserError(
                        self.env._(
                            "%(document)s was rejected under the rule %(rule)s "
                            "exactly as it is now: change the document first "
                            "(for instance its prices, lines or terms), then "
                            "request approval again.",
                            document=record.display_name,
                            rule=rule.name,
                        )
                    )
                approvers = rule._get_approvers(record)
                problem = rule._approvers_problem(
                    record, approvers, submitter | requester
                )
                if problem:
                    if not strict:
                        continue
                    raise UserError(problem)
                vals_list.append(
                    {
                        "rule_id": rule.id,
                        "res_model": self._name,
                        "res_id": record.id,
                        "res_name": record.display_name,
                        "company_id": record._approval_company().id,
                        "requester_id": requester.id,
                        "submitted_by_id": submitter.id,
                        "approver_ids": [(6, 0, approvers.ids)],
                        "fingerprint": fingerprints[record.id],
                    }
                )
        requests = Request.create(vals_list)
        if post_message:
            for record in self:
                names = requests.filtered(lambda r, rec=record: r.res_id == rec.id)
                if names:
                    record._approval_message(
                        self.env._(
                            "Approval requested: %(rules)s.",
                            rules=", ".join(names.rule_id.mapped("name")),
                        )
                    )
        return requests

    def _approval_message(self, body):
        self.ensure_one()
        if hasattr(self, "message_post"):
            self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    # --- CRUD ------------------------------------------------------------------
    def write(self, vals):
        gated = self._approval_state_actions.get(vals.get(self._approval_state_field))
        if gated:
            self._approval_check_state_write(gated)
        res = super().write(vals)
        if self._approval_fingerprint_fields and not vals.keys().isdisjoint(
            self._approval_fingerprint_fields
        ):
            self._approval_refresh()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        state_field = self._approval_state_field
        for record, vals in zip(records, vals_list, strict=True):
            gated = self._approval_state_actions.get(vals.get(state_field))
            if gated:
                # a new record has no approvals: refuse creating it past the gate
                record._approval_check(gated)
        return records

    # --- actions ---------------------------------------------------------------
    def action_request_approval(self):
        """Submit the records for approval (requests for every applicable rule)."""
        requests = self._approval_submit()
        if not requests:
            status = self._approval_status_by_record()
            if all(s[0] in ("none", "approved") for s in status.values()):
                message = self.env._("No approval is needed: every rule is satisfied.")
            else:
                message = self.env._("Approval is already requested.")
        else:
            message = self.env._(
                "%(count)s approval request(s) sent.", count=len(requests)
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_view_approval_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_policy_base.sales_policy_approval_request_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
