# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.forecast_math import month_start


class SalesForecastExportWizard(models.TransientModel):
    """The published forecasts as a workbook for planning."""

    _name = "sales.forecast.export.wizard"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Export Published Sales Forecasts"

    month_from = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
    )
    month_to = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
    )

    def _lines(self):
        """The published lines of the period the user may read."""
        return self.env["sales.forecast.line"].search(
            [
                ("state", "=", "published"),
                ("month", ">=", month_start(self.month_from)),
                ("month", "<=", month_start(self.month_to)),
            ],
            order="month, team_id, user_id, partner_id, categ_id",
        )

    @public_arguments(one=True)
    def action_export_xlsx(self):
        self.ensure_one()
        if self.month_from > self.month_to:
            raise UserError(
                self.env._("The period starts after it ends: swap the two months.")
            )
        lines = self._lines()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Forecast"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Month"),
            self.env._("Sales Team"),
            self.env._("Salesperson"),
            self.env._("Customer"),
            self.env._("Product Category"),
            self.env._("Quantity"),
            self.env._("Forecast Amount"),
            self.env._("Currency"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, line in enumerate(lines, start=1):
            sheet.write(row, 0, line.month.strftime("%Y-%m"))
            sheet.write(row, 1, line.team_id.name or "")
            sheet.write(row, 2, line.user_id.name or "")
            sheet.write(row, 3, line.partner_id.display_name or "")
            sheet.write(
                row, 4, line.categ_id.complete_name or self.env._("No category")
            )
            sheet.write_number(row, 5, line.quantity)
            sheet.write_number(row, 6, line.amount, money)
            sheet.write(row, 7, line.currency_id.name or "")
        sheet.set_column(0, 7, 18)
        workbook.close()
        return self._download_file(
            output.getvalue(),
            f"sales_forecast_{self.month_from:%Y-%m}_{self.month_to:%Y-%m}.xlsx",
        )
