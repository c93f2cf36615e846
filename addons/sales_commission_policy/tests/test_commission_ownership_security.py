# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionOwnershipSecurity(SalesCommissionCommon):
    """Ownership history is customer information: own / team / all.

    ``customer_a`` is owned by ``rep``, ``customer_c`` by ``rep_2``. The
    manager leads a team of which ``rep`` is a member, ``rep_2`` is not.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Ownership Team",
                "company_id": cls.company.id,
                "user_id": cls.manager.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep.id})],
            }
        )
        cls.History = cls.env["sales.commission.ownership"]
        cls.history_a = cls.History.search([("partner_id", "=", cls.customer_a.id)])
        cls.history_c = cls.History.search([("partner_id", "=", cls.customer_c.id)])
        cls.senior = cls._new_policy_user(
            "sp_senior_own", "sales_policy_base.group_sales_policy_senior_manager"
        )
        cls.employee = cls._new_policy_user("sp_employee", "base.group_user")

    def _visible(self, user):
        return self.History.with_user(user).search(
            [("id", "in", (self.history_a | self.history_c).ids)]
        )

    def test_rep_reads_only_the_history_of_own_customers(self):
        self.assertEqual(self._visible(self.rep), self.history_a)
        with self.assertRaises(AccessError):
            self.history_c.with_user(self.rep).read(["user_id"])

    def test_manager_reads_the_history_of_the_team_customers(self):
        self.assertEqual(self._visible(self.manager), self.history_a)

    def test_senior_manager_reads_every_history(self):
        self.assertEqual(self._visible(self.senior), self.history_a | self.history_c)

    def test_employee_without_sales_role_reads_no_history(self):
        with self.assertRaises(AccessError):
            self.History.with_user(self.employee).search([])
        # the customer form still opens for them: the history field is hidden
        Partner = self.env["res.partner"].with_user(self.employee)
        self.assertNotIn("sales_commission_ownership_ids", Partner.fields_get())
        Partner.get_views([(False, "form")])
        self.assertEqual(
            self.customer_a.with_user(self.employee).read(["name"])[0]["name"],
            "Grade A Customer",
        )

    def test_other_company_reads_no_history(self):
        self.assertRecordValues(
            self.history_a | self.history_c,
            [{"company_id": self.company.id}, {"company_id": self.company.id}],
        )
        self.assertFalse(self._visible(self.admin_company_b))
        self.assertFalse(self._visible(self.rep_company_b))
