# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import fields
from odoo.tests import tagged

from .common import SalesSampleCommon


@tagged("post_install", "-at_install")
class TestSampleStatistics(SalesSampleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three requests of January 2031, stages stamped as an import would
        # (superuser); one won, one lost, one still with R&D
        stamps = [
            # submit, accept, made, sent, feedback, close, state
            ("01-02", "01-04", "01-11", "01-12", "01-22", "02-01", "won"),
            ("01-05", "01-09", "01-13", "01-14", "01-20", "01-25", "lost"),
            ("01-06", False, False, False, False, False, "submitted"),
        ]
        cls.requests = cls.Request
        for stamp in stamps:
            request = cls._request(cls, cls.customer_a, request_date="2031-01-02")
            names = ("submit", "accept", "made", "sent", "feedback", "close")
            vals = {
                f"{name}_date": d and fields.Date.to_date(f"2031-{d}")
                for name, d in zip(names, stamp[:6], strict=True)
            }
            request.sudo().write(dict(vals, state=stamp[6]))
            cls.requests |= request
        cls._request(cls, cls.customer_a, request_date="2031-01-03")  # a draft
        cls.env.flush_all()

    def test_monthly_count_cycle_time_and_conversion(self):
        Report = self.env["sales.sample.report"].with_user(self.manager)
        [row] = Report._read_group(
            [("month", "=", "2031-01-01"), ("request_id", "in", self.requests.ids)],
            ["month:month"],
            [
                "request_count:sum",
                "days_to_accept:avg",
                "days_to_make:avg",
                "days_to_send:avg",
                "days_to_feedback:avg",
                "days_total:avg",
                "won_count:sum",
                "conversion_rate:avg",
            ],
        )
        _month, count, accept, make, send, feedback, total, won, conversion = row
        self.assertEqual(count, 3)  # the draft is not counted
        self.assertAlmostEqual(accept, 3.0)  # (2 + 4) / 2
        self.assertAlmostEqual(make, 5.5)  # (7 + 4) / 2
        self.assertAlmostEqual(send, 1.0)  # (1 + 1) / 2
        self.assertAlmostEqual(feedback, 8.0)  # (10 + 6) / 2
        self.assertAlmostEqual(total, 25.0)  # (30 + 20) / 2
        self.assertEqual(won, 1)
        self.assertAlmostEqual(conversion, 50.0)  # 1 won of 2 closed

    def test_rep_sees_own_figures_only(self):
        other = self._request(self.customer_a, user=self.rep_2)
        other.with_user(self.rep_2).action_submit()
        Report = self.env["sales.sample.report"]
        self.assertIn(other, Report.with_user(self.manager).search([]).request_id)
        self.assertNotIn(other, Report.with_user(self.rep).search([]).request_id)
        self.assertIn(
            self.requests[0], Report.with_user(self.rep).search([]).request_id
        )

    def test_xlsx_export_per_month_and_team(self):
        wizard = (
            self.env["sales.sample.stats.export"]
            .with_user(self.manager)
            .create({"date_from": "2031-01-01", "date_to": "2031-01-31"})
        )
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Month", "Sales Team", "Requests"))
        self.assertEqual(len(rows), 2)
        # 2031-01, the team, 3 requests, ..., 1 won of 2 closed: 50 %
        self.assertEqual(rows[1][:3], ("2031-01", "Sample Team", 3))
        self.assertEqual(rows[1][7], 25.0)
        self.assertEqual(rows[1][8:], (1, 2, 50.0))
