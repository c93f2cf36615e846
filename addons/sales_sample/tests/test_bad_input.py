# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleBadInput(SalesSampleCommon):
    def test_request_without_specification_cannot_be_submitted(self):
        request = self.Request.with_user(self.rep).create(
            {"partner_id": self.customer_a.id, "shape": "Disc"}
        )
        with self.assertRefused(UserError, "without its specification.*Physical"):
            request.with_user(self.rep).action_submit()
        self.assertRecordValues(request, [{"state": "draft", "submit_date": False}])
        # the lead time or the wanted-by date is part of it
        request.write(
            {
                "physical_properties": "White",
                "function": "Trial",
                "quantity": 5,
                "requested_date": False,
            }
        )
        with self.assertRefused(UserError, "Wanted By"):
            request.with_user(self.rep).action_submit()
        self.assertEqual(request.state, "draft")

    def test_rep_waiving_a_fee_is_refused(self):
        request = self._request(self.customer_b, fee_waiver_requested=True)
        with self.assertRefused(UserError, "must approve it first.*SP-SMP-02"):
            request.with_user(self.rep).action_submit()
        for vals in ({"fee_rule": "waived"}, {"fee_amount": 0.0}):
            with self.assertRefused(UserError, "own buttons|Only a sales manager"):
                request.with_user(self.rep).write(vals)
        with self.assertRefused(UserError, "Only a sales manager"):
            self._request(self.customer_b, fee_amount=0.0)
        self.assertRecordValues(
            request, [{"state": "draft", "fee_rule": False, "fee_amount": 200.0}]
        )

    def test_specification_is_frozen_once_submitted(self):
        request = self._request(self.customer_a)
        request.with_user(self.rep).action_submit()
        for vals in (
            {"shape": "Cube"},
            {"estimated_cost": 1.0},
            {"fee_waiver_requested": True},
        ):
            with self.assertRefused(UserError, "only while it is a draft"):
                request.with_user(self.rep).write(vals)
        self.assertEqual(request.shape, "Disc, 50 mm")

    def test_steps_in_order_and_by_their_role(self):
        request = self._request(self.customer_a)
        with self.assertRefused(UserError, "cannot be marked as made"):
            request.with_user(self.technical_reviewer).action_made()
        request.with_user(self.rep).action_submit()
        with self.assertRefused(UserError, "Technical Reviewer"):
            request.with_user(self.rep).action_accept()
        with self.assertRefused(UserError, "cannot be sent"):
            request.with_user(self.rep).action_send()
        self.assertRecordValues(
            request, [{"state": "submitted", "accept_date": False, "fee_rule": False}]
        )

    def test_feedback_needs_text_and_result(self):
        request = self._accepted(self._request(self.customer_a))
        with self.assertRefused(UserError, "once the sample is sent"):
            request.with_user(self.rep).feedback = "Early"
        request.with_user(self.technical_reviewer).action_made()
        request.with_user(self.rep).action_send()
        with self.assertRefused(UserError, "Record the customer's feedback"):
            request.with_user(self.rep).action_feedback()
        self.assertRecordValues(request, [{"state": "sent", "feedback_date": False}])

    def test_negative_cost_is_refused(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRefused(Exception, "amounts_positive"),
        ):
            self._request(self.customer_a, estimated_cost=-10.0)

    def test_charged_fee_without_fee_product_is_refused(self):
        request = self._request(self.customer_b)
        self.assertEqual(request.fee_amount, 200.0)
        self.company.sales_sample_fee_product_id = False
        request.with_user(self.rep).action_submit()
        with self.assertRefused(UserError, "No sample/tooling fee product"):
            request.with_user(self.technical_reviewer).action_accept()
        self.assertRecordValues(
            request, [{"state": "submitted", "fee_rule": False, "fee_order_id": False}]
        )
