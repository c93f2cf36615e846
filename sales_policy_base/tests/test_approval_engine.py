# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The approval engine on a test-only document (no sale order involved)."""

from datetime import timedelta

from lxml import etree
from odoo_test_helper import FakeModelLoader

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools.approval_match import action_gates, thresholds_met
from .common import SalesPolicyCommon

MANAGER = "sales_policy_base.group_sales_policy_manager"
SENIOR = "sales_policy_base.group_sales_policy_senior_manager"


@tagged("post_install", "-at_install")
class TestApprovalEngine(SalesPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import SalesPolicyTestDocument, SalesPolicyTestOther

        cls.loader.update_registry((SalesPolicyTestDocument, SalesPolicyTestOther))
        cls.model = cls.env["ir.model"]._get("sales.policy.test.document")
        cls.env["ir.model.access"].create(
            {
                "name": "test document, users",
                "model_id": cls.model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )
        # the engine's subject is the rules made here, not the shipped ones
        cls.env["sales.policy.approval.rule"].search([]).active = False
        cls.Rule = cls.env["sales.policy.approval.rule"].with_user(cls.policy_admin)
        cls.Document = cls.env["sales.policy.test.document"]
        cls.manager_2 = cls._new_policy_user("sp_manager_2", MANAGER)

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _rule(self, **vals):
        return self.Rule.create(
            {
                "name": "Needs a manager",
                "model_id": self.model.id,
                "approver_type": "group",
                "approver_group_id": self.env.ref(MANAGER).id,
                **vals,
            }
        )

    def _document(self, **vals):
        return self.Document.with_user(self.rep).create({"name": "Doc", **vals})

    def _requests(self, document):
        return self.env["sales.policy.approval.request"].search(
            [("res_model", "=", document._name), ("res_id", "=", document.id)]
        )

    # --- pure functions ----------------------------------------------------------
    def test_thresholds_and_action_ranks_pure_functions(self):
        values = {"amount": 500.0, "days": 12, "urgent": False}
        self.assertTrue(thresholds_met(values, 500, 1000))  # 500 in [500, 1000)
        self.assertFalse(thresholds_met(values, 0, 500))  # 500 not below 500
        self.assertTrue(thresholds_met(values, 0, 0, "days", ">", 10))  # 12 > 10
        self.assertFalse(thresholds_met(values, 0, 0, "days", "<", 12))  # not < 12
        self.assertFalse(thresholds_met(values, 0, 0, "urgent", "set", 0))
        self.assertFalse(thresholds_met(values, 0, 0, "rate", ">", 0))  # no rate
        ranks = {"submit": 10, "close": 20}
        self.assertTrue(action_gates("submit", "close", ranks))
        self.assertFalse(action_gates("close", "submit", ranks))
        self.assertFalse(action_gates("other", "close", ranks))  # no rank: itself
        self.assertTrue(action_gates("other", "other", ranks))

    # --- declarations --------------------------------------------------------------
    def test_rule_offers_the_steps_and_figures_the_document_declares(self):
        rule = self._rule()
        # the first declared step by default
        self.assertRecordValues(rule, [{"action": "submit", "kind": "approval"}])
        actions = dict(self.Rule._selection_action())
        self.assertEqual(actions["submit"], "Submit")
        self.assertIn("urgent", dict(self.Rule._selection_metric()))
        rule.metric = "urgent"
        self.assertEqual(rule.metric_operator, "set")  # a yes/no figure
        self.assertEqual(actions["archive"], "Archive")  # the other consumer's
        with self.assertRefused(ValidationError, "has no step Archive|has no step"):
            rule.action = "archive"
            rule.flush_recordset()
        with self.assertRefused(ValidationError, "percentages between 0 and 100"):
            self._rule(metric="rate", metric_operator=">", metric_value=150)
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._rule(metric="days", metric_operator=">", metric_value=-1)
        with self.assertRefused(ValidationError, "a yes/no figure"):
            self._rule(metric="days", metric_operator="set")

    def test_rule_on_a_model_without_the_mixin_refused(self):
        with self.assertRefused(ValidationError, "support approvals"):
            self._rule(model_id=self.env["ir.model"]._get("res.partner").id)

    def test_form_gets_status_banner_and_buttons_without_xml(self):
        arch = self.Document.get_view(view_type="form")["arch"]
        form = etree.fromstring(arch)
        self.assertTrue(form.xpath("//field[@name='approval_status']"))
        self.assertTrue(form.xpath("//field[@name='approval_pending_rules']"))
        self.assertTrue(form.xpath("//header/button[@name='action_request_approval']"))
        self.assertTrue(form.xpath("//header/button[@name='action_approval_approve']"))
        button = form.xpath("//button[@name='action_request_approval']")[0]
        self.assertIn("state not in ('draft', 'submitted')", button.get("invisible"))
        self.assertTrue(
            form.xpath(
                "//div[@name='button_box']/button[@name='action_view_approval_requests']"
            )
        )

    # --- matching ----------------------------------------------------------------
    def test_rules_match_amount_figures_condition_and_company(self):
        big = self._rule(name="Big", amount_from=1000)
        late = self._rule(
            name="Late", metric="days", metric_operator=">", metric_value=30
        )
        urgent = self._rule(name="Urgent", metric="urgent")
        named = self._rule(name="Named", domain="[('name', '=', 'Special')]")
        other_company = self._rule(name="B only").sudo()
        other_company.company_id = self.company_b
        doc = self._document(amount=999, days=30)
        self.assertEqual(doc._approval_applicable_rules()[doc.id], self.Rule.browse())
        doc.write({"amount": 1000, "days": 31, "urgent": True, "name": "Special"})
        self.assertEqual(
            doc._approval_applicable_rules()[doc.id], big | late | urgent | named
        )
        self.assertNotIn(other_company, doc._approval_applicable_rules()[doc.id])

    def test_a_rule_on_an_earlier_step_gates_the_later_ones(self):
        on_submit = self._rule(name="On submit", action="submit")
        on_close = self._rule(name="On close", action="close")
        doc = self._document()
        self.assertEqual(doc._approval_applicable_rules("submit")[doc.id], on_submit)
        self.assertEqual(
            doc._approval_applicable_rules("close")[doc.id], on_submit | on_close
        )
        with self.assertRefused(UserError, "Submit refused.*On submit"):
            doc.action_submit()
        self.assertEqual(doc.state, "draft")

    # --- the flow --------------------------------------------------------------
    def test_any_of_rule_one_approver_enough_and_decision_hook_runs(self):
        self._rule(sequence=2)
        doc = self._document()
        self.assertEqual(doc.approval_status, "to_submit")
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        self.assertRecordValues(request, [{"state": "pending"}])
        self.assertIn(self.manager, request.inbox_user_ids)
        self.assertIn(self.manager_2, request.inbox_user_ids)
        self.assertFalse(doc.with_user(self.rep).approval_can_decide)
        with self.assertRefused(UserError, "waits for your decision"):
            doc.with_user(self.rep).action_approval_approve()
        # the form's Approve button decides the request waiting for the manager
        self.assertTrue(doc.with_user(self.manager).approval_can_decide)
        doc.with_user(self.manager).action_approval_approve()
        self.assertRecordValues(
            request, [{"state": "approved", "decided_by_id": self.manager.id}]
        )
        self.assertFalse(request.inbox_user_ids)
        self.assertEqual(doc.decision_log, "approved:1;")
        doc.with_user(self.rep).action_submit()
        self.assertEqual(doc.state, "submitted")

    def test_all_of_rule_waits_for_every_approver(self):
        self._rule(
            approver_type="user",
            approver_user_ids=[(6, 0, (self.manager | self.senior_manager).ids)],
            approval_mode="all",
        )
        doc = self._document()
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.inbox_user_ids, self.senior_manager)
        with self.assertRefused(UserError, "must approve it first"):
            doc.with_user(self.rep).action_submit()
        request.with_user(self.senior_manager).action_approve()
        self.assertEqual(request.state, "approved")
        doc.with_user(self.rep).action_submit()
        self.assertEqual(doc.state, "submitted")

    def test_missing_rules_listed_in_rule_sequence(self):
        self._rule(name="Second", sequence=20)
        self._rule(name="First", sequence=10)
        doc = self._document()
        self.assertEqual(doc.approval_pending_rules, "First, Second")

    def test_rejection_blocks_until_the_document_changes(self):
        self._rule()
        doc = self._document(amount=10)
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        request.with_user(self.manager).action_reject()
        self.assertEqual(doc.approval_status, "rejected")
        self.assertEqual(doc.decision_log, "rejected:1;")
        with self.assertRefused(UserError, "rejected under the rule"):
            doc.with_user(self.rep).action_request_approval()
        doc.with_user(self.rep).amount = 11
        doc.with_user(self.rep).action_request_approval()
        self.assertEqual(doc.approval_status, "pending")

    def test_submitter_may_not_approve_own_request(self):
        self._rule()
        doc = self.Document.with_user(self.manager).create({"name": "Mine"})
        doc.with_user(self.manager).action_request_approval()
        request = self._requests(doc)
        self.assertNotIn(self.manager, request.inbox_user_ids)
        with self.assertRefused(UserError, "forbids approving one's own request"):
            request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")

    def test_who_benefits_from_a_document_never_decides_it(self):
        self._rule()
        self.company.sales_policy_allow_self_approval = True  # not a way round it
        doc = self._document(beneficiary_id=self.manager.id)
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        self.assertEqual(request.conflicted_user_ids, self.manager)
        self.assertNotIn(self.manager, request.inbox_user_ids)
        self.assertFalse(doc.with_user(self.manager).approval_can_decide)
        with self.assertRefused(UserError, "You benefit from"):
            request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "pending")
        request.with_user(self.manager_2).action_approve()
        self.assertEqual(request.state, "approved")
        # when only beneficiaries could decide, nothing is submitted
        only = self._document(name="Only", beneficiary_id=self.manager.id)
        self._rule(
            name="Named",
            approver_type="user",
            approver_user_ids=[(6, 0, self.manager.ids)],
            domain="[('name', '=', 'Only')]",
        )
        with self.assertRefused(UserError, "paying themselves"):
            only.with_user(self.rep).action_request_approval()

    def test_delegate_decides_for_an_absent_approver(self):
        self._rule(approver_type="user", approver_user_ids=[(6, 0, self.manager.ids)])
        today = fields.Date.today()
        self.env["sales.policy.approval.delegation"].with_user(self.manager).create(
            {
                "user_id": self.manager.id,
                "delegate_id": self.manager_2.id,
                "date_from": today,
                "date_to": today + timedelta(days=3),
            }
        )
        doc = self._document()
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        self.assertIn(self.manager_2, request.inbox_user_ids)
        request.with_user(self.manager_2).action_approve()
        self.assertEqual(request.state, "approved")

    def test_edit_after_approval_reopens_review(self):
        self._rule()
        doc = self._document(amount=100)
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        request.with_user(self.manager).action_approve()
        self.assertEqual(doc.approval_status, "approved")
        doc.with_user(self.rep).amount = 90
        self.assertEqual(request.state, "outdated")
        self.assertEqual(doc.approval_status, "pending")
        with self.assertRefused(UserError, "must approve it first"):
            doc.with_user(self.rep).action_submit()

    def test_deciding_an_outdated_request_keeps_it_outdated(self):
        self._rule()
        doc = self._document(amount=100)
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        # changed behind the engine's back (no write hook): the decision sees it
        self.env.cr.execute(
            "UPDATE sales_policy_test_document SET amount = 1 WHERE id = %s", [doc.id]
        )
        self.env.invalidate_all()
        result = request.with_user(self.manager).action_approve()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertEqual(request.state, "outdated")

    def test_reminder_cron_reminds_pending_approvers(self):
        self._rule()
        self.company.sales_policy_approval_reminder_days = 2
        doc = self._document()
        doc.with_user(self.rep).action_request_approval()
        request = self._requests(doc)
        request.sudo().request_date = fields.Datetime.now() - timedelta(days=3)
        self.env["sales.policy.approval.request"]._cron_remind_approvers()
        self.assertTrue(request.reminder_date)
        self.assertIn("Reminder", request.message_ids[0].body)

    def test_my_approvals_inbox_holds_open_work_only(self):
        self._rule()
        doc = self._document()
        doc.with_user(self.rep).action_request_approval()
        inbox = [("inbox_user_ids", "in", self.manager.ids)]
        Request = self.env["sales.policy.approval.request"].with_user(self.manager)
        self.assertEqual(Request.search_count(inbox), 1)
        self._requests(doc).with_user(self.manager).action_approve()
        self.assertEqual(Request.search_count(inbox), 0)

    # --- transitions --------------------------------------------------------------
    def test_protected_fields_change_only_through_the_actions(self):
        self._rule(action="close")
        doc = self._document()
        for context in ({}, {"sales_policy_transition": True}):
            with self.assertRefused(UserError, "change only through"):
                doc.with_user(self.rep).with_context(**context).write(
                    {"state": "submitted"}
                )
        with self.assertRefused(UserError, "change only through"):
            self.Document.with_user(self.rep).create(
                {"name": "Forged", "state": "closed", "closed_by_id": self.rep.id}
            )
        # nor through a forged default in the context
        forged = (
            self.Document.with_user(self.rep)
            .with_context(default_state="closed", default_closed_by_id=self.rep.id)
            .create({"name": "Context"})
        )
        self.assertRecordValues(forged, [{"state": "draft", "closed_by_id": False}])
        doc.with_user(self.rep).action_submit()  # no rule on submit
        self.assertEqual(doc.state, "submitted")
        with self.assertRefused(UserError, "Close refused"):
            doc.with_user(self.rep).action_close()
        self.assertRecordValues(doc, [{"state": "submitted", "closed_by_id": False}])
        copy = doc.with_user(self.rep).copy()
        self.assertEqual(copy.state, "draft")

    def test_requests_cannot_be_made_by_hand_even_by_an_administrator(self):
        rule = self._rule()
        doc = self._document()
        Request = self.env["sales.policy.approval.request"].with_user(self.policy_admin)
        with self.assertRefused(UserError, "cannot be created by hand"):
            Request.create(
                {
                    "rule_id": rule.id,
                    "res_model": doc._name,
                    "res_id": doc.id,
                    "state": "approved",
                    "fingerprint": "forged",
                }
            )
        self.assertFalse(self._requests(doc))
        self.assertEqual(doc.approval_status, "to_submit")
