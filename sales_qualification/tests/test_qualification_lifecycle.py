# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import zipfile
from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestQualificationLifecycle(SalesQualificationCommon):
    def test_evaluation_review_and_three_approvals_activate_the_certificate(self):
        qualification = self._new_evaluated_qualification()
        self.assertEqual(qualification.state, "evaluation")
        qualification.with_user(self.manager).action_submit_review()
        self.assertEqual(qualification.state, "under_review")
        self.assertEqual(
            sorted(qualification.review_ids.mapped("review_type")),
            ["finance", "legal", "technical"],
        )
        self._review(qualification, "finance").with_user(
            self.finance_reviewer
        ).action_approval_approve()
        self._review(qualification, "technical").with_user(
            self.technical_reviewer
        ).action_approval_approve()
        self.assertEqual(qualification.state, "under_review", "two of three approved")
        self._verify_authenticity(qualification)
        legal = self._review(qualification, "legal")
        legal.with_user(self.legal_reviewer).action_approval_approve()
        self.assertRecordValues(
            legal, [{"state": "approved", "reviewer_id": self.legal_reviewer.id}]
        )
        self.assertEqual(qualification.state, "active")

    def test_manager_cannot_decide_an_evaluation_only_management_can(self):
        qualification = self.Qualification.with_user(self.manager).create(
            {"name": "Pending licence"}
        )
        evaluation = (
            self.env["sales.qualification.evaluation"]
            .with_user(self.manager)
            .create(
                {
                    "qualification_id": qualification.id,
                    "legality": "Lawful",
                    "market_demand": "Some",
                    "value_assessment": "Unclear",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "senior managers"):
            evaluation.with_user(self.manager).action_approval_approve()
        with self.assertRaisesRegex(UserError, "Approve and Reject buttons"):
            evaluation.with_user(self.manager).write({"decision": "approved"})
        evaluation.with_user(self.senior_manager).action_approval_approve()
        self.assertEqual(evaluation.decision, "approved")
        with self.assertRaisesRegex(UserError, "already been decided"):
            evaluation.with_user(self.senior_manager).action_approval_approve()

    def test_management_rejecting_the_evaluation_rejects_the_qualification(self):
        qualification = self.Qualification.with_user(self.manager).create(
            {"name": "Doubtful licence"}
        )
        evaluation = (
            self.env["sales.qualification.evaluation"]
            .with_user(self.manager)
            .create(
                {
                    "qualification_id": qualification.id,
                    "legality": "Unclear",
                    "market_demand": "Low",
                    "value_assessment": "Negative",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "reason for rejecting"):
            evaluation.with_user(self.senior_manager).action_approval_reject()
        evaluation.with_user(self.senior_manager).decision_note = "No market"
        evaluation.with_user(self.senior_manager).action_approval_reject()
        self.assertRecordValues(
            qualification, [{"state": "rejected", "rejection_reason": "No market"}]
        )

    def test_review_needs_an_approved_evaluation(self):
        qualification = self.Qualification.with_user(self.manager).create(
            {
                "name": "Unevaluated",
                "number": "UN-1",
                "issuer_id": self.issuer.id,
                "issue_date": self.today,
                "expiry_date": self.today + timedelta(days=10),
            }
        )
        with self.assertRaisesRegex(UserError, "no evaluation report approved"):
            qualification.with_user(self.manager).action_submit_review()

    def test_review_needs_the_certificate_data(self):
        qualification = self._new_evaluated_qualification()
        qualification.number = False
        with self.assertRaisesRegex(UserError, "Certificate Number"):
            qualification.with_user(self.manager).action_submit_review()

    def test_salesperson_cannot_send_to_review(self):
        qualification = self._new_evaluated_qualification()
        with self.assertRaisesRegex(UserError, "Only a sales manager"):
            qualification.with_user(self.rep).action_submit_review()

    def test_legal_review_needs_a_verified_authenticity_check(self):
        qualification = self._new_evaluated_qualification()
        qualification.with_user(self.manager).action_submit_review()
        legal = self._review(qualification, "legal")
        self.env["sales.qualification.authenticity.check"].with_user(
            self.legal_reviewer
        ).create(
            {
                "qualification_id": qualification.id,
                "method": "phone",
                "result": "not_verified",
            }
        )
        with self.assertRaisesRegex(UserError, "no authenticity check verified"):
            legal.with_user(self.legal_reviewer).action_approval_approve()
        self._verify_authenticity(qualification)
        legal.with_user(self.legal_reviewer).action_approval_approve()
        self.assertEqual(legal.state, "approved")

    def test_authenticity_check_defaults_to_the_issuer(self):
        qualification = self._new_evaluated_qualification()
        check = self._verify_authenticity(qualification)
        self.assertEqual(check.authority_id, self.issuer)
        with self.assertRaises(AccessError):
            self.env["sales.qualification.authenticity.check"].with_user(
                self.finance_reviewer
            ).create(
                {
                    "qualification_id": qualification.id,
                    "method": "phone",
                    "result": "verified",
                }
            )

    def test_reviewer_of_another_kind_cannot_decide_a_review(self):
        qualification = self._new_evaluated_qualification()
        qualification.with_user(self.manager).action_submit_review()
        legal = self._review(qualification, "legal")
        with self.assertRaisesRegex(UserError, "Only a Legal reviewer"):
            legal.with_user(self.finance_reviewer).action_approval_approve()
        with self.assertRaisesRegex(UserError, "Approve and Reject buttons"):
            legal.with_user(self.legal_reviewer).write({"state": "approved"})
        with self.assertRaises(AccessError):
            legal.with_user(self.rep).write({"note": "fine"})

    def test_one_rejected_review_rejects_the_certificate_with_reasons(self):
        qualification = self._new_evaluated_qualification()
        qualification.with_user(self.manager).action_submit_review()
        technical = self._review(qualification, "technical")
        with self.assertRaisesRegex(UserError, "reasons for rejecting"):
            technical.with_user(self.technical_reviewer).action_approval_reject()
        technical.with_user(self.technical_reviewer).note = "Scope too narrow"
        technical.with_user(self.technical_reviewer).action_approval_reject()
        self.assertEqual(qualification.state, "rejected")
        self.assertIn("Scope too narrow", qualification.rejection_reason)
        finance = self._review(qualification, "finance")
        with self.assertRaisesRegex(UserError, "not waiting for a decision"):
            finance.with_user(self.finance_reviewer).action_approval_approve()

    def test_state_changes_only_through_the_steps(self):
        qualification = self._new_evaluated_qualification()
        with self.assertRaisesRegex(UserError, "only changes through"):
            qualification.with_user(self.manager).write({"state": "active"})
        with self.assertRaisesRegex(UserError, "only changes through"):
            self.Qualification.with_user(self.manager).create(
                {"name": "Shortcut", "state": "active"}
            )

    def test_salesperson_reads_but_cannot_create_certificates(self):
        self.assertEqual(
            self.active_qualification.with_user(self.rep).name, "Grade II Contractor"
        )
        with self.assertRaises(AccessError):
            self.Qualification.with_user(self.rep).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.active_qualification.with_user(self.rep).write({"location": "Home"})

    def test_other_company_cannot_see_the_certificates(self):
        self.assertFalse(
            self.Qualification.with_user(self.rep_company_b).search(
                [("id", "=", self.active_qualification.id)]
            )
        )
        self.assertTrue(
            self.Qualification.with_user(self.rep).search(
                [("id", "=", self.active_qualification.id)]
            )
        )

    def test_expiry_before_issue_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before the issue date"):
            self.Qualification.with_user(self.manager).create(
                {
                    "name": "Backwards",
                    "issue_date": self.today,
                    "expiry_date": self.today - timedelta(days=1),
                }
            )
        same_day = self.Qualification.with_user(self.manager).create(
            {"name": "One day", "issue_date": self.today, "expiry_date": self.today}
        )
        self.assertEqual(same_day.remaining_days, 0)

    def test_duplicate_certificate_number_per_issuer_is_refused(self):
        other = self._create_qualification(
            "Same number elsewhere", "CC-0001", issuer_id=self.other_issuer.id
        )
        self.assertEqual(other.number, self.active_qualification.number)
        with (
            self.assertRefused(ValidationError, "already has a live certificate"),
            mute_logger("odoo.sql_db"),
        ):
            self._create_qualification("Duplicate", "CC-0001")
        # the database refuses it too, whatever writes the row
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "INSERT INTO sales_qualification "
                "(name, number, issuer_id, state, company_id) "
                "SELECT 'Raw duplicate', number, issuer_id, state, company_id "
                "FROM sales_qualification WHERE id = %s",
                [self.active_qualification.id],
            )

    def test_register_xlsx_lists_the_custody_data(self):
        action = self.active_qualification.with_user(
            self.rep
        ).action_export_register_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(str(self.active_qualification.id), action["url"])
        content = self.active_qualification.with_user(self.rep)._register_xlsx_content()
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
        for value in ("CC-0001", "Test Licensing Bureau", "Safe A", "Sp Manager"):
            self.assertIn(value, strings)
