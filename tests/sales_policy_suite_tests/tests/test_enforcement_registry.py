# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Walks the registry: every approval of the suite goes through the approval
engine, and no state/decision/approver field is left for a caller to write."""

import re

from odoo.tests import tagged

from odoo.addons.sales_policy_base.tests.common import SalesPolicyCommon

from .suite_paths import is_suite_module

#: field names that carry a document's state, a decision or who decided
GUARDED_NAME = re.compile(
    r"^(state|.+_state|decision|.*approv.*|decided_by_id|.*reviewer_id|.+_review_date)$"
)
#: selection values that make a state field approval-shaped
DECISION_VALUES = {"approved", "rejected", "refused"}
#: approval-shaped states that follow from the rule-gated decisions of another
#: document: {(model, field): the consumer whose decisions drive it}
DRIVEN_BY = {
    # a certificate is rejected when one of its three reviews (legal, finance,
    # technical: rule-gated) or its evaluation (rule-gated) is rejected
    ("sales.qualification", "state"): "sales.qualification.review",
    # the risk shows its certificate's state (related, read only)
    ("sales.qualification.risk", "qualification_state"): "sales.qualification.review",
    # a forecast line shows its forecast's state (related, read only), which
    # the forecast's rule-gated approval drives
    ("sales.forecast.line", "state"): "sales.forecast",
    # a budget line shows its budget's state (related, read only), which the
    # budget's rule-gated approval drives
    ("sales.expense.budget.line", "budget_state"): "sales.expense.budget",
}
#: fields a generic static check cannot judge, each with the guard that holds
#: them and the test that attacks it
GUARDED_ELSEWHERE = {
    # requests change only through Approve/Reject/Delegate (write refuses
    # anything but the comment): test_approval_bypass.test_rep_cannot_forge_an_approval
    ("sales.policy.approval.request", "state"): "request.write",
    ("sales.policy.approval.request", "approved_user_ids"): "request.write",
    ("sales.policy.approval.request", "decided_by_id"): "request.write",
    ("sales.policy.approval.request", "approver_ids"): "request.write",
    # a document's requests: made by the engine only (request.create refuses
    # anyone but the engine, request.write anything but the comment)
    ("*", "approval_request_ids"): "request.create/write",
    # company settings: Settings administrators only (Odoo's ACL on res.company)
    ("res.company", "sales_policy_approval_reminder_days"): "ACL",
    ("res.company", "sales_policy_allow_self_approval"): "ACL",
    ("res.company", "appraisal_reviewer_id"): "ACL",
    # a unit's state follows its bookings: the unit's write refuses it to
    # anyone but the superuser (test_booking_controls, test_rpc in showroom)
    ("sales.showroom.unit", "state"): "unit.write",
    # the risk register's status is the risk owner's own assessment (the form's
    # status bar is clickable by design); no policy step reads it
    ("sales.qualification.risk", "state"): "owner's assessment",
    # the rule's approvers are configuration, written by policy administrators
    # only (ACL): test_approval_engine.test_rule_without_approver_refused
    ("sales.policy.approval.rule", "approver_type"): "ACL",
    ("sales.policy.approval.rule", "approver_group_id"): "ACL",
    ("sales.policy.approval.rule", "approver_user_ids"): "ACL",
    ("sales.policy.approval.rule", "approver_field"): "ACL",
    ("sales.policy.approval.rule", "approval_mode"): "ACL",
}


def suite_fields(env):
    """(model, field) of the fields the suite's own modules define: every
    installed module of this repository, the ones added later included."""
    suite_modules = set(
        env["ir.module.module"]
        .search([("state", "=", "installed")])
        .filtered(lambda m: is_suite_module(m.name))
        .mapped("name")
    )
    for model_name in sorted(env.registry.models):
        model = env[model_name]
        if model._abstract or model._transient:
            continue
        for name, field in model._fields.items():
            if field._module in suite_modules:
                yield model, name, field


def writable(field):
    """Whether the ORM lets a caller write the field at all."""
    if field.related:
        return False
    if field.compute and not field.inverse and (field.readonly or not field.store):
        return False
    return True


@tagged("post_install", "-at_install")
class TestEnforcementRegistry(SalesPolicyCommon):
    def test_every_approval_shaped_state_is_a_rule_gated_action(self):
        consumers = self.env.registry["sales.policy.approval.mixin"]._inherit_children
        shipped = {
            rule.model_id.model
            for rule in self.env["ir.model.data"]
            .search([("model", "=", "sales.policy.approval.rule")])
            .mapped(
                lambda xmlid: self.env["sales.policy.approval.rule"]
                .with_context(active_test=False)
                .browse(xmlid.res_id)
                .exists()
            )
        }
        problems = []
        for model, name, field in suite_fields(self.env):
            if field.type != "selection" or not GUARDED_NAME.match(name):
                continue
            if model._name == "sales.policy.approval.request":
                continue  # the engine's own requests
            if (model._name, name) in DRIVEN_BY:
                model = self.env[DRIVEN_BY[model._name, name]]
            values = {value for value, _label in field._description_selection(self.env)}
            if not values & DECISION_VALUES:
                continue
            if model._name not in consumers:
                problems.append(
                    f"{model._name}.{name}: not an approval-engine consumer"
                )
            elif model._name not in shipped:
                problems.append(f"{model._name}.{name}: no approval rule shipped")
            elif not model._approval_actions:
                problems.append(f"{model._name}.{name}: no gated action declared")
        self.assertEqual(
            problems, [], "approvals written by hand:\n" + "\n".join(problems)
        )

    def test_no_state_decision_or_approver_field_is_left_writable(self):
        problems = []
        for model, name, field in suite_fields(self.env):
            if not GUARDED_NAME.match(name) or not writable(field):
                continue
            if {(model._name, name), ("*", name)} & GUARDED_ELSEWHERE.keys():
                continue
            protected = getattr(model, "_protected_fields", ())
            if name in protected:
                continue
            problems.append(f"{model._name}.{name}")
        self.assertEqual(
            problems,
            [],
            "fields a caller may write directly (protect them with "
            "_protected_fields, or document their guard):\n" + "\n".join(problems),
        )

    def test_every_guard_names_its_policy_clause(self):
        """A refusal of a guarded transition or a missing approval names the
        clause of the policy it enforces: every guarded model declares one
        that the clause register knows."""
        guarded = self.env.registry["sales.policy.transition.mixin"]
        codes = set(self.env["sales.policy.clause"].sudo().search([]).mapped("code"))
        problems = []
        for model_name in sorted(self.env.registry.models):
            model = self.env[model_name]
            if model._abstract or not isinstance(model, guarded):
                continue
            clause = model._policy_clause
            if not clause:
                problems.append(f"{model_name}: no _policy_clause")
            elif clause not in codes:
                problems.append(f"{model_name}: clause {clause} is not registered")
        self.assertEqual(problems, [], "\n".join(problems))
