# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestApprovalGaps(SalesPolicySaleCommon):
    """Approvers that cannot be missing, delegates of the right level, the
    submitter's own request, contract terms in the fingerprint, rejected
    documents resubmitted unchanged, rule conditions and company scope."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_model = cls.env["ir.model"]._get("sale.order")
        cls.group_manager = cls.env.ref("sales_policy_base.group_sales_policy_manager")
        cls.payment_term_60 = cls.env["account.payment.term"].create(
            {
                "name": "Policy 60 days",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 100, "nb_days": 60}
                    )
                ],
            }
        )

    def _new_rule(self, **vals):
        return self.env["sales.policy.approval.rule"].create(
            {
                "name": "Test rule",
                "model_id": self.sale_model.id,
                "approver_type": "group",
                "approver_group_id": self.group_manager.id,
                **vals,
            }
        )

    def _delegate(self, approver, delegate):
        today = fields.Date.today()
        return (
            self.env["sales.policy.approval.delegation"]
            .with_user(approver)
            .create(
                {
                    "delegate_id": delegate.id,
                    "date_from": today,
                    "date_to": today + timedelta(days=3),
                }
            )
        )

    # --- 1. a request always has someone who can decide it ---
    def test_submit_refused_when_the_group_has_nobody_in_the_company(self):
        # company B has a policy admin (a manager) but no legal reviewer
        order = self._order(user=self.rep_company_b)
        self.assertEqual(order.company_id, self.company_b)
        with self.assertRefused(UserError, "has no active internal user in"):
            order.with_user(self.rep_company_b).action_request_approval()
        self.assertFalse(self._requests(order), "nothing half-saved")
        # a legal reviewer of company B is appointed: the request goes through
        self._new_policy_user(
            "sp_legal_b",
            "sales_policy_base.group_sales_policy_legal_reviewer",
            company=self.company_b,
        )
        order.with_user(self.rep_company_b).action_request_approval()
        self.assertEqual(
            self._requests(order, "pending").rule_id,
            self.rule_manager | self.rule_legal,
        )

    def test_submit_refused_when_the_team_has_no_leader(self):
        (self.shipped_rules - self.rule_manager).active = False
        self.rule_manager.write(
            {"approver_type": "field", "approver_field": "team_id.user_id"}
        )
        team = self.env["crm.team"].create({"name": "Leaderless Team"})
        order = self._order()
        order.team_id = team
        with self.assertRefused(UserError, "team_id.user_id, which is empty"):
            order.with_user(self.rep).action_request_approval()
        self.assertFalse(self._requests(order))
        team.user_id = self.manager
        order.with_user(self.rep).action_request_approval()
        self.assertEqual(self._requests(order, "pending").approver_ids, self.manager)

    def test_submit_refused_when_the_only_approver_is_the_submitter(self):
        (self.shipped_rules - self.rule_manager).active = False
        self.rule_manager.write(
            {"approver_type": "user", "approver_user_ids": [(6, 0, self.manager.ids)]}
        )
        order = self._order(user=self.manager)
        with self.assertRefused(UserError, "only approver"):
            order.with_user(self.manager).action_request_approval()
        self.assertFalse(self._requests(order))
        self.company.sales_policy_allow_self_approval = True
        order.with_user(self.manager).action_request_approval()
        self.assertEqual(len(self._requests(order, "pending")), 1)

    # --- 2. delegates of user- and field-type rules ---
    def test_named_approver_delegates_only_to_a_manager_or_a_peer(self):
        # the finance reviewer approves as a named user, not through a group;
        # other modules' rules (a finance review by the group) are not this
        # test's subject
        self.env["sales.policy.approval.rule"].search([]).active = False
        self._new_rule(
            approver_type="user",
            approver_group_id=False,
            approver_user_ids=[(6, 0, self.finance_reviewer.ids)],
        )
        with self.assertRefused(ValidationError, "right group"):
            self._delegate(self.finance_reviewer, self.rep)
        finance_2 = self._new_policy_user(
            "sp_finance_2", "sales_policy_base.group_sales_policy_finance_reviewer"
        )
        self.assertTrue(self._delegate(self.finance_reviewer, finance_2))
        self.assertTrue(self._delegate(self.finance_reviewer, self.manager))

    def test_team_leader_delegates_only_to_a_sales_manager(self):
        (self.shipped_rules - self.rule_manager).active = False
        self.rule_manager.write(
            {"approver_type": "field", "approver_field": "team_id.user_id"}
        )
        # a salesperson leads the team: his stand-in must be a sales manager
        with self.assertRefused(ValidationError, "right group"):
            self._delegate(self.rep_2, self.rep)
        self.assertFalse(self.env["sales.policy.approval.delegation"].search([]))
        delegation = self._delegate(self.rep_2, self.manager)
        self.assertEqual(delegation.delegate_id, self.manager)

    # --- 3. the submitter does not approve what he submitted ---
    def test_manager_cannot_approve_a_rep_order_he_submitted(self):
        order = self._order()  # the rep owns it
        order.with_user(self.manager).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        self.assertRecordValues(
            request,
            [{"requester_id": self.rep.id, "submitted_by_id": self.manager.id}],
        )
        with self.assertRefused(UserError, "You submitted or own"):
            request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")
        request.with_user(self.senior_manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_submitter_approves_when_the_company_allows_it(self):
        self.company.sales_policy_allow_self_approval = True
        order = self._order()
        order.with_user(self.manager).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")

    # --- 4. contract terms belong to what was approved ---
    def test_changing_payment_terms_after_approval_reopens_review(self):
        order = self._order()
        self._submit_and_approve_all(order)
        approved = self._requests(order, "approved")
        self.assertEqual(order.with_user(self.rep).approval_status, "approved")
        order.with_user(self.rep).payment_term_id = self.payment_term_60
        self.assertEqual(set(approved.mapped("state")), {"outdated"})
        self.assertEqual(
            self._requests(order, "pending").rule_id,
            self.rule_manager | self.rule_legal,
        )
        with self.assertRefused(UserError, "must approve it first"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_every_contract_term_changes_the_fingerprint(self):
        order = self._order()
        fiscal_position = self.env["account.fiscal.position"].create(
            {"name": "Policy Export"}
        )
        for name, value in (
            ("payment_term_id", self.payment_term_60.id),
            ("validity_date", fields.Date.today() + timedelta(days=90)),
            ("fiscal_position_id", fiscal_position.id),
            ("note", "<p>Delivery within 3 weeks, penalties 1% per day.</p>"),
        ):
            with self.subTest(field=name):
                before = order._approval_fingerprints()[order.id]
                order.write({name: value})
                self.assertNotEqual(order._approval_fingerprints()[order.id], before)

    # --- 5. a rejected document is changed before it is resubmitted ---
    def test_rejected_order_cannot_be_resubmitted_unchanged(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        request.with_user(self.manager).action_reject()
        with self.assertRefused(UserError, "change the document first"):
            order.with_user(self.rep).action_request_approval()
        self.assertEqual(len(self._requests(order)), 2)
        self.assertEqual(order.with_user(self.rep).approval_status, "rejected")
        # the rep raises the price (110 instead of 100): a new request is made
        order.order_line.with_user(self.rep).price_unit = 110.0
        order.with_user(self.rep).action_request_approval()
        pending = self._requests(order, "pending").filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        self.assertEqual(len(pending), 1)
        self.assertEqual(order.with_user(self.rep).approval_status, "pending")

    # --- 6. shipped rules point to their clauses ---
    def test_each_shipped_rule_points_to_its_policy_clause(self):
        expected = {
            self.rule_manager: "SP-APP-01",
            self.rule_senior: "SP-APP-02",
            self.rule_legal: "SP-APP-03",
            self.rule_floor: "SP-PRC-01",
        }
        for rule, code in expected.items():
            with self.subTest(rule=rule.name):
                self.assertEqual(rule.clause_id.code, code)
                self.assertEqual(rule.clause_id.enforcement, "approval_rule")

    # --- 7. conditions, company scope, margins, activities ---
    def test_rule_condition_applies_to_matching_orders_only(self):
        rule = self._new_rule(
            name="Company customers reviewed",
            domain="[('partner_id.is_company', '=', True)]",
        )
        company_order = self._order(partner=self.distributor)
        person_order = self._order()
        self.assertIn(rule.name, company_order.approval_pending_rules)
        self.assertNotIn(rule.name, person_order.approval_pending_rules)

    def test_company_specific_rule_does_not_apply_in_another_company(self):
        rule = self._new_rule(name="Company B review", company_id=self.company_b.id)
        order = self._order()
        order_b = self._order(user=self.rep_company_b)
        applicable = (order | order_b)._approval_applicable_rules()
        self.assertNotIn(rule, applicable[order.id])
        self.assertIn(rule, applicable[order_b.id])

    def test_low_margin_order_needs_the_margin_rule(self):
        rule = self._new_rule(
            name="Margin under 45%",
            metric="margin",
            metric_operator="<",
            metric_value=45.0,
        )
        # 2 x 100 = 200, cost 2 x 60 = 120: margin (200 - 120) / 200 = 40% < 45%
        low = self._order()
        # 2 x 120 = 240, cost 120: margin (240 - 120) / 240 = 50%, not below 45%
        fair = self._order(lines=[(self.product, 2, 120.0)])
        self.assertIn(rule.name, low.approval_pending_rules)
        self.assertNotIn(rule.name, fair.approval_pending_rules)
        low.with_user(self.rep).action_request_approval()
        self.assertIn(rule, self._requests(low, "pending").rule_id)

    def test_rejection_closes_the_approvers_activities(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        activities = request.activity_link_ids
        self.assertIn(self.manager, activities.user_id)
        request.with_user(self.manager).action_reject()
        self.assertFalse(activities.exists())
        self.assertFalse(
            order.activity_ids.filtered(lambda a: self.rule_manager.name in a.summary)
        )
