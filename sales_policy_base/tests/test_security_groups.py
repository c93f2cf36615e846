# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestSecurityGroups(SalesPolicyCommon):
    def test_salesperson_works_as_odoo_salesman_only_on_own_documents(self):
        self.assertTrue(self.rep.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.rep.has_group("sales_team.group_sale_salesman_all_leads"))
        self.assertFalse(
            self.rep.has_group("sales_policy_base.group_sales_policy_manager")
        )

    def test_manager_sees_all_leads_and_keeps_salesperson_rights(self):
        self.assertTrue(
            self.manager.has_group("sales_policy_base.group_sales_policy_user")
        )
        self.assertTrue(
            self.manager.has_group("sales_team.group_sale_salesman_all_leads")
        )
        self.assertFalse(
            self.manager.has_group("sales_policy_base.group_sales_policy_admin")
        )
        self.assertFalse(self.manager.has_group("base.group_system"))

    def test_senior_manager_includes_manager(self):
        self.assertTrue(
            self.senior_manager.has_group(
                "sales_policy_base.group_sales_policy_manager"
            )
        )

    def test_policy_admin_has_every_sales_role_and_settings(self):
        for group in (
            "sales_policy_base.group_sales_policy_user",
            "sales_policy_base.group_sales_policy_manager",
            "sales_policy_base.group_sales_policy_senior_manager",
            "sales_team.group_sale_manager",
            "base.group_system",
        ):
            self.assertTrue(self.policy_admin.has_group(group), group)

    def test_reviewers_are_not_sales_staff(self):
        self.assertTrue(
            self.finance_reviewer.has_group("account.group_account_invoice")
        )
        for reviewer in (
            self.finance_reviewer | self.legal_reviewer | self.technical_reviewer
        ):
            self.assertFalse(reviewer.has_group("sales_team.group_sale_salesman"))
            self.assertTrue(reviewer.has_group("base.group_user"))

    def test_every_group_explains_itself(self):
        category = self.env.ref("sales_policy_base.module_category_sales_policy")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        # the seven roles of this module; feature modules may add theirs (e.g.
        # the planning readers of sales_forecast), which must explain
        # themselves too
        roles = self.env["res.groups"].browse(
            [
                self.env.ref(f"sales_policy_base.group_sales_policy_{role}").id
                for role in (
                    "user",
                    "manager",
                    "senior_manager",
                    "admin",
                    "finance_reviewer",
                    "legal_reviewer",
                    "technical_reviewer",
                )
            ]
        )
        self.assertEqual(len(roles), 7)
        self.assertEqual(roles & groups, roles)
        self.assertFalse(groups.filtered(lambda g: not g.comment))
