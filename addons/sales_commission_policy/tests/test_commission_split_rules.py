# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionSplitRules(SalesCommissionCommon):
    """The split rules hold on the split lines themselves, not only when the
    order or invoice saves them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.billing_manager = cls._new_policy_user(
            "sp_billing_manager",
            "sales_policy_base.group_sales_policy_manager,account.group_account_invoice",
        )

    def _order(self, user):
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.pump.id,
                                "product_uom_qty": 1,
                                "price_unit": 1000.0,
                            }
                        )
                    ],
                    "sales_commission_split_ids": [
                        Command.create({"user_id": self.rep.id, "percent": 50.0}),
                        Command.create({"user_id": self.rep_2.id, "percent": 50.0}),
                    ],
                }
            )
        )

    def _rep_invoice(self, post=True):
        """An invoice of ``rep`` split 50/50 between ``rep`` and ``rep_2``."""
        invoice = self._invoice(
            [(self.pump, 1, 1000.0)],
            splits=[(self.rep, 50.0), (self.rep_2, 50.0)],
            post=False,
        )
        invoice.invoice_user_id = self.rep
        if post:
            invoice.action_post()
        return invoice

    def test_rep_writing_one_split_to_total_90_is_refused(self):
        order = self._order(self.rep)
        first, second = order.sales_commission_split_ids.with_user(self.rep)
        # 40 + 50 = 90
        with self.assertRefused(ValidationError, "sums to 90"):
            first.write({"percent": 40.0})
        # 50 + 50 + 10 = 110
        with self.assertRefused(ValidationError, "sums to 110"):
            self.env["sales.commission.split"].with_user(self.rep).create(
                {"order_id": order.id, "user_id": self.manager.id, "percent": 10.0}
            )
        # 50 left alone
        with self.assertRefused(ValidationError, "sums to 50"):
            second.unlink()
        self.assertEqual(order.sales_commission_split_ids.mapped("percent"), [50, 50])

    def test_rep_changes_several_splits_in_one_save(self):
        order = self._order(self.rep)
        first, second = order.sales_commission_split_ids
        # checked once at the end (40 + 60 = 100), not after the first line
        order.with_user(self.rep).write(
            {
                "sales_commission_split_ids": [
                    Command.update(first.id, {"percent": 40.0}),
                    Command.update(second.id, {"percent": 60.0}),
                ]
            }
        )
        self.assertEqual(order.sales_commission_split_ids.mapped("percent"), [40, 60])
        # the document's own check still refuses a wrong total: 30 + 60 = 90
        with self.assertRefused(ValidationError, "sums to 90"):
            order.with_user(self.rep).write(
                {
                    "sales_commission_split_ids": [
                        Command.update(first.id, {"percent": 30.0})
                    ]
                }
            )

    def test_rep_cannot_change_split_of_posted_invoice(self):
        draft = self._rep_invoice(post=False)
        # before posting the rep may still change the split
        draft.sales_commission_split_ids[1].with_user(self.rep).user_id = self.manager
        self.assertEqual(
            draft.sales_commission_split_ids.user_id, self.rep | self.manager
        )
        invoice = self._rep_invoice()
        split = invoice.sales_commission_split_ids[1].with_user(self.rep)
        with self.assertRefused(AccessError, "only a sales manager"):
            split.write({"user_id": self.rep.id})
        with self.assertRefused(AccessError, "only a sales manager"):
            invoice.sales_commission_split_ids.with_user(self.rep).unlink()
        self.assertEqual(
            invoice.sales_commission_split_ids.user_id, self.rep | self.rep_2
        )

    def test_manager_changes_split_of_posted_invoice(self):
        invoice = self._rep_invoice()
        first, second = invoice.sales_commission_split_ids
        invoice.with_user(self.billing_manager).write(
            {
                "sales_commission_split_ids": [
                    Command.update(first.id, {"percent": 70.0}),
                    Command.update(second.id, {"percent": 30.0}),
                ]
            }
        )
        second.with_user(self.manager).user_id = self.manager
        self.assertRecordValues(
            invoice.sales_commission_split_ids,
            [
                {"user_id": self.rep.id, "percent": 70.0},
                {"user_id": self.manager.id, "percent": 30.0},
            ],
        )
        # still 100 % for a manager too: 70 + 40 = 110
        with self.assertRefused(ValidationError, "sums to 110"):
            second.with_user(self.manager).percent = 40.0

    def test_rep_cannot_touch_splits_of_another_reps_order(self):
        order = self._order(self.rep_2)
        Split = self.env["sales.commission.split"]
        self.assertFalse(
            Split.with_user(self.rep).search([("order_id", "=", order.id)])
        )
        with self.assertRaises(AccessError):
            order.sales_commission_split_ids[0].with_user(self.rep).write(
                {"user_id": self.rep.id}
            )
        # the owner of the order and a manager do
        self.assertEqual(
            Split.with_user(self.rep_2).search([("order_id", "=", order.id)]),
            order.sales_commission_split_ids,
        )
        self.assertEqual(
            Split.with_user(self.manager).search([("order_id", "=", order.id)]),
            order.sales_commission_split_ids,
        )
