# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TenderCommon


@tagged("post_install", "-at_install")
class TestTenderDecision(TenderCommon):
    def test_below_threshold_only_the_sales_manager_decides(self):
        # 9,999.99 < 10,000 (company large-bid threshold): manager rule only
        tender = self._tender(9999.99)
        tender.with_user(self.rep).action_request_decision()
        self.assertEqual(tender.state, "decision")
        self.assertEqual(self._requests(tender).rule_id, self.rule_decision)
        tender.with_user(self.manager).action_approval_approve()
        self.assertRecordValues(
            tender,
            [{"state": "bid", "decision": "bid", "decided_by_id": self.manager.id}],
        )

    def test_at_threshold_senior_management_decides_too(self):
        # 10,000 >= 10,000: the senior rule applies as well
        tender = self._tender(10000.0)
        tender.with_user(self.rep).action_request_decision()
        self.assertEqual(
            self._requests(tender).rule_id,
            self.rule_decision | self.rule_decision_senior,
        )
        tender.with_user(self.manager).action_approval_approve()
        # the manager's approval alone does not decide a large tender
        self.assertRecordValues(tender, [{"state": "decision", "decision": False}])
        tender.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            tender,
            [
                {
                    "state": "bid",
                    "decision": "bid",
                    "decided_by_id": self.senior_manager.id,
                }
            ],
        )

    def test_rejection_is_no_bid(self):
        tender = self._tender(50000.0)
        tender.with_user(self.rep).action_request_decision()
        tender.with_user(self.manager).action_approval_reject()
        self.assertRecordValues(
            tender,
            [
                {
                    "state": "no_bid",
                    "decision": "no_bid",
                    "decided_by_id": self.manager.id,
                }
            ],
        )
        # nothing waits for the senior manager any more
        self.assertFalse(self._requests(tender, "pending"))

    def test_rep_cannot_decide_own_tender(self):
        tender = self._tender()
        tender.with_user(self.rep).action_request_decision()
        with self.assertRefused(UserError, "No approval request"):
            tender.with_user(self.rep).action_approval_approve()
        self.assertEqual(tender.state, "decision")

    def test_decision_after_deadline_is_refused(self):
        tender = self._tender()
        tender.with_user(self.rep).action_request_decision()
        # the deadline passes before the manager decides
        tender.sudo()._transition(
            {"deadline": fields.Datetime.now() - timedelta(hours=1)}
        )
        with self.assertRefused(UserError, "deadline .* has passed"):
            tender.with_user(self.manager).action_approval_approve()
        with self.assertRefused(UserError, "deadline .* has passed"):
            tender.with_user(self.manager).action_approval_reject()
        self.assertRecordValues(tender, [{"state": "decision", "decision": False}])
        self.assertEqual(self._requests(tender).state, "pending")
        # the tender can still be cancelled
        tender.with_user(self.rep).action_cancel()
        self.assertEqual(tender.state, "cancelled")

    def test_decision_request_after_deadline_is_refused(self):
        tender = self._tender(days=-1)
        with self.assertRefused(UserError, "SP-TND-02"):
            tender.with_user(self.rep).action_request_decision()
        self.assertEqual(tender.state, "draft")
        self.assertFalse(self._requests(tender))

    def test_decision_needs_the_estimated_value(self):
        tender = self._tender(0.0)
        with self.assertRefused(UserError, "estimated value"):
            tender.with_user(self.rep).action_request_decision()
        self.assertEqual(tender.state, "draft")

    def test_without_rule_the_bid_is_decided_at_once(self):
        (self.rule_decision | self.rule_decision_senior).active = False
        tender = self._tender()
        tender.with_user(self.rep).action_request_decision()
        self.assertRecordValues(tender, [{"state": "bid", "decision": "bid"}])

    def test_terms_frozen_after_the_decision_request(self):
        tender = self._tender()
        tender.with_user(self.rep).action_request_decision()
        with self.assertRefused(UserError, "cannot change any more"):
            tender.with_user(self.rep).estimated_value = 1.0
        with self.assertRefused(UserError, "cannot change any more"):
            tender.with_user(self.rep).deadline = tender.deadline + timedelta(days=1)
        # a manager records a postponed deadline
        later = tender.deadline + timedelta(days=3)
        tender.with_user(self.manager).deadline = later
        self.assertRecordValues(
            tender, [{"estimated_value": 5000.0, "deadline": later}]
        )

    def test_other_rep_cannot_move_the_tender(self):
        tender = self._tender()
        with self.assertRaises(UserError):  # AccessError is a UserError
            tender.with_user(self.rep_2).action_request_decision()
        self.assertEqual(tender.state, "draft")


@tagged("post_install", "-at_install")
class TestTenderBid(TenderCommon):
    def test_final_bid_reviewed_before_submission(self):
        tender = self._decided_bid()
        with self.assertRefused(UserError, "Link the final quotation"):
            tender.with_user(self.rep).action_submit_bid()
        self._quoted(tender)
        self.assertEqual(tender.order_id.origin, tender.name)
        with self.assertRefused(UserError, "SP-TND-04"):
            tender.with_user(self.rep).action_submit_bid()
        tender.with_user(self.rep).action_request_approval()
        self.assertEqual(self._requests(tender, "pending").rule_id, self.rule_review)
        tender.with_user(self.manager).action_approval_approve()
        self.assertEqual(tender.bid_reviewer_id, self.manager)
        tender.with_user(self.rep).action_submit_bid()
        self.assertEqual(tender.state, "submitted")
        self.assertTrue(tender.submitted_date)

    def test_quotation_changed_after_review_is_reviewed_again(self):
        tender = self._quoted(self._decided_bid())
        tender.with_user(self.rep).action_request_approval()
        tender.with_user(self.manager).action_approval_approve()
        # 2 x 100 -> 2 x 90 after the review
        tender.order_id.order_line.with_user(self.rep).price_unit = 90.0
        with self.assertRefused(UserError, "SP-TND-04"):
            tender.with_user(self.rep).action_submit_bid()
        self.assertEqual(tender.state, "bid")

    def test_quotation_of_another_customer_is_refused(self):
        tender = self._decided_bid()
        order = self._order(partner=self.distributor)
        with self.assertRefused(Exception, "not for the customer"):
            tender.with_user(self.rep).order_id = order
        self.assertFalse(tender.order_id)


@tagged("post_install", "-at_install")
class TestTenderOutcome(TenderCommon):
    def _lines(self, tender, lines):
        tender.with_user(self.rep).result_line_ids = [
            Command.create(
                {"competitor_id": c.id, "product_id": p.id, "price_unit": price}
            )
            for c, p, price in lines
        ]

    def test_lost_without_winner_is_refused(self):
        tender = self._submitted()
        self._lines(tender, [(self.rival, self.product, 95.0)])
        with self.assertRefused(UserError, "names its winner"):
            tender.with_user(self.rep).action_mark_lost()
        tender.with_user(self.rep).winner_id = self.rival_2
        with self.assertRefused(UserError, "winning price"):
            tender.with_user(self.rep).action_mark_lost()
        self.assertEqual(tender.state, "submitted")
        self.assertFalse(tender.competitor_price_ids)

    def test_lost_outcome_creates_competitor_observations(self):
        tender = self._submitted()
        tender.with_user(self.rep).winner_id = self.rival
        self._lines(
            tender,
            [
                (self.rival, self.product, 95.0),
                (self.rival, self.product_free, 8.5),
                (self.rival_2, self.product, 99.0),
            ],
        )
        tender.with_user(self.rep).action_mark_lost()
        today = fields.Date.context_today(tender)
        self.assertRecordValues(tender, [{"state": "lost", "outcome_date": today}])
        prices = tender.competitor_price_ids.sorted("price_unit")
        self.assertRecordValues(
            prices,
            [
                {
                    "competitor_id": self.rival.id,
                    "product_id": self.product_free.id,
                    "price_unit": 8.5,
                    "source": "tender",
                    "tender_id": tender.id,
                    "date": today,
                },
                {
                    "competitor_id": self.rival.id,
                    "product_id": self.product.id,
                    "price_unit": 95.0,
                    "source": "tender",
                    "tender_id": tender.id,
                    "date": today,
                },
                {
                    "competitor_id": self.rival_2.id,
                    "product_id": self.product.id,
                    "price_unit": 99.0,
                    "source": "tender",
                    "tender_id": tender.id,
                    "date": today,
                },
            ],
        )
        self.assertEqual(tender.competitor_price_count, 3)
        # closed: the outcome cannot be rewritten
        with self.assertRefused(UserError, "closed|cannot change"):
            tender.result_line_ids[0].with_user(self.rep).price_unit = 1.0
        with self.assertRefused(UserError, "cannot change any more"):
            tender.with_user(self.rep).winner_id = self.rival_2

    def test_won_records_the_known_competitor_prices(self):
        tender = self._submitted()
        self._lines(tender, [(self.rival_2, self.product, 104.0)])
        tender.with_user(self.rep).winner_id = self.rival
        with self.assertRefused(UserError, "Clear the winner"):
            tender.with_user(self.rep).action_mark_won()
        tender.with_user(self.rep).winner_id = False
        tender.with_user(self.rep).action_mark_won()
        self.assertEqual(tender.state, "won")
        self.assertRecordValues(
            tender.competitor_price_ids,
            [
                {
                    "competitor_id": self.rival_2.id,
                    "price_unit": 104.0,
                    "source": "tender",
                }
            ],
        )
        # nothing else happens to the quotation
        self.assertEqual(tender.order_id.state, "draft")

    def test_outcome_only_once_submitted(self):
        tender = self._decided_bid()
        with self.assertRefused(UserError, "cannot be won"):
            tender.with_user(self.rep).action_mark_won()
        self.assertEqual(tender.state, "bid")
