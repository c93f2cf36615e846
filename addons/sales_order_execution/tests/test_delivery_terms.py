# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import OrderExecutionCommon


@tagged("post_install", "-at_install")
class TestDeliveryTerms(OrderExecutionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.execution_require_delivery_terms = True

    def test_rep_cannot_confirm_without_the_delivery_terms(self):
        order = self._order()
        order.write({"commitment_date": False, "incoterm": False})
        with self.assertRefused(
            UserError, r"SP-EXE-02.*committed delivery date.*incoterm"
        ):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.sudo().picking_ids)
        self.assertFalse(order.sudo().execution_handover_ids)

    def test_missing_incoterm_alone_is_refused(self):
        order = self._order()
        order.incoterm = False
        with self.assertRefused(UserError, "delivery method"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_form_with_the_terms_confirms(self):
        with Form(self.env["sale.order"].with_user(self.rep)) as form:
            form.partner_id = self.customer
            form.incoterm = self.incoterm
            form.commitment_date = datetime(2030, 2, 1, 9, 0)
            with form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 3
        order = form.save()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_setting_off_confirms_without_terms(self):
        self.company.execution_require_delivery_terms = False
        order = self._order()
        order.write({"commitment_date": False, "incoterm": False})
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_setting_off_lets_the_rep_move_the_commitment(self):
        self.company.execution_freeze_commitment = False
        order = self._confirmed()
        order.with_user(self.rep).write({"commitment_date": datetime(2030, 3, 1)})
        self.assertEqual(order.commitment_date, datetime(2030, 3, 1))

    def test_rep_cannot_move_the_commitment_after_confirmation(self):
        order = self._confirmed()
        with self.assertRefused(UserError, "SP-EXE-03"):
            order.with_user(self.rep).write({"commitment_date": datetime(2030, 3, 1)})
        self.assertEqual(order.commitment_date, datetime(2030, 1, 10, 12, 0))
        # unchanged value and other fields pass
        order.with_user(self.rep).write(
            {"commitment_date": datetime(2030, 1, 10, 12, 0), "note": "ok"}
        )
        # a quotation's commitment is free
        quotation = self._order()
        quotation.with_user(self.rep).commitment_date = datetime(2030, 5, 1)
        # a sales manager may move it
        order.with_user(self.manager).commitment_date = datetime(2030, 3, 1)
        self.assertEqual(order.commitment_date, datetime(2030, 3, 1))
