# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import fields, models
from odoo.tools.misc import xlsxwriter

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.cycle_math import STAGES


class SalesOrderCycleExport(models.TransientModel):
    """XLSX of the order-cycle statistics: one row per order, and the late
    orders by reason (the monthly cause analysis)."""

    _name = "sales.order.cycle.export"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Export the Order-Cycle Statistics"

    date_from = fields.Date(string="Confirmed From")
    date_to = fields.Date(string="Confirmed To")

    def _rows(self):
        domain = []
        if self.date_from:
            domain.append(("confirmation_date", ">=", self.date_from))
        if self.date_to:
            domain.append(
                ("confirmation_date", "<", fields.Date.add(self.date_to, days=1))
            )
        # record rules apply: a rep exports own orders
        return self.env["sales.order.cycle.report"].search(domain), domain

    def _build_workbook(self):
        Report = self.env["sales.order.cycle.report"]
        rows, domain = self._rows()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        stage_names = [
            "order_date",
            "confirmation_date",
            "commitment_date",
            "first_delivery_date",
            "last_delivery_date",
            "first_invoice_date",
            "payment_date",
        ]
        fields_ = Report._fields
        sheet = workbook.add_worksheet(self.env._("Order Cycle"))
        headers = [
            self.env._("Sales Order"),
            self.env._("Salesperson"),
            self.env._("Customer"),
            self.env._("Customer Grade"),
            self.env._("Main Product Category"),
            *(fields_[name]._description_string(self.env) for name in stage_names),
            *(fields_[name]._description_string(self.env) for name in STAGES),
            self.env._("Late"),
            self.env._("Delay Reason"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, record in enumerate(rows, start=1):
            values = [
                record.order_id.name or "",
                record.user_id.name or "",
                record.partner_id.display_name or "",
                (record.sales_grade or "").upper(),
                record.categ_id.display_name or "",
            ]
            sheet.write_row(row, 0, values)
            col = len(values)
            for name in stage_names:
                if record[name]:
                    sheet.write_datetime(row, col, record[name], date_format)
                col += 1
            for name in STAGES:
                if record[name] or record[name] == 0.0:
                    sheet.write_number(row, col, record[name])
                col += 1
            sheet.write(row, col, self.env._("Yes") if record.is_late else "")
            sheet.write(row, col + 1, record.delay_reason_id.name or "")
        causes = workbook.add_worksheet(self.env._("Delay Causes"))
        causes.write_row(
            0,
            0,
            [self.env._("Delay Reason"), self.env._("Late Orders")],
            bold,
        )
        groups = Report._read_group(
            [*domain, ("is_late", "=", True)], ["delay_reason_id"], ["__count"]
        )
        for row, (reason, count) in enumerate(groups, start=1):
            causes.write(row, 0, reason.name or self.env._("(no reason yet)"))
            causes.write(row, 1, count)
        workbook.close()
        return output.getvalue()

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        return self._download_file(self._build_workbook(), "order_cycle.xlsx")
