# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestEmergencyEscalation(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_qualification_emergency_team_ids": [
                    (6, 0, (cls.senior_manager | cls.legal_reviewer).ids)
                ],
                "sales_qualification_serious_response_hours": 24,
                "sales_qualification_critical_response_hours": 2,
            }
        )
        cls.Emergency = cls.env["sales.qualification.emergency"]
        cls.activity_type = cls.env.ref(
            "sales_qualification.mail_activity_type_emergency"
        )

    def _open(self, severity="serious", **vals):
        return self.Emergency.with_user(self.manager).create(
            {
                "name": "Bureau inspection",
                "description": "Inspectors on site",
                "severity": severity,
                **vals,
            }
        )

    def _alerts(self, emergency):
        return emergency.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type
        )

    def test_opening_a_case_alerts_the_emergency_team_at_once(self):
        before = fields.Datetime.now()
        emergency = self._open()
        alerts = self._alerts(emergency)
        self.assertEqual(alerts.user_id, self.senior_manager | self.legal_reviewer)
        # serious: 24 hours to respond
        self.assertAlmostEqual(
            emergency.response_deadline,
            before + timedelta(hours=24),
            delta=timedelta(minutes=5),
        )
        # an email on the case to the team, and a line in the timeline
        message = emergency.message_ids.filtered(lambda m: m.message_type == "comment")[
            :1
        ]
        self.assertEqual(
            message.partner_ids,
            (self.senior_manager | self.legal_reviewer).partner_id,
        )
        self.assertIn("Escalated to", emergency.log_ids[-1:].description)

    def test_raising_the_severity_escalates_again_with_the_shorter_deadline(self):
        emergency = self._open()
        first_deadline = emergency.response_deadline
        emergency.with_user(self.manager).severity = "critical"
        self.assertEqual(len(self._alerts(emergency)), 4)
        self.assertLess(emergency.response_deadline, first_deadline)
        # lowering it again alerts nobody
        emergency.with_user(self.manager).severity = "serious"
        self.assertEqual(len(self._alerts(emergency)), 4)

    def test_without_a_team_the_senior_managers_are_alerted(self):
        self.company.sales_qualification_emergency_team_ids = False
        emergency = self._open()
        self.assertIn(self.senior_manager, self._alerts(emergency).user_id)
        self.assertNotIn(self.rep, self._alerts(emergency).user_id)

    def test_an_emergency_without_severity_is_refused(self):
        with self.assertRefused(UserError, "needs a severity"):
            self._open(severity=False)
        emergency = self._open()
        with self.assertRefused(UserError, "needs a severity"):
            emergency.with_user(self.manager).severity = False
        self.assertEqual(emergency.severity, "serious")

    def test_the_deadline_cannot_be_written_by_hand(self):
        emergency = self._open()
        deadline = emergency.response_deadline
        with self.assertRefused(UserError, "SP-QUA-10"):
            emergency.with_user(self.manager).response_deadline = deadline + timedelta(
                days=3
            )
        self.assertEqual(emergency.response_deadline, deadline)

    def test_media_communications_are_logged_in_the_timeline(self):
        emergency = self._open()
        self.env["sales.qualification.emergency.communication"].with_user(
            self.rep
        ).create(
            {
                "emergency_id": emergency.id,
                "party_type": "media",
                "channel": "phone",
                "summary": "Statement to the city paper",
            }
        )
        self.assertIn(
            "Statement to the city paper",
            emergency.log_ids.sorted("id")[-1].description,
        )
