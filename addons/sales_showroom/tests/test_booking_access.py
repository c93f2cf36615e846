# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestShowroomBookingOwner(ShowroomCommon):
    """A booking is handled by its rep or a sales manager (SP-SHR-10)."""

    def test_rep_cannot_subscribe_a_colleagues_hold(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer)
        with self.assertRefused(AccessError, "belongs to Sp Rep.*SP-SHR-10"):
            booking.with_user(self.rep_2).subscribe(10_000.0)
        with self.assertRefused(AccessError, "SP-SHR-10"):
            booking.with_user(self.rep_2).action_open_subscribe_wizard()
        self.assertRecordValues(booking, [{"state": "held", "deposit_amount": 0.0}])
        self.assertEqual(self.unit_101.state, "held")
        booking.with_user(self.manager).subscribe(10_000.0)
        self.assertEqual(booking.state, "subscribed")

    def test_rep_cannot_quote_or_contract_a_colleagues_subscription(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer)
        booking.with_user(self.rep).subscribe(10_000.0)
        with self.assertRefused(AccessError, "SP-SHR-10"):
            booking.with_user(self.rep_2).action_create_sale_order()
        with self.assertRefused(AccessError, "SP-SHR-10"):
            booking.with_user(self.rep_2).action_contract()
        self.assertFalse(booking.sale_order_id)
        self.assertEqual(booking.state, "subscribed")

    def test_expired_hold_cannot_be_subscribed(self):
        booking = self.unit_101.with_user(self.rep).hold(self.customer, 1)
        booking.sudo().hold_expiry = fields.Datetime.subtract(
            fields.Datetime.now(), minutes=1
        )
        for user in (self.rep, self.manager):
            with self.assertRefused(UserError, "expired.*SP-SHR-09"):
                booking.with_user(user).subscribe(10_000.0)
        with self.assertRefused(UserError, "SP-SHR-09"):
            booking.with_user(self.rep).action_open_subscribe_wizard()
        self.assertRecordValues(booking, [{"state": "held", "deposit_amount": 0.0}])
        self.assertEqual(self.unit_101.state, "held")
        # the rep cancels the stale hold and holds the unit again
        booking.with_user(self.rep).action_cancel()
        again = self.unit_101.with_user(self.rep).hold(self.customer)
        again.with_user(self.rep).subscribe(10_000.0)
        self.assertEqual(self.unit_101.state, "subscribed")


@tagged("post_install", "-at_install")
class TestShowroomBoardConfidentialCustomers(ShowroomCommon):
    """The board export works for a rep who may not read every customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls.env["res.partner"].create({"name": "Hidden Holdings"})
        # a confidential customer, as customer confidentiality makes them
        cls.env["ir.rule"].create(
            {
                "name": "Test: Hidden Holdings is confidential",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "domain_force": f"[('id', '!=', {cls.secret.id})]",
            }
        )
        cls.unit_101.with_user(cls.rep_2).hold(cls.secret)
        cls.unit_102.with_user(cls.rep_2).hold(cls.customer_2)

    def _export_strings(self, user):
        wizard = (
            self.env["sales.showroom.board.export"]
            .with_user(user)
            .create({"project_id": self.project.id})
        )
        wizard.action_export()
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            return xlsx.read("xl/sharedStrings.xml").decode()

    def test_rep_exports_the_board_without_a_colleagues_confidential_customer(self):
        with self.assertRaises(AccessError):
            self.secret.with_user(self.rep).read(["name"])
        strings = self._export_strings(self.rep)
        self.assertNotIn("Hidden Holdings", strings)
        self.assertIn("(confidential)", strings)
        # a customer the rep may read is named
        self.assertIn("Mr Second", strings)
        self.assertIn("T1", strings)

    def test_rep_sees_the_customer_of_their_own_booking_in_the_export(self):
        strings = self._export_strings(self.rep_2)
        self.assertIn("Hidden Holdings", strings)
        self.assertNotIn("(confidential)", strings)
