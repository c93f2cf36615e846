# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.sales_qualification_risk import risk_level
from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestRiskEmergency(SalesQualificationCommon):
    def test_risk_level_thresholds(self):
        self.assertEqual(risk_level(1), "low")
        self.assertEqual(risk_level(7), "low")
        self.assertEqual(risk_level(8), "medium")
        self.assertEqual(risk_level(14), "medium")
        self.assertEqual(risk_level(15), "high")
        self.assertEqual(risk_level(25), "high")

    def test_manager_registers_a_scored_risk_reps_only_read(self):
        Risk = self.env["sales.qualification.risk"]
        risk = Risk.with_user(self.manager).create(
            {
                "name": "Regional rules tightened",
                "category": "policy_change",
                "qualification_id": self.active_qualification.id,
                "likelihood": "3",
                "impact": "5",
                "mitigation": "reduce",
            }
        )
        # 3 x 5 = 15: high
        self.assertRecordValues(
            risk, [{"score": 15, "level": "high", "owner_id": self.manager.id}]
        )
        risk.with_user(self.manager).write({"likelihood": "2", "impact": "4"})
        # 2 x 4 = 8: medium
        self.assertRecordValues(risk, [{"score": 8, "level": "medium"}])
        self.assertEqual(Risk.with_user(self.rep).search([]), risk)
        with self.assertRaises(AccessError):
            Risk.with_user(self.rep).create({"name": "Mine"})
        self.assertFalse(Risk.with_user(self.rep_company_b).search([]))

    def test_emergency_case_with_team_timeline_and_communications(self):
        emergency = (
            self.env["sales.qualification.emergency"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Licence suspended by the bureau",
                    "description": "Bureau notice received",
                    "qualification_id": self.active_qualification.id,
                    "severity": "critical",
                    "team_ids": [(6, 0, (self.rep | self.legal_reviewer).ids)],
                }
            )
        )
        # A team member on the sales side logs what happened and who was told.
        self.env["sales.qualification.emergency.log"].with_user(self.rep).create(
            {"emergency_id": emergency.id, "description": "Called the customer"}
        )
        self.env["sales.qualification.emergency.communication"].with_user(
            self.rep
        ).create(
            {
                "emergency_id": emergency.id,
                "party_type": "authority",
                "partner_id": self.issuer.id,
                "channel": "meeting",
                "summary": "Hearing scheduled",
            }
        )
        # the escalation (by the manager who opened it) and the rep's two lines:
        # what happened, and the communication
        self.assertEqual(emergency.log_ids.user_id, self.manager | self.rep)
        self.assertEqual(
            len(emergency.log_ids.filtered(lambda x: x.user_id == self.rep)), 2
        )
        self.assertEqual(emergency.communication_ids.party_type, "authority")
        with self.assertRaises(AccessError):
            emergency.with_user(self.rep).write({"state": "closed"})
        emergency.with_user(self.manager).action_contain()
        self.assertEqual(emergency.state, "contained")
        with self.assertRaisesRegex(UserError, "Describe how"):
            emergency.with_user(self.manager).action_close()
        emergency.with_user(self.manager).resolution = "Suspension lifted"
        emergency.with_user(self.manager).action_close()
        self.assertEqual(emergency.state, "closed")
        self.assertTrue(emergency.closed_on)
