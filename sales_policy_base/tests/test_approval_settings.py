# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestApprovalSettings(SalesPolicyCommon):
    def test_admin_sets_approval_settings(self):
        settings = (
            self.env["res.config.settings"]
            .with_user(self.policy_admin)
            .create(
                {
                    "sales_policy_large_bid_amount": 50000.0,
                    "sales_policy_approval_reminder_days": 2,
                    "sales_policy_discount_limit_user": 5.0,
                    "sales_policy_discount_limit_manager": 15.0,
                    "sales_policy_discount_limit_senior": 30.0,
                }
            )
        )
        settings.execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "sales_policy_large_bid_amount": 50000.0,
                    "sales_policy_approval_reminder_days": 2,
                    "sales_policy_discount_limit_manager": 15.0,
                }
            ],
        )

    def test_negative_threshold_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.company.sales_policy_large_bid_amount = -1.0

    def test_discount_limits_must_grow_with_seniority(self):
        with self.assertRefused(ValidationError, "do not decrease"):
            self.company.write(
                {
                    "sales_policy_discount_limit_user": 25.0,
                    "sales_policy_discount_limit_manager": 20.0,
                }
            )
        with self.assertRefused(ValidationError, "between 0"):
            self.company.sales_policy_discount_limit_senior = 120.0

    def test_discount_limit_per_role(self):
        # defaults: salesperson 10 %, manager 20 %, senior 100 %
        limit = self.company._sales_policy_discount_limit
        self.assertEqual(limit(self.rep), 10.0)
        self.assertEqual(limit(self.manager), 20.0)
        self.assertEqual(limit(self.senior_manager), 100.0)
        self.assertEqual(limit(self.policy_admin), 100.0)
