# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approval-rule engine: an abstract mixin any model configures in a few lines.

A consumer model inherits ``sales.policy.approval.mixin`` and declares what
can be approved as class attributes; everything else (rule matching,
requests, the gate that refuses actions, re-opening review after edits, the
status badge, banner, *Request Approval* button and requests stat button of
its form view) lives here::

    class SalesQualificationLoan(models.Model):
        _name = "sales.qualification.loan"
        _inherit = ["mail.thread", "sales.policy.approval.mixin"]
        _approval_actions = {"hand_out": _lt("Hand Out")}
        _approval_metrics = {"days": (_lt("Loan Days"), "number")}
        _approval_amount_field = None
        _protected_fields = ["state", "approved_by_id"]

        def action_hand_out(self):
            self._approval_check("hand_out")
            self._transition({"state": "out"})

and ships its rules as data (``sales.policy.approval.rule`` records naming
the model, the action, an optional condition and the approvers).

Declarations: ``_approval_actions`` ({key: label}, the steps rules may gate),
``_approval_action_rank`` (optional {key: rank}: a rule on an action also
gates the actions of a higher rank), ``_approval_metrics`` ({key: (label,
type)}, type ``number``, ``percent`` or ``boolean``: the figures a rule may
test), ``_approval_amount_field`` (the amount compared with the rules' amount
range, or ``None``), ``_approval_state_actions`` ({state value: action}: a
write of that state is gated too), ``_approval_fingerprint_fields`` (a change
re-opens review), ``_protected_fields`` (only the document's own
actions write them, see ``_transition``) and
``_approval_button_states`` (states in which *Request Approval* shows).

Hooks a consumer may override: ``_get_approval_values()`` (the amount and
metrics of each record), ``_get_approval_fingerprint_data()``,
``_get_approval_requester()`` and ``_approval_on_decision()`` (called when a
request of the record is approved or rejected).
"""

import hashlib
import json

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.approval_match import action_gates, rule_matches
from ..tools.rpc_args import public_arguments
from .sales_policy_approval_request import REQUEST_CLAUSE

MEMO_KEY = "sales_policy_approval_checked"
#: the groups that may read approval requests (and decide them)
APPROVER_GROUPS = (
    "sales_policy_base.group_sales_policy_user,"
    "sales_policy_base.group_sales_policy_finance_reviewer,"
    "sales_policy_base.group_sales_policy_legal_reviewer,"
    "sales_policy_base.group_sales_policy_technical_reviewer"
)


class SalesPolicyApprovalMixin(models.AbstractModel):
    _name = "sales.policy.approval.mixin"
    _description = "Sales Policy Approval Mixin"
    #: ``_protected_fields`` / ``_transition()``: fields only the document's
    #: own actions write (see sales.policy.transition.mixin)
    _inherit = ["sales.policy.transition.mixin"]

    # --- configuration (class attributes) ---------------------------------
    #: {action: label}: the steps of the document that rules may gate
    _approval_actions = {}
    #: {action: rank}: a rule on an action also gates the actions of a higher
    #: or equal rank; actions without a rank gate only themselves
    _approval_action_rank = {}
    #: {metric: (label, type)}: the figures rules may test; type is "number",
    #: "percent" or "boolean"; ``_get_approval_values`` computes them
    _approval_metrics = {}
    #: states in which the form offers *Request Approval* (None: any state)
    _approval_button_states = None
    #: field holding the amount compared with the rules' amount thresholds
    #: (None: the model has no amount)
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
        groups=APPROVER_GROUPS,
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
    approval_can_decide = fields.Boolean(
        compute="_compute_approval_can_decide",
        help="A request of this document waits for the current user's decision.",
    )

    def _compute_approval_status(self):
        status = self._approval_status_by_record()
        for record in self:
            state, missing, count = status.get(record.id, ("none", [], 0))
            record.approval_status = state
            record.approval_pending_rules = ", ".join(missing)
            record.approval_request_count = count

    @api.depends_context("uid")
    def _compute_approval_can_decide(self):
        waiting = set(self._approval_my_pending_requests().mapped("res_id"))
        for record in self:
            record.approval_can_decide = record.id in waiting

    def _approval_my_pending_requests(self):
        """Pending requests of the records that wait for the current user."""
        ids = [rid for rid in self.ids if isinstance(rid, int)]
        if not ids:
            return self.env["sales.policy.approval.request"]
        return (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", ids),
                    ("state", "=", "pending"),
                    ("inbox_user_ids", "in", self.env.uid),
                ]
            )
            .sudo(False)
        )

    # --- hooks ---------------------------------------------------------------
    def _get_approval_values(self, needed=None):
        """Return {record id: {"amount": ..., metric: value, ...}}.

        ``amount`` is in the company currency (``None`` without an amount
        field); a metric the model cannot compute is ``None`` or missing (a
        rule testing it never applies). ``needed`` is the set of keys the
        applicable rules test: an override may skip computing the others.
        """
        result = {}
        for record in self:
            amount = None
            if self._approval_amount_field:
                amount = record[self._approval_amount_field] or 0.0
                currency = (
                    record[self._approval_currency_field]
                    if self._approval_currency_field in self._fields
                    else None
                )
                company = record._approval_company()
                if currency and currency != company.currency_id:
                    amount = currency._convert(
                        amount, company.currency_id, company, fields.Date.today()
                    )
            result[record.id] = {"amount": amount}
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

    def _get_approval_conflicted_users(self):
        """Return {record id: users who may never decide the record's requests}
        (e.g. the beneficiaries of a bonus), whatever the company's
        self-approval setting. Kept on each request when it is made."""
        return {rid: self.env["res.users"] for rid in self.ids}

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

    def _approval_applicable_rules(self, action=None, snapshot=None, kind=None):
        """Return {record id: rules (sudo) that apply to the record for ``action``}.

        Without ``action``, the rules of every action apply; with ``kind``, only
        the rules of that kind. With ``snapshot``, (values, fingerprints) are
        stored in it for the caller.
        """
        Rule = self.env["sales.policy.approval.rule"].sudo()
        specs = Rule._get_rule_specs_for_model(self._name)
        if action:
            ranks = self._approval_action_rank
            specs = [spec for spec in specs if action_gates(spec.action, action, ranks)]
        if kind:
            specs = [spec for spec in specs if spec.kind == kind]
        result = {rid: Rule.browse() for rid in self.ids}
        if not specs:
            return result
        needed = {"amount"} | {spec.metric for spec in specs if spec.metric}
        values, fingerprints = self._approval_snapshot(needed)
        if snapshot is not None:
            snapshot.update(values=values, fingerprints=fingerprints)
        thresholds = {
            record.id: record._approval_company().sales_policy_large_bid_amount
            for record in self
        }
        companies = {record.id: record._approval_company().id for record in self}
        matched = {rid: [] for rid in self.ids}
        for spec in specs:
            matching = self.filtered_domain(spec.domain) if spec.domain else self
            for rid in matching.ids:
                if spec.company_id and spec.company_id != companies[rid]:
                    continue
                if rule_matches(spec, values[rid], thresholds[rid]):
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

    def _approval_refusal_clauses(self, action, missing):
        """Codes of the policy clauses behind the ``missing`` rules (names) of
        the record for ``action``, for a refusal; the model's own clause when
        the rules name none."""
        self.ensure_one()
        rules = self._approval_applicable_rules(action).get(self.id) or []
        codes = sorted(
            {rule.clause_id.code for rule in rules if rule.name in missing}
            - {False, None}
        )
        # every consumer declares its clause (registry test)
        return ", ".join(codes) or self._policy_clause or "-"

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
                    "%(rules)s must approve it first (sales policy %(clauses)s: "
                    "approvals before a document goes further). %(hint)s",
                    document=record.display_name,
                    action=label or self._approval_action_label(action),
                    rules=", ".join(missing),
                    clauses=record._approval_refusal_clauses(action, missing),
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
        conflicted = self._get_approval_conflicted_users()
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
                    record, approvers, submitter | requester, conflicted[record.id]
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
                        "conflicted_user_ids": [(6, 0, conflicted[record.id].ids)],
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

    def _approval_action_label(self, action):
        return str(self._approval_actions.get(action, action))

    def _approval_on_decision(self, requests, decision):
        """Hook: ``requests`` of these records were decided (``decision`` is
        "approved" or "rejected"; an "all of" request counts once complete).

        Called as the deciding user; a consumer advancing its document here
        does so with ``_transition``.
        """

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
        if not self._approval_state_actions or state_field not in self._fields:
            return records
        for record in records:
            # the state the record has, whether it came from the values, a
            # (forged) ``default_<state>`` context key or a field default
            gated = self._approval_state_actions.get(record[state_field])
            if gated:
                # a new record has no approvals: refuse creating it past the gate
                record._approval_check(gated)
        return records

    # --- form view -----------------------------------------------------------
    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form" and self._approval_actions:
            self._approval_inject_form(arch)
        return arch, view

    @api.model
    def _approval_inject_form(self, form):
        """Add the approval status, banner, button and stat button to ``form``.

        A view that already has them (a ``sales_policy_approval_status``
        block) and a form without a sheet (a quick-create or dialog form) are
        left as they are.
        """
        sheet = form.find("sheet")
        if sheet is None or form.xpath("//div[@name='sales_policy_approval_status']"):
            return
        states = self._approval_button_states
        hidden = "approval_status not in ('to_submit', 'rejected')"
        banner_hidden = "approval_status in ('none', 'approved')"
        if states is not None and self._approval_state_field in self._fields:
            condition = f" or {self._approval_state_field} not in {tuple(states)!r}"
            hidden += condition
            banner_hidden += condition
        header = form.find("header")
        if header is None:
            header = etree.Element("header")
            form.insert(0, header)
        header.insert(
            0,
            etree.Element(
                "button",
                name="action_request_approval",
                type="object",
                string=self.env._("Request Approval"),
                **{"class": "btn-primary", "invisible": hidden},
            ),
        )
        for name, label, css in (
            ("action_approval_reject", self.env._("Reject"), "btn-secondary"),
            ("action_approval_approve", self.env._("Approve"), "btn-primary"),
        ):
            header.insert(
                0,
                etree.Element(
                    "button",
                    name=name,
                    type="object",
                    string=label,
                    groups=APPROVER_GROUPS,
                    **{"class": css, "invisible": "not approval_can_decide"},
                ),
            )
        box = sheet.xpath(".//div[@name='button_box']")
        if box:
            box = box[0]
        else:
            box = etree.Element("div", name="button_box")
            box.set("class", "oe_button_box")
            sheet.insert(0, box)
        button = etree.SubElement(
            box,
            "button",
            name="action_view_approval_requests",
            type="object",
            icon="fa-check-square-o",
            invisible="not approval_request_count",
            **{"class": "oe_stat_button"},
        )
        etree.SubElement(
            button,
            "field",
            name="approval_request_count",
            widget="statinfo",
            string=self.env._("Approvals"),
        )
        status = etree.Element("div", name="sales_policy_approval_status")
        status.set("class", "float-end mt-2")
        etree.SubElement(
            status,
            "field",
            name="approval_status",
            widget="badge",
            invisible="approval_status == 'none'",
            **{
                "decoration-success": "approval_status == 'approved'",
                "decoration-warning": "approval_status in ('to_submit', 'pending')",
                "decoration-danger": "approval_status == 'rejected'",
            },
        )
        banner = etree.Element(
            "div",
            role="alert",
            name="sales_policy_approval_banner",
            invisible=banner_hidden,
        )
        banner.set("class", "alert alert-warning mb-2")
        strong = etree.SubElement(banner, "strong")
        strong.text = self.env._("Approval needed:") + " "
        etree.SubElement(
            banner, "field", name="approval_pending_rules", **{"class": "d-inline"}
        )
        parent = box.getparent()
        index = list(parent).index(box) + 1
        parent.insert(index, banner)
        parent.insert(index, status)

    # --- actions ---------------------------------------------------------------
    @public_arguments
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

    @public_arguments
    def action_approval_approve(self):
        """The form's *Approve*: decide the requests waiting for the user."""
        return self._approval_decide_mine("approved")

    @public_arguments
    def action_approval_reject(self):
        """The form's *Reject*: decide the requests waiting for the user."""
        return self._approval_decide_mine("rejected")

    def _approval_decide_mine(self, decision):
        requests = self._approval_my_pending_requests()
        if not requests:
            raise UserError(
                self.env._(
                    "No approval request of %(documents)s waits for your "
                    "decision (sales policy %(clause)s).",
                    documents=", ".join(self.mapped("display_name")),
                    clause=self._policy_clause or REQUEST_CLAUSE,
                )
            )
        if decision == "approved":
            return requests.action_approve()
        return requests.action_reject()

    @public_arguments(one=True)
    def action_view_approval_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_policy_base.sales_policy_approval_request_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
