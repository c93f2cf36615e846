# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestRenewalChain(SalesQualificationCommon):
    """Rejected renewals free the certificate; renewals may keep the number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_qualification_warning_days": 90,
                "sales_qualification_final_warning_days": 30,
            }
        )
        cls.renewal_type = cls.env.ref("sales_qualification.mail_activity_type_renewal")

    def _renew(self, old, number=None, days=1095):
        """Renew ``old`` through its button and wizard as the manager."""
        action = old.with_user(self.manager).action_renew()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        if number is not None:
            wizard_form.number = number
        wizard_form.expiry_date = self.today + timedelta(days=days)
        result = wizard_form.save().action_renew()
        return self.Qualification.browse(result["res_id"])

    def _reject_finance_review(self, renewal, reason="Fee unpaid"):
        finance = self._review(renewal, "finance").with_user(self.finance_reviewer)
        finance.note = reason
        finance.action_approval_reject()

    def _renewal_tasks(self, qualification):
        return qualification.activity_ids.filtered(
            lambda a: a.activity_type_id == self.renewal_type
        )

    # ------------------------------------------------------------------
    # A rejected or deleted renewal frees the old certificate
    # ------------------------------------------------------------------
    def test_rejected_renewal_lets_the_manager_renew_again(self):
        old = self._create_qualification("Licence", "L-1", days=200)
        first = self._renew(old, number="L-2")
        self.assertEqual(old.next_version_id, first)
        with self.assertRaisesRegex(UserError, "without a newer version"):
            old.with_user(self.manager).action_renew()
        self._reject_finance_review(first)
        self.assertRecordValues(
            first, [{"state": "rejected", "previous_version_id": old.id}]
        )
        self.assertRecordValues(old, [{"state": "active", "next_version_id": False}])
        self.assertIn("was rejected", "".join(old.message_ids.mapped("body")))
        second = self._renew(old, number="L-3")
        self.assertRecordValues(
            second,
            [{"state": "under_review", "previous_version_id": old.id, "version": 2}],
        )
        self.assertEqual(old.next_version_id, second)
        self._approve_all_reviews(second)
        self.assertRecordValues(
            old | first | second,
            [{"state": "renewed"}, {"state": "rejected"}, {"state": "active"}],
        )

    def test_expiry_warnings_resume_after_a_rejected_renewal(self):
        old = self._create_qualification("Licence", "L-1", days=20)
        renewal = self._renew(old, number="L-2")
        self.Qualification._cron_update_expiry()
        # Pending renewal: the certificate moves on, but no renewal task is due.
        self.assertRecordValues(old, [{"state": "expiring", "warning_level": False}])
        self.assertFalse(self._renewal_tasks(old))
        self._reject_finance_review(renewal)
        self.Qualification._cron_update_expiry()
        # 20 days left: inside both the 90-day and the 30-day window, two tasks.
        self.assertRecordValues(old, [{"state": "expiring", "warning_level": "final"}])
        self.assertEqual(len(self._renewal_tasks(old)), 2)
        old.expiry_date = self.today - timedelta(days=1)
        self.Qualification._cron_update_expiry()
        self.assertEqual(old.state, "expired")
        # An expired certificate whose renewal was rejected can still be renewed.
        self.assertEqual(self._renew(old, number="L-3").previous_version_id, old)

    def test_deleted_renewal_frees_the_certificate(self):
        old = self._create_qualification("Licence", "L-1", days=200)
        renewal = self._renew(old, number="L-2")
        renewal.with_user(self.policy_admin).unlink()
        self.assertFalse(old.next_version_id)
        self.assertEqual(self._renew(old).previous_version_id, old)

    def test_approved_renewal_still_blocks_a_second_renewal(self):
        old = self._create_qualification("Licence", "L-1", days=200)
        renewal = self._renew(old, number="L-2")
        self._approve_all_reviews(renewal)
        self.assertEqual(old.next_version_id, renewal)
        with self.assertRaisesRegex(UserError, "cannot be renewed"):
            old.with_user(self.manager).action_renew()

    # ------------------------------------------------------------------
    # Certificate numbers: unique among live certificates per issuer
    # ------------------------------------------------------------------
    def test_renewal_keeps_the_certificate_number(self):
        old = self._create_qualification("Licence", "KEEP-1", days=20)
        renewal = self._renew(old)  # the wizard proposes the current number
        self.assertRecordValues(
            renewal,
            [
                {
                    "number": "KEEP-1",
                    "issuer_id": self.issuer.id,
                    "state": "under_review",
                }
            ],
        )
        self._approve_all_reviews(renewal)
        self.assertRecordValues(
            old | renewal,
            [
                {"number": "KEEP-1", "state": "renewed"},
                {"number": "KEEP-1", "state": "active"},
            ],
        )
        # The renewed version holds the number now: nobody else may take it.
        with (
            self.assertRaisesRegex(ValidationError, "already has a live certificate"),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self._create_qualification("Copycat", "keep-1")

    def test_rejected_renewal_keeping_the_number_leaves_it_to_the_old_version(self):
        old = self._create_qualification("Licence", "KEEP-1", days=200)
        first = self._renew(old)
        self._reject_finance_review(first)
        self.assertFalse(old.next_version_id)
        second = self._renew(old)
        self._approve_all_reviews(second)
        self.assertRecordValues(
            old | first | second,
            [
                {"number": "KEEP-1", "state": "renewed"},
                {"number": "KEEP-1", "state": "rejected"},
                {"number": "KEEP-1", "state": "active"},
            ],
        )

    def test_renewal_cannot_take_the_number_of_another_certificate(self):
        old = self._create_qualification("Licence", "L-1", days=200)
        self._create_qualification("Other licence", "TAKEN-1", days=200)
        with (
            self.assertRaisesRegex(ValidationError, "already has a live certificate"),
            self.env.cr.savepoint(),
        ):
            self._renew(old, number="taken-1")
        self.assertFalse(old.next_version_id)

    def test_duplicate_number_is_refused_whatever_its_case(self):
        # CC-0001 is the active certificate of the common fixtures.
        with (
            self.assertRaisesRegex(ValidationError, "already has a live certificate"),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self._create_qualification("Lower case duplicate", "cc-0001")
        other = self.Qualification.with_user(self.manager).create(
            {"name": "Draft", "number": "D-1", "issuer_id": self.issuer.id}
        )
        with (
            self.assertRaisesRegex(ValidationError, "numbered Cc-0001"),
            self.env.cr.savepoint(),
        ):
            other.with_user(self.manager).write({"number": "Cc-0001"})
        # Another issuer may use the same number.
        other.with_user(self.manager).write(
            {"number": "Cc-0001", "issuer_id": self.other_issuer.id}
        )
        self.assertEqual(other.number, "Cc-0001")

    def test_rejected_certificate_releases_its_number(self):
        fake = self._create_qualification("Forged", "F-1", state="rejected")
        genuine = self._create_qualification("Genuine", "F-1")
        self.assertRecordValues(
            fake | genuine, [{"state": "rejected"}, {"state": "active"}]
        )
