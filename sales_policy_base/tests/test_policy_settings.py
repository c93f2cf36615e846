# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestPolicySettings(SalesPolicyCommon):
    def test_policy_admin_sets_the_company_policy_in_settings(self):
        settings = Form(self.env["res.config.settings"].with_user(self.policy_admin))
        settings.sales_policy_document = "Sales Management Policy"
        settings.sales_policy_version = "2026.2"
        settings.sales_policy_owner_id = self.manager
        settings.save().execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "sales_policy_document": "Sales Management Policy",
                    "sales_policy_version": "2026.2",
                    "sales_policy_owner_id": self.manager.id,
                }
            ],
        )

    def test_salesperson_cannot_change_policy_settings(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.rep).create(
                {"sales_policy_version": "rep-edited"}
            )
        with self.assertRaises(AccessError):
            self.company.with_user(self.rep).write(
                {"sales_policy_version": "rep-edited"}
            )
        self.assertFalse(self.company.sales_policy_version)

    def test_manager_cannot_change_policy_settings(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.manager).write(
                {"sales_policy_document": "Mine"}
            )

    def test_settings_are_kept_per_company(self):
        self.company.sales_policy_version = "A-1"
        settings = Form(
            self.env["res.config.settings"]
            .with_user(self.admin_company_b)
            .with_company(self.company_b)
        )
        self.assertFalse(settings.sales_policy_version)
        settings.sales_policy_version = "B-7"
        settings.save().execute()
        self.assertEqual(self.company_b.sales_policy_version, "B-7")
        self.assertEqual(self.company.sales_policy_version, "A-1")

    def test_policy_owner_must_belong_to_the_company(self):
        with self.assertRaises(ValidationError):
            self.company_b.sales_policy_owner_id = self.rep
        self.company_b.sales_policy_owner_id = self.rep_company_b
        self.assertEqual(self.company_b.sales_policy_owner_id, self.rep_company_b)
