# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)


class OrderExecutionCommon(SalesPolicyCommon):
    """A customer, a storable product, recipients per department; no approval
    rules (the approval engine's own tests cover them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Execution Customer", "email": "buyer@example.com"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Calcium Carbonate 25 kg",
                "is_storable": True,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.production = cls._new_policy_user(
            "sp_production", "sales_policy_base.group_sales_policy_user"
        )
        cls.company.write(
            {
                "execution_production_user_ids": [Command.set(cls.production.ids)],
                "execution_logistics_user_ids": [Command.set(cls.manager.ids)],
                "execution_finance_user_ids": [Command.set(cls.finance_reviewer.ids)],
            }
        )
        cls.incoterm = cls.env.ref("account.incoterm_EXW")
        cls.reason = cls.env.ref("sales_order_execution.delay_reason_material")

    @classmethod
    def _order(cls, user=None, commitment=None, qty=10, price=100.0, product=None):
        user = user or cls.rep
        return (
            cls.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "user_id": user.id,
                    "incoterm": cls.incoterm.id,
                    "commitment_date": commitment or datetime(2030, 1, 10, 12, 0),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": (product or cls.product).id,
                                "product_uom_qty": qty,
                                "price_unit": price,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _confirmed(self, user=None, commitment=None, **kwargs):
        order = self._order(user=user, commitment=commitment, **kwargs)
        order.with_user(user or self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        return order

    def _deliver(self, order, when=None):
        picking = order.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state != "done"
        )
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        if when:
            picking.date_done = when
        return picking

    def _detect(self):
        return self.env["sales.order.delay.engine"]._cron_detect_delays()

    def _delays(self, order):
        return (
            self.env["sales.order.delay"].sudo().search([("order_id", "=", order.id)])
        )
