# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.sales_policy_sale.tests.common import SalesPolicySaleCommon


@tagged("post_install", "-at_install")
class TestInterestTermsFingerprint(SalesPolicySaleCommon):
    """The order's overdue-interest terms are contract terms: an approval
    holds for the terms it was given for."""

    def test_changing_interest_terms_after_approval_reopens_review(self):
        order = self._order()
        self._submit_and_approve_all(order)
        self.assertEqual(order.approval_status, "approved")
        order.with_user(self.manager).sales_interest_grace_days = (
            order.sales_interest_grace_days + 30
        )
        # the approval given for the old terms no longer counts
        self.assertIn(order.approval_status, ("pending", "to_submit"))
        self.assertTrue(self._requests(order, "outdated"))
