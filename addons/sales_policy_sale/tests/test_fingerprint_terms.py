# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from ..models.sale_order import FINGERPRINT_FIELDS
from .common import RepOverRpcMixin, SalesPolicySaleCommon

TERMS = (
    "taxes",
    "description",
    "note line",
    "section line",
    "online payment",
    "prepayment",
)


class FingerprintCommon(SalesPolicySaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax = cls.env["account.tax"].create(
            {"name": "Policy VAT 13%", "amount": 13.0, "type_tax_use": "sale"}
        )


@tagged("post_install", "-at_install")
class TestFingerprintTerms(FingerprintCommon):
    """What the customer is bound by belongs to what was approved: taxes,
    notes, sections, descriptions, online payment and prepayment."""

    def _edits(self, order):
        line = order.order_line
        return (
            ("taxes", lambda: line.write({"tax_id": [Command.set(self.tax.ids)]})),
            ("description", lambda: line.write({"name": "Pump, used"})),
            (
                "note line",
                lambda: order.write(
                    {
                        "order_line": [
                            Command.create(
                                {"display_type": "line_note", "name": "No warranty."}
                            )
                        ]
                    }
                ),
            ),
            (
                "section line",
                lambda: order.write(
                    {
                        "order_line": [
                            Command.create(
                                {"display_type": "line_section", "name": "Optional"}
                            )
                        ]
                    }
                ),
            ),
            ("online payment", lambda: order.write({"require_payment": True})),
            (
                "prepayment",
                lambda: order.write(
                    {"require_payment": True, "prepayment_percent": 0.3}
                ),
            ),
        )

    def test_each_contract_term_reopens_review_after_approval(self):
        for label in TERMS:
            with self.subTest(term=label):
                order = self._order()
                order.require_payment = False
                self._submit_and_approve_all(order)
                approved = self._requests(order, "approved")
                self.assertEqual(order.with_user(self.rep).approval_status, "approved")
                before = order._approval_fingerprints()[order.id]
                # the same edit, on this order, as the rep
                dict(self._edits(order.with_user(self.rep)))[label]()
                self.assertNotEqual(order._approval_fingerprints()[order.id], before)
                self.assertEqual(set(approved.mapped("state")), {"outdated"})
                with self.assertRefused(UserError, "must approve it first"):
                    order.with_user(self.rep).action_confirm()
                self.assertEqual(order.state, "draft")

    def test_section_title_change_reopens_review(self):
        order = self._order()
        order.write(
            {
                "order_line": [
                    Command.create({"display_type": "line_section", "name": "A"})
                ]
            }
        )
        self._submit_and_approve_all(order)
        section = order.order_line.filtered("display_type")
        section.with_user(self.rep).name = "Included at no cost"
        self.assertFalse(self._requests(order, "approved"))

    def test_the_fields_that_reopen_review_have_one_definition(self):
        Order = self.env["sale.order"]
        # this module's definition, which other modules may extend (the
        # receivables' interest terms)
        defined = Order._sales_policy_fingerprint_fields()
        for model, names in FINGERPRINT_FIELDS.items():
            self.assertEqual(defined[model][: len(names)], names)
        self.assertEqual(
            Order._approval_fingerprint_fields,
            [*defined["sale.order"], "order_line"],
        )
        # the SQL reads each of them
        query = Order._sales_policy_fingerprint_sql().code
        for model, names in defined.items():
            for name in names:
                with self.subTest(model=model, field=name):
                    field = self.env[model]._fields[name]
                    self.assertIn(
                        field.relation if field.type == "many2many" else f'"{name}"',
                        query,
                    )


@tagged("post_install", "-at_install")
class TestFingerprintTermsRpc(RepOverRpcMixin, FingerprintCommon, HttpCase):
    def test_rep_changing_taxes_over_rpc_cannot_confirm_on_the_old_approval(self):
        order = self._order()
        self._submit_and_approve_all(order)
        self._rpc(
            "sale.order.line",
            "write",
            order.order_line.ids,
            {"tax_id": [[6, 0, self.tax.ids]]},
        )
        with self.assertRaisesRegex(xmlrpc.client.Fault, "must approve it first"):
            self._rpc("sale.order", "action_confirm", order.ids)
        self.env.invalidate_all()
        self.assertEqual(order.state, "draft")
        self.assertFalse(self._requests(order, "approved"))
