# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo.tests import tagged

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestEscalation(SalesComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "sales_complaint.mail_activity_type_complaint_overdue"
        )
        cls.Escalation = cls.env["sales.complaint.escalation"]

    def _activities(self, claim):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "crm.claim"),
                ("res_id", "=", claim.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_overdue_response_escalates_to_rep_then_manager_once(self):
        # normal severity: 72 h to answer, escalation 24 h later (96 h)
        on_time = self._past_claim(10)
        late = self._past_claim(80)
        very_late = self._past_claim(100)
        answered = self._past_claim(100)
        answered.action_route()
        answered.action_respond()
        self.Escalation._cron_escalate()
        self.assertFalse(self._activities(on_time))
        self.assertFalse(self._activities(answered))
        self.assertEqual(self._activities(late).user_id, self.rep)
        self.assertEqual(self._activities(very_late).user_id, self.rep | self.manager)
        self.assertRecordValues(
            late | very_late, [{"escalation_level": 1}, {"escalation_level": 2}]
        )
        # a second run (and a third) adds nothing
        self.Escalation._cron_escalate()
        self.Escalation._cron_escalate()
        self.assertEqual(len(self._activities(late)), 1)
        self.assertEqual(len(self._activities(very_late)), 2)

    def test_a_failing_complaint_does_not_stop_the_others(self):
        first = self._past_claim(80)
        broken = self._past_claim(80)
        last = self._past_claim(80)
        Escalation = type(self.Escalation)
        original = Escalation._escalate_claims

        def escalate(model, claims):
            # a batch holding the broken complaint fails; it is then retried
            # complaint by complaint, and only the broken one fails again
            if broken in claims:
                broken._transition({"escalation_level": 1})  # written, then lost
                raise ValueError("mail server down")
            return original(model, claims)

        commits = []
        with (
            patch.object(Escalation, "_escalate_claims", escalate),
            self.assertLogs(
                "odoo.addons.sales_complaint.models.sales_complaint_escalation",
                level="ERROR",
            ),
        ):
            done, failed = self.Escalation._cron_escalate(
                batch_size=2, commit=lambda: commits.append(1)
            )
        self.assertEqual((done, failed), (2, 1))
        self.assertEqual(len(commits), 2)  # a full batch of 2, then the rest
        self.assertTrue(self._activities(first))
        self.assertTrue(self._activities(last))
        self.assertFalse(self._activities(broken))
        self.assertEqual(broken.escalation_level, 0)  # its savepoint rolled back
        # the next run picks it up
        done, failed = self.Escalation._cron_escalate()
        self.assertEqual((done, failed), (1, 0))
        self.assertEqual(self._activities(broken).user_id, self.rep)

    def test_rep_cannot_reset_the_escalation_level(self):
        claim = self._past_claim(80)
        self.Escalation._cron_escalate()
        with self.assertRefused(Exception, "own buttons"):
            claim.with_user(self.rep).write({"escalation_level": 0})
        self.assertEqual(claim.escalation_level, 1)

    def test_an_activity_already_given_is_not_given_twice(self):
        # the rep was already given the overdue activity (a run that died after
        # creating it): the next run only records the level
        claim = self._past_claim(80)
        claim.activity_schedule(
            activity_type_id=self.activity_type.id, user_id=self.rep.id
        )
        others = self._past_claim(100) | self._past_claim(100)
        done, failed = self.Escalation._cron_escalate(batch_size=10)
        self.assertEqual((done, failed), (3, 0))
        self.assertEqual(len(self._activities(claim)), 1)
        self.assertEqual(claim.escalation_level, 1)
        for other in others:
            self.assertEqual(self._activities(other).user_id, self.rep | self.manager)
