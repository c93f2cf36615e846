# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests.common import new_test_user

from odoo.addons.sales_customer_dev.tests.common import CustomerDevCommon


class ForecastCommon(CustomerDevCommon):
    """Reps, a planner, two product categories and next month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the approval rules are archived by the parent, but this module's own
        cls.forecast_rule = cls.env.ref("sales_forecast.approval_rule_forecast_manager")
        cls.forecast_rule.active = True
        cls.planner = new_test_user(
            cls.env,
            login="sp_planner",
            name="Planner",
            groups="base.group_user,sales_forecast.group_sales_forecast_planning",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        today = fields.Date.context_today(cls.env["sales.forecast"])
        cls.this_month = today.replace(day=1)
        cls.next_month = cls.this_month + relativedelta(months=1)
        Category = cls.env["product.category"]
        cls.categ_a = Category.create({"name": "Forecast Powder"})
        cls.categ_b = Category.create({"name": "Forecast Granules"})
        Product = cls.env["product.product"]
        cls.product_a = Product.create(
            {
                "name": "Powder",
                "categ_id": cls.categ_a.id,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.product_b = Product.create(
            {
                "name": "Granules",
                "categ_id": cls.categ_b.id,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _forecast(cls, user=None, month=None, lines=None):
        """A draft forecast of ``user`` (the rep) for ``month`` (next month),
        created by the rep; ``lines``: [(partner, category, qty, amount)]."""
        user = user or cls.rep
        forecast = (
            cls.env["sales.forecast"]
            .with_user(user)
            .create(
                {
                    "user_id": user.id,
                    "month": month or cls.next_month,
                    "line_ids": [
                        Command.create(
                            {
                                "partner_id": partner.id,
                                "categ_id": categ.id if categ else False,
                                "quantity": qty,
                                "amount": amount,
                            }
                        )
                        for partner, categ, qty, amount in (lines or [])
                    ],
                }
            )
        )
        return forecast.with_env(cls.env)

    @classmethod
    def _order(cls, user, partner, lines, date):
        """A confirmed order of ``user`` for ``partner`` dated ``date``;
        ``lines``: [(product, qty, unit price)]."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": p.id, "product_uom_qty": q, "price_unit": price}
                    )
                    for p, q, price in lines
                ],
            }
        )
        order.action_confirm()
        order.date_order = fields.Datetime.to_datetime(date)
        return order
