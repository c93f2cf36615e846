# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesPromotionExportWizard(models.TransientModel):
    """The effectiveness of the campaigns of a year as a workbook."""

    _name = "sales.promotion.export.wizard"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Export Promotion Effectiveness"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    plan_id = fields.Many2one(
        "sales.promotion.plan",
        string="Promotion Plan",
        domain="[('year', '=', year)]",
        help="Leave empty for every plan of the year you may read.",
    )

    def _rows(self):
        domain = [("year", "=", self.year)]
        if self.plan_id:
            domain.append(("plan_id", "=", self.plan_id.id))
        return self.env["sales.promotion.effectiveness"].search(domain)

    @public_arguments(one=True)
    def action_export_xlsx(self):
        self.ensure_one()
        rows = self._rows()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Effectiveness"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Promotion Plan"),
            self.env._("Campaign"),
            self.env._("Channel"),
            self.env._("Start"),
            self.env._("End"),
            self.env._("Budget"),
            self.env._("Actual Cost"),
            self.env._("Spend"),
            self.env._("Leads"),
            self.env._("Opportunities"),
            self.env._("Won Orders"),
            self.env._("Won Revenue"),
            self.env._("Margin"),
            self.env._("Cost per Lead"),
            self.env._("Return on Spend"),
            self.env._("Currency"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, line in enumerate(rows, start=1):
            sheet.write(row, 0, line.plan_id.display_name or "")
            sheet.write(row, 1, line.campaign_id.display_name or "")
            sheet.write(row, 2, line.medium_id.display_name or "")
            sheet.write(row, 3, fields.Date.to_string(line.date_start) or "")
            sheet.write(row, 4, fields.Date.to_string(line.date_end) or "")
            for col, name in (
                (5, "budget"),
                (6, "actual_cost"),
                (7, "spend"),
            ):
                sheet.write_number(row, col, line[name], money)
            sheet.write_number(row, 8, line.lead_count)
            sheet.write_number(row, 9, line.opportunity_count)
            sheet.write_number(row, 10, line.order_count)
            sheet.write_number(row, 11, line.revenue, money)
            sheet.write_number(row, 12, line.margin, money)
            # no lead or no spend: the ratio is left empty, not zero
            if line.lead_count:
                sheet.write_number(row, 13, line.cost_per_lead, money)
            if line.spend:
                sheet.write_number(row, 14, line.return_on_spend)
            sheet.write(row, 15, line.currency_id.name or "")
        sheet.set_column(0, 15, 16)
        workbook.close()
        name = f"promotion_effectiveness_{self.year}.xlsx"
        return self._download_file(output.getvalue(), name)
