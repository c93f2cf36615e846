# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesCompetitorCommon


@tagged("post_install", "-at_install")
class TestSendCheck(SalesCompetitorCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_competitor_price_days = 30
        # GCC observed 5 days ago (within 30), PCC 40 days ago (too old)
        cls._observe(cls.competitor_north, cls.product_gcc, 100.0, days_ago=5)
        cls._observe(cls.competitor_north, cls.product_pcc, 70.0, days_ago=40)
        cls.order = cls._quotation(cls.product_gcc + cls.product_pcc)

    def test_setting_off_sends_without_observation(self):
        self.company.sales_competitor_price_days = 0
        order = self.order.with_user(self.rep)
        order.action_quotation_send()
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")

    def test_send_without_recent_observation_is_refused_naming_products(self):
        order = self.order.with_user(self.rep)
        for method in ("action_quotation_send", "action_quotation_sent"):
            with self.subTest(method=method):
                with self.assertRefused(UserError, "SP-CMP-03"):
                    getattr(order, method)()
        with self.assertRaises(UserError) as caught:
            order.action_quotation_send()
        message = str(caught.exception)
        self.assertIn("PCC filler", message)
        self.assertNotIn("GCC 800 mesh", message)
        self.assertIn("30 days", message)
        self.assertIn("Record a competitor price", message)
        self.assertEqual(self.order.state, "draft")

    def test_composer_and_direct_write_are_refused(self):
        order = self.order.with_user(self.rep)
        with self.assertRefused(UserError, "SP-CMP-03"):
            order.with_context(mark_so_as_sent=True).message_post(body="Your quotation")
        with self.assertRefused(UserError, "SP-CMP-03"):
            order.write({"state": "sent"})
        with self.assertRefused(UserError, "SP-CMP-03"):
            # the lines are judged after the write: adding an unobserved
            # product together with the state is refused too
            self._quotation(self.product_gcc).with_user(self.rep).write(
                {
                    "state": "sent",
                    "order_line": [(0, 0, {"product_id": self.product_none.id})],
                }
            )
        with self.assertRefused(UserError, "SP-CMP-03"):
            self.env["sale.order"].with_user(self.rep).create(
                {
                    "partner_id": self.customer.id,
                    "state": "sent",
                    "order_line": [(0, 0, {"product_id": self.product_pcc.id})],
                }
            )
        self.assertEqual(self.order.state, "draft")

    def test_send_allowed_once_the_rep_records_an_observation(self):
        self.env["sales.competitor.price"].with_user(self.rep).create(
            {
                "competitor_id": self.competitor_coast.id,
                "product_id": self.product_pcc.id,
                "price_unit": 72.0,
                "source": "visit",
            }
        )
        order = self.order.with_user(self.rep)
        action = order.action_quotation_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        order.with_context(mark_so_as_sent=True).message_post(body="Your quotation")
        self.assertEqual(order.state, "sent")

    def test_observation_of_archived_competitor_does_not_count(self):
        self._observe(self.competitor_coast, self.product_pcc, 72.0)
        self.competitor_coast.action_archive()
        with self.assertRefused(UserError, "PCC filler"):
            self.order.with_user(self.rep).action_quotation_sent()
        self.competitor_coast.action_unarchive()
        self.order.with_user(self.rep).action_quotation_sent()
        self.assertEqual(self.order.state, "sent")
