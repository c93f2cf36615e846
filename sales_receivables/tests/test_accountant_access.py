# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Accountants work from Invoicing: Odoo's own accounting groups (Billing,
Accountant, Administrator) reach the receivables screens without any Sales
Policy group; a plain internal user does not."""

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SalesReceivablesCommon

ACCOUNTING_GROUPS = (
    "account.group_account_invoice",
    "account.group_account_user",
    "account.group_account_manager",
)


@tagged("post_install", "-at_install")
class TestAccountantAccess(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.billing = new_test_user(
            cls.env,
            login="sp_billing",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.internal = new_test_user(
            cls.env,
            login="sp_internal",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        # the menus this module adds under Invoicing
        invoicing = cls.env.ref("account.menu_finance")
        cls.menus = (
            cls.env["ir.ui.menu"]
            .with_context(active_test=False)
            .search([("id", "child_of", invoicing.id), ("action", "!=", False)])
            .filtered(
                lambda menu: menu.get_external_id()[menu.id].startswith(
                    "sales_receivables."
                )
            )
        )
        cls._invoice(300.0, due=fields.Date.subtract(fields.Date.today(), days=40))

    def _actions(self):
        # ir.ui.menu.action is a reference field: read it menu by menu
        return [menu.action for menu in self.menus]

    def _open_action(self, user, action):
        """What the web client does when ``user`` opens ``action``: load its
        views and its first page of records."""
        Model = self.env[action.res_model].with_user(user)
        modes = [mode for mode in action.view_mode.split(",") if mode]
        Model.get_views([(False, mode) for mode in modes] + [(False, "search")])
        return Model.search_read([], limit=80)

    def test_menus_cover_the_accountant_screens(self):
        models = set([menu.action.res_model for menu in self.menus])
        self.assertLessEqual(
            {
                "sales.collection.plan",
                "sales.collection.plan.line",
                "sales.collection.plan.rep",
                "sales.aged.receivable.report",
                "sales.interest.charge",
                "sales.interest.charge.line",
                "sales.interest.compute.wizard",
                "sales.reminder.level",
                "sales.reminder.log",
                "sales.legal.case",
                "sales.receivables.xlsx.wizard",
            },
            models,
        )

    def test_accounting_groups_see_and_open_every_invoicing_action(self):
        for group in ACCOUNTING_GROUPS:
            with self.subTest(group=group):
                user = self.billing
                if group != "account.group_account_invoice":
                    user = new_test_user(
                        self.env,
                        login=f"sp_{group.split('.')[1]}",
                        groups=group,
                        company_id=self.company.id,
                        company_ids=[(6, 0, self.company.ids)],
                    )
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertFalse(self.menus - self.menus.browse(list(visible)))
                for action in self._actions():
                    self._open_action(user, action)
        # the billing user reads the open receivable of the rep's customer
        aged = self._open_action(
            self.billing,
            self.env.ref("sales_receivables.sales_aged_receivable_report_action"),
        )
        self.assertEqual(sum(row["amount_residual"] for row in aged), 300.0)

    def test_plain_internal_user_is_refused(self):
        visible = self.env["ir.ui.menu"].with_user(self.internal)._visible_menu_ids()
        self.assertFalse(self.menus.filtered(lambda m: m.id in visible))
        for action in self._actions():
            with self.subTest(model=action.res_model):
                with self.assertRaises(AccessError):
                    self.env[action.res_model].with_user(self.internal).search_read(
                        [], limit=1
                    )

    def test_billing_user_does_the_finance_work(self):
        today = fields.Date.today()
        due = self._invoice(500.0, due=today)
        plan = (
            self.env["sales.collection.plan"]
            .with_user(self.billing)
            .create({"year": today.year, "month": str(today.month)})
        )
        plan.action_generate()
        self.assertIn(due, plan.line_ids.move_id)
        plan.line_ids.filtered(lambda line: line.move_id == due).amount_expected = 450.0
        # 450 planned for the rep, nothing collected yet
        self.assertRecordValues(
            plan.rep_ids.filtered(lambda row: row.user_id == self.rep),
            [{"amount_expected": 450.0, "amount_collected": 0.0}],
        )
        level = (
            self.env["sales.reminder.level"].with_user(self.billing).search([], limit=1)
        )
        self.assertTrue(level)
        level.name = "Checked by billing"
        self.env["sales.receivables.xlsx.wizard"].with_user(self.billing).create(
            {}
        ).action_export()

    def test_read_only_accountant_reads_but_changes_nothing(self):
        auditor = new_test_user(
            self.env,
            login="sp_auditor",
            groups="account.group_account_readonly",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        compute = self.env.ref("sales_receivables.sales_interest_compute_wizard_action")
        visible = self.env["ir.ui.menu"].with_user(auditor)._visible_menu_ids()
        readable = self.menus.filtered(lambda menu: menu.action != compute)
        self.assertFalse(readable - readable.browse(list(visible)))
        self.assertFalse((self.menus - readable).filtered(lambda m: m.id in visible))
        for action in self._actions():
            if action != compute:
                self._open_action(auditor, action)
        aged = self._open_action(
            auditor,
            self.env.ref("sales_receivables.sales_aged_receivable_report_action"),
        )
        self.assertEqual(sum(row["amount_residual"] for row in aged), 300.0)
        # exports are reading too
        self.env["sales.receivables.xlsx.wizard"].with_user(auditor).create(
            {}
        ).action_export()
        today = fields.Date.today()
        with self.assertRaises(AccessError):
            self.env["sales.collection.plan"].with_user(auditor).create(
                {"year": today.year, "month": str(today.month)}
            )
        level = self.env["sales.reminder.level"].with_user(auditor).search([], limit=1)
        self.assertTrue(level)
        with self.assertRaises(AccessError):
            level.name = "Changed by the auditor"
        with self.assertRaises(AccessError):
            self.env["sales.interest.compute.wizard"].with_user(auditor).create({})
