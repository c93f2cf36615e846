# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile
from datetime import date, datetime

from odoo.tests import tagged

from ..tools.cycle_math import durations
from .common import OrderExecutionCommon


@tagged("post_install", "-at_install")
class TestCycleReport(OrderExecutionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        cls.category = cls.env["product.category"].create({"name": "Fillers"})
        cls.product.categ_id = cls.category
        cls.customer.sales_grade = "b"

    def _set_dates(self, order, created, confirmed):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET create_date = %s, date_order = %s WHERE id = %s",
            [created, confirmed, order.id],
        )
        self.env.invalidate_all()

    def _invoice_and_pay(self, order, invoice_date, payment_date):
        invoice = order._create_invoices()
        invoice.invoice_date = invoice_date
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": payment_date})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        return invoice

    def _row(self, order):
        self.env.flush_all()
        return self.env["sales.order.cycle.report"].search(
            [("order_id", "=", order.id)]
        )

    def test_cycle_of_a_paid_order_matches_the_hand_computed_days(self):
        order = self._confirmed()
        self._deliver(order, when=datetime(2026, 1, 15, 10, 0))
        self._invoice_and_pay(order, date(2026, 1, 20), date(2026, 2, 4))
        self._set_dates(order, datetime(2026, 1, 1, 10, 0), datetime(2026, 1, 5, 10, 0))
        row = self._row(order)
        # 1 Jan 10:00 -> 5 Jan 10:00: 4 days; -> 15 Jan 10:00: 10 days;
        # 5 Jan 10:00 -> 20 Jan 00:00: 14 days 14 h = 14.58; 20 Jan -> 4 Feb:
        # 15 days; 1 Jan 10:00 -> 4 Feb 00:00: 33 days 14 h = 33.58
        self.assertRecordValues(
            row,
            [
                {
                    "user_id": self.rep.id,
                    "partner_id": self.customer.id,
                    "sales_grade": "b",
                    "categ_id": self.category.id,
                    "first_delivery_date": datetime(2026, 1, 15, 10, 0),
                    "last_delivery_date": datetime(2026, 1, 15, 10, 0),
                    "first_invoice_date": date(2026, 1, 20),
                    "payment_date": date(2026, 2, 4),
                    "days_to_confirm": 4.0,
                    "days_to_first_delivery": 10.0,
                    "days_to_last_delivery": 10.0,
                    "days_to_invoice": 14.58,
                    "days_to_payment": 15.0,
                    "cycle_days": 33.58,
                    "is_late": False,
                }
            ],
        )
        # the SQL and the Python definition agree
        stages = {
            name: row[name]
            for name in (
                "order_date",
                "confirmation_date",
                "first_delivery_date",
                "last_delivery_date",
                "first_invoice_date",
                "payment_date",
            )
        }
        for name, days in durations(stages).items():
            self.assertAlmostEqual(row[name], days, places=2, msg=name)

    def test_open_delivery_leaves_the_last_delivery_empty(self):
        order = self._confirmed()
        row = self._row(order)
        self.assertRecordValues(
            row,
            [
                {
                    "first_delivery_date": False,
                    "last_delivery_date": False,
                    "cycle_days": 0.0,
                }
            ],
        )

    def test_late_orders_by_reason_and_quarter(self):
        late = self._confirmed(commitment=datetime(2020, 1, 1))
        self.env["sales.order.delay"].create(
            {"order_id": late.id, "reason_id": self.reason.id}
        )
        on_time = self._confirmed()
        self._set_dates(late, datetime(2026, 1, 1), datetime(2026, 2, 1))
        self._set_dates(on_time, datetime(2026, 3, 1), datetime(2026, 4, 2))
        self.env.flush_all()
        Report = self.env["sales.order.cycle.report"]
        domain = [("order_id", "in", (late | on_time).ids)]
        by_reason = Report._read_group(
            [*domain, ("is_late", "=", True)], ["delay_reason_id"], ["__count"]
        )
        self.assertEqual(by_reason, [(self.reason, 1)])
        by_quarter = Report._read_group(
            domain, ["confirmation_date:quarter"], ["order_count:sum"]
        )
        self.assertEqual([count for _q, count in by_quarter], [1, 1])
        # reps see their own orders only
        self.assertEqual(Report.with_user(self.rep_2).search(domain), Report.browse())
        self.assertEqual(len(Report.with_user(self.rep).search(domain)), 2)

    def test_xlsx_export(self):
        order = self._confirmed()
        late = self._confirmed()
        self.env["sales.order.delay"].create(
            {"order_id": late.id, "reason_id": self.reason.id}
        )
        wizard = self.env["sales.order.cycle.export"].with_user(self.rep).create({})
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(order.name, strings)
        self.assertIn(self.reason.name, strings)
