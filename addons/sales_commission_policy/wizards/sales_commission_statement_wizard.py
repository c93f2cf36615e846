# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import fields, models
from odoo.tools.misc import xlsxwriter

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesCommissionStatementWizard(models.TransientModel):
    """XLSX statement of one settlement: the rep's lines and the total."""

    _name = "sales.commission.statement.wizard"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Commission Statement (XLSX)"

    settlement_id = fields.Many2one(
        "sales.commission.settlement", required=True, ondelete="cascade"
    )

    def _build_workbook(self):
        settlement = self.settlement_id
        Line = self.env["sales.commission.line"]
        bases = dict(Line._fields["basis"]._description_selection(self.env))
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        sheet = workbook.add_worksheet(self.env._("Statement"))
        sheet.write(0, 0, self.env._("Commission Statement"), bold)
        sheet.write(1, 0, self.env._("Rep"))
        sheet.write(1, 1, settlement.user_id.name)
        sheet.write(2, 0, self.env._("Period"))
        sheet.write(2, 1, f"{settlement.date_from} - {settlement.date_to}")
        sheet.write(3, 0, self.env._("Settlement"))
        sheet.write(3, 1, settlement.name)
        headers = [
            self.env._("Date"),
            self.env._("Source"),
            self.env._("Customer"),
            self.env._("Grade"),
            self.env._("Basis"),
            self.env._("Product"),
            self.env._("Base"),
            self.env._("Share (%)"),
            self.env._("Rate (%)"),
            self.env._("Tier Bonus"),
            self.env._("Commission"),
        ]
        sheet.write_row(5, 0, headers, bold)
        row = 6
        for line in settlement.line_ids.sorted(lambda rec: (rec.date, rec.id)):
            sheet.write_row(
                row,
                0,
                [
                    str(line.date),
                    line.name or "",
                    line.partner_id.name or "",
                    (line.sales_grade or "").upper(),
                    bases[line.basis],
                    line.product_id.display_name or "",
                ],
            )
            sheet.write(row, 6, line.revenue_amount, money)
            sheet.write(row, 7, line.split_percent)
            sheet.write(row, 8, line.rate)
            sheet.write(row, 9, line.tier_amount, money)
            sheet.write(row, 10, line.amount, money)
            row += 1
        sheet.write(row, 9, self.env._("Total"), bold)
        sheet.write(row, 10, settlement.amount_total, money)
        workbook.close()
        return output.getvalue()

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        return self._download_file(
            self._build_workbook(), f"commission_{self.settlement_id.name}.xlsx"
        )
