# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionSecurity(SalesCommissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._invoice([(cls.pump, 1, 1000.0)])
        cls._invoice([(cls.service, 1, 1000.0)], partner=cls.customer_c)
        cls.lines = cls.env["sales.commission.line"]._generate(companies=cls.company)
        cls.rep_line = cls.lines.filtered(lambda line: line.user_id == cls.rep)
        cls.rep_2_line = cls.lines.filtered(lambda line: line.user_id == cls.rep_2)

    def test_rep_sees_only_own_commission(self):
        Line = self.env["sales.commission.line"].with_user(self.rep)
        self.assertEqual(Line.search([]), self.rep_line)
        with self.assertRaises(AccessError):
            self.rep_2_line.with_user(self.rep).read(["amount"])

    def test_rep_cannot_create_or_change_commission(self):
        with self.assertRaises(AccessError):
            self.rep_line.with_user(self.rep).write({"amount": 1000.0})
        with self.assertRaises(AccessError):
            self.env["sales.commission.line"].with_user(self.rep).create(
                {
                    "company_id": self.company.id,
                    "user_id": self.rep.id,
                    "date": date(2026, 3, 1),
                    "period_start": date(2026, 3, 1),
                    "basis": "bonus",
                    "amount": 1000.0,
                    "currency_id": self.company.currency_id.id,
                }
            )

    def test_manager_and_finance_see_all(self):
        for user in (self.manager, self.finance_reviewer):
            found = self.env["sales.commission.line"].with_user(user).search([])
            self.assertEqual(found & self.lines, self.lines)

    def test_manager_pivot_by_rep_and_grade(self):
        groups = (
            self.env["sales.commission.line"]
            .with_user(self.manager)
            ._read_group(
                [("id", "in", self.lines.ids)],
                ["user_id", "sales_grade", "period_start:month"],
                ["amount:sum"],
            )
        )
        # rep: pump 1,000 * 4 % = 40 (grade A); rep_2: 1,000 * 2 % = 20 (grade C)
        self.assertEqual(
            sorted((u.id, g, a) for u, g, _p, a in groups),
            sorted([(self.rep.id, "a", 40.0), (self.rep_2.id, "c", 20.0)]),
        )

    def test_other_company_sees_nothing(self):
        found = (
            self.env["sales.commission.line"].with_user(self.admin_company_b).search([])
        )
        self.assertFalse(found & self.lines)

    def test_rep_sees_own_settlement_only(self):
        wizard = (
            self.env["sales.commission.settle.wizard"]
            .with_user(self.manager)
            .create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        )
        wizard.action_settle()
        Settlement = self.env["sales.commission.settlement"]
        mine = Settlement.with_user(self.rep).search([])
        self.assertEqual(mine.user_id, self.rep)
        self.assertEqual(len(Settlement.with_user(self.manager).search([])), 2)
