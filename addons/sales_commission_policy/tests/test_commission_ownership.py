# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionOwnership(SalesCommissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # reps and a manager who may create and edit contacts (as in Odoo's
        # default internal user), so only the ownership rule can refuse them
        contacts = "base.group_partner_manager"
        cls.crm_rep = cls._new_policy_user(
            "sp_crm_rep", f"sales_policy_base.group_sales_policy_user,{contacts}"
        )
        cls.crm_rep_2 = cls._new_policy_user(
            "sp_crm_rep_2", f"sales_policy_base.group_sales_policy_user,{contacts}"
        )
        cls.crm_manager = cls._new_policy_user(
            "sp_crm_manager",
            f"sales_policy_base.group_sales_policy_manager,{contacts}",
        )

    def _order(self, partner=None, user=None):
        return (
            self.env["sale.order"]
            .with_user(user or self.rep)
            .create(
                {
                    "partner_id": (partner or self.customer_a).id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.pump.id,
                                "product_uom_qty": 1,
                                "price_unit": 1000.0,
                            }
                        )
                    ],
                }
            )
        )

    def test_first_registering_rep_owns_the_customer(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.crm_rep)
            .create({"name": "New Prospect", "is_company": True})
        )
        self.assertEqual(partner.sales_commission_owner_id, self.crm_rep)
        self.assertRecordValues(
            partner.sales_commission_ownership_ids,
            [{"user_id": self.crm_rep.id, "date_to": False}],
        )
        contact = (
            self.env["res.partner"]
            .with_user(self.crm_rep_2)
            .create({"name": "Buyer", "parent_id": partner.id})
        )
        # contacts follow their company
        self.assertEqual(contact.sales_commission_owner_id, self.crm_rep)

    def test_rep_cannot_reassign_an_owned_customer(self):
        with self.assertRefused(UserError, "Ask a sales manager"):
            self.customer_a.with_user(self.crm_rep_2).write(
                {"sales_commission_owner_id": self.crm_rep_2.id}
            )
        self.assertEqual(self.customer_a.sales_commission_owner_id, self.rep)
        # a customer nobody owns yet may be claimed
        self.customer_a.sales_commission_owner_id = False
        self.customer_a.with_user(self.crm_rep_2).write(
            {"sales_commission_owner_id": self.crm_rep_2.id}
        )
        self.assertEqual(self.customer_a.sales_commission_owner_id, self.crm_rep_2)

    def test_manager_reassigns_and_history_is_kept(self):
        self.customer_a.with_user(
            self.crm_manager
        ).sales_commission_owner_id = self.rep_2
        history = self.customer_a.sales_commission_ownership_ids.sorted("id")
        self.assertEqual(history.user_id, self.rep | self.rep_2)
        self.assertTrue(history[0].date_to)
        self.assertFalse(history[1].date_to)
        self.assertEqual(history[1].changed_by_id, self.crm_manager)

    def test_order_split_defaults_to_owner_and_follows_to_invoice(self):
        order = self._order(partner=self.customer_c)
        self.assertRecordValues(
            order.sales_commission_split_ids,
            [{"user_id": self.rep_2.id, "percent": 100.0}],
        )
        order.with_user(self.rep).write(
            {
                "sales_commission_split_ids": [
                    Command.clear(),
                    Command.create({"user_id": self.rep.id, "percent": 30.0}),
                    Command.create({"user_id": self.rep_2.id, "percent": 70.0}),
                ]
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        self.assertRecordValues(
            invoice.sales_commission_split_ids,
            [
                {"user_id": self.rep.id, "percent": 30.0},
                {"user_id": self.rep_2.id, "percent": 70.0},
            ],
        )

    def test_split_not_summing_to_100_refused(self):
        order = self._order()
        with self.assertRefused(ValidationError, "sums to 90"):
            order.with_user(self.rep).write(
                {
                    "sales_commission_split_ids": [
                        Command.clear(),
                        Command.create({"user_id": self.rep.id, "percent": 50.0}),
                        Command.create({"user_id": self.rep_2.id, "percent": 40.0}),
                    ]
                }
            )
        with self.assertRefused(ValidationError, "sums to 110"):
            self._invoice(
                [(self.pump, 1, 100.0)], splits=[(self.rep, 60.0), (self.rep_2, 50.0)]
            )
        with self.assertRefused(ValidationError, "outside 0-100"):
            self._invoice([(self.pump, 1, 100.0)], splits=[(self.rep, 120.0)])

    def test_split_change_after_invoicing_logged_in_chatter(self):
        invoice = self._invoice([(self.pump, 1, 1000.0)])
        invoice = invoice.with_context(tracking_disable=False, mail_notrack=False)
        split = invoice.sales_commission_split_ids
        invoice.write(
            {
                "sales_commission_split_ids": [
                    Command.update(split.id, {"percent": 80.0}),
                    Command.create({"user_id": self.rep_2.id, "percent": 20.0}),
                ]
            }
        )
        logged = [
            body
            for body in invoice.message_ids.mapped("body")
            if "Commission split changed" in body
        ]
        # one message with the split before and after
        self.assertEqual(len(logged), 1)
        self.assertIn("Sp Rep 100.0 %", logged[0])
        self.assertIn("Sp Rep 80.0 %, Sp Rep 2 20.0 %", logged[0])
        # a split line changed on its own is logged too (it must keep the
        # total at 100 %: one share changed alone is refused, see
        # test_commission_split_rules.py)
        invoice.sales_commission_split_ids[1].user_id = self.manager
        self.assertIn("Sp Rep 80.0 %, Sp Manager 20.0 %", invoice.message_ids[0].body)
