# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.sales_qualification_loan import SalesQualificationLoan
from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestBorrowing(SalesQualificationCommon):
    def test_rep_borrows_manager_approves_and_the_certificate_comes_back(self):
        loan = self._request_loan(self.active_qualification)
        self.assertRecordValues(
            loan, [{"state": "requested", "borrower_id": self.rep.id}]
        )
        self.assertTrue(loan.name.startswith("QBR/"))
        with self.assertRaisesRegex(UserError, "Only a sales manager approves"):
            loan.with_user(self.rep).action_approval_approve()
        loan.with_user(self.manager).action_approval_approve()
        self.assertRecordValues(
            loan, [{"state": "approved", "approved_by_id": self.manager.id}]
        )
        self.assertEqual(self.active_qualification.current_loan_id, loan)
        with self.assertRaisesRegex(UserError, "custodian"):
            loan.with_user(self.rep).action_hand_out()
        loan.with_user(self.manager).action_hand_out()
        self.assertRecordValues(loan, [{"state": "out", "handed_out_date": self.today}])
        loan.with_user(self.manager).action_return()
        self.assertRecordValues(
            loan, [{"state": "returned", "returned_date": self.today}]
        )
        self.assertFalse(self.active_qualification.current_loan_id)
        self._request_loan(self.active_qualification, user=self.rep_2)

    def test_the_custodian_hands_out_and_takes_back(self):
        self.active_qualification.custodian_id = self.rep_2
        loan = self._request_loan(self.active_qualification)
        self.assertEqual(self.Loan.with_user(self.rep_2).search([]), loan)
        loan.with_user(self.manager).action_approval_approve()
        loan.with_user(self.rep_2).action_hand_out()
        loan.with_user(self.rep_2).action_return()
        self.assertEqual(loan.state, "returned")

    def test_rep_cannot_move_a_request_by_writing_its_state(self):
        loan = self._request_loan(self.active_qualification)
        with self.assertRaisesRegex(UserError, "only with its buttons"):
            loan.with_user(self.rep).write({"state": "out"})
        with self.assertRaisesRegex(UserError, "starts as requested"):
            self._request_loan(self.active_qualification, state="out")

    def test_borrowing_an_expired_certificate_is_refused(self):
        expired = self._create_qualification("Old", "OLD-1", days=-1, state="expired")
        with self.assertRaisesRegex(UserError, "Old cannot be borrowed: it is Expired"):
            self._request_loan(expired)

    def test_borrowing_a_certificate_under_review_is_refused(self):
        reviewed = self._create_qualification("New", "NEW-1", state="under_review")
        with self.assertRaisesRegex(UserError, "it is Under Review"):
            self._request_loan(reviewed)

    def test_borrowing_a_certificate_already_out_is_refused(self):
        first = self._request_loan(self.active_qualification)
        second = self._request_loan(self.active_qualification, user=self.rep_2)
        first.with_user(self.manager).action_approval_approve()
        with self.assertRaisesRegex(UserError, "is already lent"):
            self._request_loan(self.active_qualification, user=self.rep_2)
        with self.assertRaisesRegex(UserError, "is already lent"):
            second.with_user(self.manager).action_approval_approve()
        self.assertEqual(second.state, "requested")

    def test_database_refuses_two_active_loans_of_one_certificate(self):
        first = self._request_loan(self.active_qualification)
        second = self._request_loan(self.active_qualification, user=self.rep_2)
        # as superuser, past the steps: the database's own guard is the subject
        first.sudo().write({"state": "approved"})
        first.flush_recordset()
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            second.sudo().write({"state": "out"})
            second.flush_recordset()
        # A returned loan does not count: a later one may be approved.
        first.sudo().write({"state": "returned"})
        first.flush_recordset()
        second.sudo().write({"state": "approved"})
        second.flush_recordset()

    def test_the_index_violation_reaches_the_user_as_a_clear_error(self):
        first = self._request_loan(self.active_qualification)
        second = self._request_loan(self.active_qualification, user=self.rep_2)
        first.sudo().write({"state": "approved"})
        first.flush_recordset()
        # Simulate a concurrent transaction that approved ``first`` unseen.
        with (
            patch.object(SalesQualificationLoan, "_check_borrowable"),
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(UserError, "already lent to someone else"),
        ):
            second.with_user(self.manager).action_approval_approve()
        self.assertEqual(second.state, "requested")

    def test_returning_something_never_lent_is_refused(self):
        loan = self._request_loan(self.active_qualification)
        with self.assertRaisesRegex(UserError, "was never handed out"):
            loan.with_user(self.manager).action_return()
        loan.with_user(self.manager).action_approval_approve()
        with self.assertRaisesRegex(UserError, "was never handed out"):
            loan.with_user(self.manager).action_return()

    def test_refused_and_cancelled_requests_release_the_certificate(self):
        loan = self._request_loan(self.active_qualification)
        loan.with_user(self.manager).action_approval_reject()
        self.assertEqual(loan.state, "refused")
        with self.assertRaisesRegex(UserError, "cannot be approved: it is Refused"):
            loan.with_user(self.manager).action_approval_approve()
        loan = self._request_loan(self.active_qualification)
        loan.with_user(self.manager).action_approval_approve()
        with self.assertRaisesRegex(UserError, "Only the borrower or a manager"):
            loan.with_user(self.rep_2).action_cancel()
        loan.with_user(self.rep).action_cancel()
        self.assertEqual(loan.state, "cancelled")
        self.assertFalse(self.active_qualification.current_loan_id)

    def test_only_a_manager_extends_the_return_date_of_an_approved_loan(self):
        loan = self._request_loan(self.active_qualification)
        later = self.today + timedelta(days=30)
        loan.with_user(self.rep).due_date = later
        loan.with_user(self.manager).action_approval_approve()
        with self.assertRaisesRegex(UserError, "Only a sales manager can change"):
            loan.with_user(self.rep).write({"due_date": later + timedelta(days=1)})
        with self.assertRaisesRegex(UserError, "make a new request"):
            loan.with_user(self.rep).write({"borrower_id": self.rep_2.id})
        loan.with_user(self.manager).write({"due_date": later + timedelta(days=1)})
        self.assertEqual(loan.due_date, later + timedelta(days=1))

    def test_return_date_before_request_date_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before the request date"):
            self._request_loan(
                self.active_qualification, due_date=self.today - timedelta(days=1)
            )
        loan = self._request_loan(self.active_qualification, due_date=self.today)
        self.assertEqual(loan.due_date, self.today)

    def test_rep_sees_own_requests_manager_sees_all(self):
        mine = self._request_loan(self.active_qualification)
        other = self._request_loan(self.active_qualification, user=self.rep_2)
        self.assertEqual(self.Loan.with_user(self.rep).search([]), mine)
        self.assertEqual(self.Loan.with_user(self.manager).search([]), mine | other)
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["purpose"])
        with self.assertRaises(AccessError):
            self.Loan.with_user(self.rep_company_b).create(
                {"qualification_id": self.active_qualification.id, "purpose": "x"}
            )

    def test_daily_cron_flags_overdue_returns_once(self):
        loan = self._request_loan(
            self.active_qualification,
            request_date=self.today - timedelta(days=10),
            due_date=self.today - timedelta(days=1),
        )
        on_time = self._request_loan(
            self._create_qualification("Second", "SEC-1"), user=self.rep_2
        )
        for each in loan | on_time:
            each.with_user(self.manager).action_approval_approve()
            each.with_user(self.manager).action_hand_out()
        self.assertEqual(self.Loan.search([("is_overdue", "=", True)]), loan)
        self.assertEqual(self.Loan._cron_flag_overdue(), 1)
        activity_type = self.env.ref(
            "sales_qualification.mail_activity_type_certificate_return"
        )
        activity = loan.activity_ids
        self.assertRecordValues(
            activity, [{"activity_type_id": activity_type.id, "user_id": self.rep.id}]
        )
        self.assertFalse(on_time.activity_ids)
        self.assertEqual(self.Loan._cron_flag_overdue(), 0)
        loan.with_user(self.manager).action_return()
        self.assertFalse(loan.activity_ids)
        self.assertFalse(loan.is_overdue)

    def _lent_expiry_alerts(self, loan):
        alert_type = self.env.ref(
            "sales_qualification.mail_activity_type_lent_certificate_expiry"
        )
        return loan.activity_ids.filtered(lambda a: a.activity_type_id == alert_type)

    def test_certificate_expiring_while_lent_alerts_borrower_and_custodian(self):
        self.company.write(
            {
                "sales_qualification_warning_days": 90,
                "sales_qualification_final_warning_days": 30,
            }
        )
        lent = self._create_qualification("Lent licence", "LENT-1", days=60)
        lent.custodian_id = self.rep_2
        loan = self._request_loan(lent)
        loan.with_user(self.manager).action_approval_approve()
        loan.with_user(self.rep_2).action_hand_out()
        kept = self._create_qualification("Kept licence", "KEPT-1", days=60)
        self.Qualification._cron_update_expiry()
        self.assertRecordValues(lent | kept, [{"state": "expiring"}] * 2)
        alerts = self._lent_expiry_alerts(loan)
        self.assertEqual(alerts.user_id, self.rep | self.rep_2)
        self.assertIn("Expiring while lent", alerts[0].summary)
        # The borrower sees the alert on their own loan.
        self.assertEqual(
            self.env["mail.activity"]
            .with_user(self.rep)
            .search([("id", "in", alerts.ids), ("user_id", "=", self.rep.id)])
            .res_id,
            loan.id,
        )
        # The certificate kept in the safe raises no lent alert.
        self.assertEqual(
            self.env["mail.activity"].search(
                [("activity_type_id", "=", alerts.activity_type_id.id)]
            ),
            alerts,
        )
        # Same day again: no state change, no second alert.
        self.Qualification._cron_update_expiry()
        self.assertEqual(len(self._lent_expiry_alerts(loan)), 2)
        # Expiring -> expired while still out: a new alert for both.
        lent.expiry_date = self.today - timedelta(days=1)
        self.Qualification._cron_update_expiry()
        self.assertEqual(lent.state, "expired")
        self.assertEqual(len(self._lent_expiry_alerts(loan)), 4)

    def test_expiring_certificate_without_custodian_alerts_the_approving_manager(self):
        lent = self._create_qualification("Lent licence", "LENT-1", days=-1)
        lent.custodian_id = False
        loan = self._request_loan(lent)
        loan.with_user(self.manager).action_approval_approve()
        self.Qualification._cron_update_expiry()
        self.assertEqual(lent.state, "expired")
        self.assertEqual(
            self._lent_expiry_alerts(loan).user_id, self.rep | self.manager
        )

    def test_returned_certificate_expiring_raises_no_lent_alert(self):
        loan = self._request_loan(self.active_qualification)
        loan.with_user(self.manager).action_approval_approve()
        loan.with_user(self.manager).action_hand_out()
        loan.with_user(self.manager).action_return()
        self.active_qualification.expiry_date = self.today - timedelta(days=1)
        self.Qualification._cron_update_expiry()
        self.assertEqual(self.active_qualification.state, "expired")
        self.assertFalse(self._lent_expiry_alerts(loan))
