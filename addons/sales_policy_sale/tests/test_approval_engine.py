# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tools.approval_match import thresholds_met

from .common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestApprovalEngine(SalesPolicySaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["sales.policy.approval.rule"].with_user(cls.policy_admin)
        cls.sale_model = cls.env["ir.model"]._get("sale.order")

    def _rule_vals(self, **vals):
        return {
            "name": "Test rule",
            "model_id": self.sale_model.id,
            "approver_type": "group",
            "approver_group_id": self.env.ref(
                "sales_policy_base.group_sales_policy_manager"
            ).id,
            **vals,
        }

    def test_thresholds_met_pure_function(self):
        values = {"amount": 500.0, "discount": 12.0, "margin": 8.0}
        self.assertTrue(thresholds_met(values, 0, 0))
        self.assertTrue(thresholds_met(values, 500, 1000))  # 500 in [500, 1000)
        self.assertFalse(thresholds_met(values, 0, 500))  # 500 not < 500
        self.assertTrue(thresholds_met(values, 0, 0, "discount", ">", 10))  # 12 > 10
        self.assertFalse(thresholds_met(values, 0, 0, "discount", ">", 12))  # not > 12
        self.assertTrue(thresholds_met(values, 0, 0, "margin", "<", 10))  # 8 < 10
        # no discount on the record: a discount rule never applies
        self.assertFalse(thresholds_met({"amount": 1}, 0, 0, "discount", ">", 5))

    def test_admin_creates_a_valid_rule(self):
        rule = self.Rule.create(self._rule_vals(amount_from=100, amount_to=1000))
        self.assertRecordValues(rule, [{"model_name": "sale.order", "action": "send"}])

    def test_negative_threshold_refused(self):
        count = self.Rule.search_count([])
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.Rule.create(self._rule_vals(metric="discount", metric_value=-5))
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.Rule.create(self._rule_vals(amount_from=-1))
        self.assertEqual(self.Rule.search_count([]), count)

    def test_reversed_amount_range_refused(self):
        with self.assertRefused(ValidationError, "reversed"):
            self.Rule.create(self._rule_vals(amount_from=1000, amount_to=100))

    def test_percentage_above_100_refused(self):
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.Rule.create(
                self._rule_vals(metric="margin", metric_operator="<", metric_value=150)
            )

    def test_rule_without_approver_refused(self):
        with self.assertRefused(ValidationError, "has no approver"):
            self.Rule.create(
                self._rule_vals(approver_type="user", approver_group_id=False)
            )
        with self.assertRefused(ValidationError, "has no approver"):
            self.rule_manager.with_user(self.policy_admin).approver_group_id = False
        self.env.invalidate_all()  # read what the database kept
        self.assertTrue(self.rule_manager.approver_group_id)

    def test_approver_field_must_lead_to_a_user(self):
        rule = self.Rule.create(
            self._rule_vals(approver_type="field", approver_field="team_id.user_id")
        )
        self.assertEqual(rule.approver_field, "team_id.user_id")
        with self.assertRefused(ValidationError, "not a path to a user"):
            self.Rule.create(
                self._rule_vals(approver_type="field", approver_field="partner_id")
            )

    def test_team_leader_approves_through_a_field_rule(self):
        team = self.env["crm.team"].create(
            {"name": "Policy Team", "user_id": self.senior_manager.id}
        )
        (self.shipped_rules - self.rule_manager).active = False
        self.rule_manager.write(
            {"approver_type": "field", "approver_field": "team_id.user_id"}
        )
        order = self._order()
        order.team_id = team
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order)
        self.assertEqual(request.approver_ids, self.senior_manager)
        request.with_user(self.senior_manager).action_approve()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_invalid_domain_refused(self):
        with self.assertRefused(ValidationError, "not a valid domain"):
            self.Rule.create(self._rule_vals(domain="[('no_such_field', '=', 1)]"))

    def test_rule_on_a_model_without_approvals_refused(self):
        with self.assertRefused(ValidationError, "support approvals"):
            self.Rule.create(
                self._rule_vals(model_id=self.env["ir.model"]._get("res.partner").id)
            )

    def test_salesperson_cannot_edit_rules(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.rule_manager.with_user(self.manager).name = "Nothing to approve"

    def _only_the_manager_rule_by_two_managers(self, mode):
        """Only the manager rule applies; the manager and the senior manager
        approve it, any one of them or all of them (``mode``)."""
        (self.shipped_rules - self.rule_manager).active = False
        self.rule_manager.write(
            {
                "approver_type": "user",
                "approver_user_ids": [(6, 0, (self.manager | self.senior_manager).ids)],
                "approval_mode": mode,
            }
        )

    def test_all_of_rule_needs_every_approver(self):
        self._only_the_manager_rule_by_two_managers("all")
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order)
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.approved_user_ids, self.manager)
        request.with_user(self.senior_manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_all_of_rule_submitted_by_one_approver_waits_for_the_others(self):
        self._only_the_manager_rule_by_two_managers("all")
        order = self._order()
        # the manager submits the rep's order: he may not approve his submission
        order.with_user(self.manager).action_request_approval()
        request = self._requests(order)
        # nothing waits for him: no inbox entry, no activity, no button
        self.assertEqual(request.inbox_user_ids, self.senior_manager)
        self.assertEqual(request.activity_link_ids.user_id, self.senior_manager)
        self.assertFalse(request.with_user(self.manager).can_decide)
        with self.assertRefused(UserError, "forbids approving one's own request"):
            request.with_user(self.manager).action_approve()
        # the senior manager is the only one left to approve: that completes it
        request.with_user(self.senior_manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_submitters_delegate_cannot_approve_the_submission_for_him(self):
        self._only_the_manager_rule_by_two_managers("any")
        stand_in = self._new_policy_user(
            "sp_manager_stand_in", "sales_policy_base.group_sales_policy_manager"
        )
        today = fields.Date.today()
        self.env["sales.policy.approval.delegation"].with_user(self.manager).create(
            {
                "delegate_id": stand_in.id,
                "date_from": today,
                "date_to": today + timedelta(days=7),
            }
        )
        order = self._order()
        order.with_user(self.manager).action_request_approval()
        request = self._requests(order)
        self.assertFalse(request.with_user(stand_in).can_decide)
        with self.assertRefused(UserError, "also through a delegate"):
            request.with_user(stand_in).action_approve()
        self.assertEqual(request.state, "pending")
        request.with_user(self.senior_manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_delegate_of_the_right_group_can_approve_during_the_period(self):
        other_manager = self._new_policy_user(
            "sp_manager_2", "sales_policy_base.group_sales_policy_manager"
        )
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order).filtered(lambda r: r.rule_id == self.rule_legal)
        # the legal reviewer is away: a colleague of the legal group stands in
        legal_2 = self._new_policy_user(
            "sp_legal_2", "sales_policy_base.group_sales_policy_legal_reviewer"
        )
        today = fields.Date.today()
        self.env["sales.policy.approval.delegation"].with_user(
            self.legal_reviewer
        ).create(
            {
                "delegate_id": legal_2.id,
                "date_from": today,
                "date_to": today + timedelta(days=7),
            }
        )
        self.assertIn(legal_2, request.delegate_user_ids)
        request.with_user(legal_2).action_approve()
        self.assertRecordValues(
            request, [{"state": "approved", "decided_by_id": legal_2.id}]
        )
        self.assertEqual(request.approved_user_ids, self.legal_reviewer)
        self.assertTrue(other_manager)

    def test_delegation_outside_the_approver_group_refused(self):
        Delegation = self.env["sales.policy.approval.delegation"]
        today = fields.Date.today()
        with self.assertRefused(ValidationError, "right group"):
            Delegation.with_user(self.manager).create(
                {"delegate_id": self.rep.id, "date_from": today, "date_to": today}
            )
        with self.assertRefused(ValidationError, "reversed"):
            Delegation.with_user(self.manager).create(
                {
                    "delegate_id": self.senior_manager.id,
                    "date_from": today,
                    "date_to": today - timedelta(days=1),
                }
            )
        with self.assertRefused(ValidationError, "your own approvals"):
            Delegation.with_user(self.rep).create(
                {
                    "user_id": self.manager.id,
                    "delegate_id": self.rep.id,
                    "date_from": today,
                    "date_to": today,
                }
            )
        self.assertFalse(Delegation.sudo().search([]))

    def test_expired_delegation_gives_no_right(self):
        order = self._order()
        order.with_user(self.rep).action_request_approval()
        request = self._requests(order).filtered(
            lambda r: r.rule_id == self.rule_manager
        )
        today = fields.Date.today()
        self.env["sales.policy.approval.delegation"].with_user(self.manager).create(
            {
                "delegate_id": self.senior_manager.id,
                "date_from": today - timedelta(days=10),
                "date_to": today - timedelta(days=5),
            }
        )
        self.assertNotIn(self.senior_manager, request.delegate_user_ids)
        # the senior manager is an approver of the group anyway: use rep_2
        self.assertIn(self.senior_manager, request.approver_ids)
        with self.assertRefused(UserError, "not an approver"):
            request.with_user(self.rep_2).action_approve()
