# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestSuspension(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "list_price": 1000.0,
                "qualification_id": cls.active_qualification.id,
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Customer Ltd"})

    def _order(self, user=None):
        user = user or self.rep
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        (0, 0, {"product_id": self.service.id, "product_uom_qty": 1})
                    ],
                }
            )
        )

    def test_suspended_certificate_cannot_be_sold_and_the_quotation_warns(self):
        order = self._order()
        self.assertFalse(order.qualification_warning)
        self._suspend(self.active_qualification, reason="Bureau audit pending")
        self.assertRecordValues(self.active_qualification, [{"state": "suspended"}])
        order.invalidate_recordset(["qualification_warning"])
        self.assertIn("suspended", order.qualification_warning)
        self.assertIn("Bureau audit pending", order.qualification_warning)
        with self.assertRefused(UserError, "suspended.*SP-QUA-11"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_suspended_certificate_cannot_be_lent_requested_or_handed_out(self):
        # approved before the suspension: the hand-out is refused afterwards
        loan = self._request_loan(self.active_qualification)
        loan.with_user(self.manager).action_approval_approve()
        self.assertEqual(loan.state, "approved")
        self._suspend(self.active_qualification)
        # the borrower is told to stop using it
        self.assertIn(
            self.rep,
            loan.activity_ids.filtered(
                lambda a: "suspended" in (a.summary or "")
            ).user_id,
        )
        with self.assertRefused(UserError, "cannot be borrowed.*Suspended"):
            loan.with_user(self.manager).action_hand_out()
        self.assertEqual(loan.state, "approved")
        other = self._create_qualification("Other", "OT-1")
        self._suspend(other)
        with self.assertRefused(UserError, "cannot be borrowed.*Suspended"):
            self._request_loan(other)

    def test_only_a_manager_suspends_and_only_a_sellable_certificate(self):
        with self.assertRefused(UserError, "Only a sales manager can suspend"):
            self._suspend(self.active_qualification, user=self.rep)
        self.assertEqual(self.active_qualification.state, "active")
        expired = self._create_qualification("Old", "OLD-1", state="expired")
        with self.assertRefused(UserError, "cannot be suspended: it is Expired"):
            self._suspend(expired)
        suspension = self._suspend(self.active_qualification)
        # a second running suspension of the same certificate is refused
        with self.assertRefused(UserError, "cannot be suspended: it is Suspended"):
            self._suspend(self.active_qualification)
        with self.assertRefused(UserError, "certificate of a suspension"):
            suspension.with_user(self.manager).qualification_id = expired

    def test_senior_manager_approves_the_resumption(self):
        suspension = self._suspend(self.active_qualification)
        with self.assertRefused(UserError, "Write why"):
            suspension.with_user(self.manager).action_request_resume()
        self._request_resume(suspension)
        self.assertEqual(suspension.state, "resume_requested")
        self.assertEqual(self.active_qualification.state, "suspended")
        # the manager who asked cannot decide; only a senior manager
        with self.assertRefused(UserError, "Only a senior manager"):
            suspension.with_user(self.manager).action_approval_approve()
        suspension.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            suspension,
            [{"state": "resumed", "resumed_by_id": self.senior_manager.id}],
        )
        self.assertRecordValues(
            self.active_qualification, [{"state": "active", "suspension_id": False}]
        )
        self._order().action_confirm()

    def test_refused_resumption_keeps_it_suspended_until_a_new_reason(self):
        suspension = self._suspend(self.active_qualification)
        self._request_resume(suspension)
        suspension.with_user(self.senior_manager).action_approval_reject()
        self.assertEqual(suspension.state, "suspended")
        self.assertEqual(self.active_qualification.state, "suspended")
        # the same request again is refused by the engine: change the reason first
        with self.assertRefused(UserError, "rejected under the rule"):
            suspension.with_user(self.manager).action_request_resume()
        self._request_resume(suspension, note="Officer certified on 1 March")
        suspension.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(self.active_qualification.state, "active")

    def test_nobody_resumes_by_writing_the_state(self):
        suspension = self._suspend(self.active_qualification)
        for user in (self.manager, self.senior_manager):
            with self.assertRefused(UserError, "SP-QUA-02"):
                self.active_qualification.with_user(user).write({"state": "active"})
            with self.assertRefused(UserError, "SP-QUA-11"):
                suspension.with_user(user).write({"state": "resumed"})
        with self.assertRefused(UserError, "SP-QUA-11"):
            self.env["sales.qualification.suspension"].with_user(self.manager).create(
                {
                    "qualification_id": self._create_qualification("B", "B-1").id,
                    "reason": "x",
                    "state": "resumed",
                }
            )
        self.assertEqual(self.active_qualification.state, "suspended")
        self.assertEqual(suspension.state, "suspended")

    def test_expiring_certificate_resumes_expiring_and_expired_one_expires(self):
        expiring = self._create_qualification(
            "Expiring", "EX-1", days=40, state="expiring"
        )
        suspension = self._suspend(expiring)
        self.assertEqual(suspension.previous_state, "expiring")
        # it expired while suspended: resuming moves it along its windows
        expiring.sudo().expiry_date = self.today - timedelta(days=1)
        self._request_resume(suspension)
        suspension.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(expiring.state, "expired")

    def test_policy_watch_suspends_the_affected_certificates_that_sell(self):
        expired = self._create_qualification("Old", "OLD-2", state="expired")
        watch = (
            self.env["sales.qualification.policy.watch"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Two more engineers per Grade II licence",
                    "region": "Anhui",
                    "qualification_ids": [
                        (6, 0, (self.active_qualification | expired).ids)
                    ],
                }
            )
        )
        with self.assertRefused(UserError, "Only a sales manager"):
            watch.with_user(self.rep).action_suspend_affected()
        watch.with_user(self.manager).action_suspend_affected()
        self.assertRecordValues(
            watch, [{"state": "acted", "acted_by_id": self.manager.id}]
        )
        self.assertRecordValues(
            watch.suspension_ids,
            [
                {
                    "qualification_id": self.active_qualification.id,
                    "origin": "policy_change",
                }
            ],
        )
        self.assertEqual(self.active_qualification.state, "suspended")
        self.assertEqual(expired.state, "expired")
        with self.assertRefused(UserError, "SP-QUA-11"):
            watch.with_user(self.manager).write({"state": "watching"})

    def test_critical_emergency_on_a_certificate_suspends_it(self):
        emergency = (
            self.env["sales.qualification.emergency"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Licence seized",
                    "description": "The bureau seized the original",
                    "qualification_id": self.active_qualification.id,
                    "severity": "critical",
                }
            )
        )
        self.assertRecordValues(
            self.active_qualification.suspension_id,
            [{"origin": "emergency", "emergency_id": emergency.id}],
        )
        self.assertEqual(self.active_qualification.state, "suspended")

    def test_reps_read_suspensions_of_their_company_only(self):
        suspension = self._suspend(self.active_qualification)
        Suspension = self.env["sales.qualification.suspension"]
        self.assertEqual(Suspension.with_user(self.rep).search([]), suspension)
        self.assertFalse(Suspension.with_user(self.rep_company_b).search([]))
        with self.assertRefused(AccessError, ""):
            suspension.with_user(self.rep).resume_note = "please"
