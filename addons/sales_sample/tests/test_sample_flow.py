# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleFlow(SalesSampleCommon):
    def test_request_to_won_stamps_each_stage(self):
        with Form(self.Request.with_user(self.rep)) as form:
            form.partner_id = self.customer_a
            form.kind = "tooling"
            form.shape = "Two-cavity mould"
            form.physical_properties = "Steel P20"
            form.function = "Bottle cap"
            form.quantity = 1
            form.lead_time_days = 45
            form.requested_date = fields.Date.to_date("2031-06-01")
        request = form.record
        self.assertRecordValues(
            request,
            [{"state": "draft", "team_id": self.team.id, "user_id": self.rep.id}],
        )
        self.assertTrue(request.name.startswith("SMP/"))
        today = fields.Date.context_today(request)
        request.with_user(self.rep).action_submit()
        request.with_user(self.technical_reviewer).action_accept()
        request.with_user(self.technical_reviewer).action_made()
        request.with_user(self.rep).action_send()
        request.with_user(self.rep).write(
            {"feedback": "Caps fit the bottle.", "feedback_result": "positive"}
        )
        request.with_user(self.rep).action_feedback()
        request.with_user(self.rep).action_won()
        self.assertRecordValues(
            request,
            [
                {
                    "state": "won",
                    "submit_date": today,
                    "accept_date": today,
                    "accepted_by_id": self.technical_reviewer.id,
                    "made_date": today,
                    "sent_date": today,
                    "feedback_date": today,
                    "close_date": today,
                }
            ],
        )

    def test_feedback_then_lost(self):
        request = self._accepted(self._request(self.customer_a))
        request.with_user(self.technical_reviewer).action_made()
        request.with_user(self.rep).action_send()
        request.with_user(self.rep).write(
            {"feedback": "Too coarse.", "feedback_result": "negative"}
        )
        request.with_user(self.rep).action_feedback()
        request.with_user(self.rep).action_lost()
        self.assertEqual(request.state, "lost")

    def test_rnd_or_rep_cancels_before_acceptance(self):
        draft = self._request(self.customer_a)
        draft.with_user(self.rep).action_cancel()
        submitted = self._request(self.customer_a)
        submitted.with_user(self.rep).action_submit()
        submitted.with_user(self.technical_reviewer).action_cancel()
        self.assertEqual((draft | submitted).mapped("state"), ["cancelled"] * 2)

    def test_rep_sees_own_requests_team_leader_the_team_manager_all(self):
        own = self._request(self.customer_a)
        other = self._request(self.customer_a, user=self.rep_2)
        self.assertEqual(own.with_user(self.rep).name, own.name)
        with self.assertRaises(AccessError):
            other.with_user(self.rep).read(["name"])
        self.assertEqual(
            self.Request.with_user(self.manager).search(
                [("id", "in", (own | other).ids)]
            ),
            own | other,
        )
        self.assertEqual(
            self.Request.with_user(self.technical_reviewer).search_count(
                [("id", "in", (own | other).ids)]
            ),
            2,
        )

    def test_other_company_cannot_see_requests(self):
        request = self._request(self.customer_a)
        self.assertFalse(
            self.Request.with_user(self.admin_company_b).search(
                [("id", "=", request.id)]
            )
        )
