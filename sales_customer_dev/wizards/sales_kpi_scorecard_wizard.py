# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..kpi import month_start


class SalesKpiScorecardWizard(models.TransientModel):
    _name = "sales.kpi.scorecard.wizard"
    _inherit = ["sales.policy.xlsx.download.mixin"]
    _description = "Compute or Export KPI Scorecards"

    month_from = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self))
        - relativedelta(months=1),
    )
    month_to = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self))
        - relativedelta(months=1),
    )

    @api.constrains("month_from", "month_to")
    def _check_months(self):
        for wizard in self:
            if wizard.month_from > wizard.month_to:
                raise ValidationError(
                    self.env._(
                        "Months out of order: the period starts %(start)s, after it "
                        "ends (%(end)s). Swap the two months.",
                        start=wizard.month_from,
                        end=wizard.month_to,
                    )
                )

    def _months(self):
        self.ensure_one()
        month, last = month_start(self.month_from), month_start(self.month_to)
        months = []
        while month <= last:
            months.append(month)
            month += relativedelta(months=1)
        return months

    @public_arguments(one=True)
    def action_compute(self):
        self.ensure_one()
        Scorecard = self.env["sales.kpi.scorecard"]
        for month in self._months():
            Scorecard.action_compute_month(month)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_customer_dev.sales_kpi_scorecard_action"
        )
        action["domain"] = [
            ("month", ">=", month_start(self.month_from)),
            ("month", "<=", month_start(self.month_to)),
        ]
        return action

    def _get_export_rows(self):
        return self.env["sales.kpi.scorecard"].search(
            [
                ("month", ">=", month_start(self.month_from)),
                ("month", "<=", month_start(self.month_to)),
            ],
            order="month, user_id",
        )

    @public_arguments(one=True)
    def action_export_xlsx(self):
        self.ensure_one()
        cards = self._get_export_rows()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("KPI Scorecards"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Month"),
            self.env._("Salesperson"),
            self.env._("Company"),
            self.env._("New Customers"),
            self.env._("Prospects Contacted"),
            self.env._("Conversion (%)"),
            self.env._("Revenue"),
            self.env._("Margin"),
            self.env._("Visits Done"),
            self.env._("Average Satisfaction"),
            self.env._("Under Target"),
            self.env._("Months Under Target"),
            self.env._("Improvement Plan Required"),
        ]
        sheet.write_row(0, 0, headers, bold)
        yes, no = self.env._("Yes"), self.env._("No")
        for row, card in enumerate(cards, start=1):
            sheet.write_row(
                row,
                0,
                [
                    card.month.strftime("%Y-%m"),
                    card.user_id.name,
                    card.company_id.name,
                    card.new_customers,
                    card.prospects_contacted,
                    card.conversion_rate,
                ],
            )
            sheet.write_number(row, 6, card.revenue, money)
            sheet.write_number(row, 7, card.margin, money)
            sheet.write_row(
                row,
                8,
                [
                    card.visits_done,
                    card.satisfaction_avg,
                    yes if card.under_target else no,
                    card.months_under_target,
                    yes if card.improvement_plan else no,
                ],
            )
        sheet.set_column(0, 2, 18)
        sheet.set_column(3, len(headers) - 1, 14)
        workbook.close()
        return self._download_file(
            output.getvalue(),
            "kpi_scorecards_{}_{}.xlsx".format(
                self.month_from.strftime("%Y%m"), self.month_to.strftime("%Y%m")
            ),
        )
