# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import TenderCommon


@tagged("post_install", "-at_install")
class TestTenderTour(TenderCommon, HttpCase):
    def test_tender_decision_to_outcome_tour(self):
        """The manager decides to bid in the UI; after the review and the
        submission the rep records the lost outcome with the winning price."""
        tender = self._tender(title="Tour tender")
        tender.with_user(self.rep).action_request_decision()
        self.start_tour("/odoo", "sales_tender_decision_tour", login=self.manager.login)
        self.assertRecordValues(tender, [{"state": "bid", "decision": "bid"}])
        self._quoted(tender)
        tender.with_user(self.rep).action_request_approval()
        tender.with_user(self.manager).action_approval_approve()
        tender.with_user(self.rep).action_submit_bid()
        self.start_tour("/odoo", "sales_tender_outcome_tour", login=self.rep.login)
        self.assertRecordValues(tender, [{"state": "lost", "winner_id": self.rival.id}])
        self.assertRecordValues(
            tender.competitor_price_ids,
            [
                {
                    "competitor_id": self.rival.id,
                    "product_id": self.product.id,
                    "price_unit": 95.0,
                    "source": "tender",
                }
            ],
        )
