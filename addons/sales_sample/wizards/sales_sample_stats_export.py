# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

from ..tools.stats_xlsx import build_workbook

MEASURES = (
    "request_count:sum",
    "days_to_accept:avg",
    "days_to_make:avg",
    "days_to_send:avg",
    "days_to_feedback:avg",
    "days_total:avg",
    "won_count:sum",
    "closed_count:sum",
)


class SalesSampleStatsExport(models.TransientModel):
    """Export the monthly sample statistics per team as a workbook."""

    _name = "sales.sample.stats.export"
    _description = "Export Sample Statistics"
    _inherit = ["sales.policy.xlsx.download.mixin"]

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        + relativedelta(months=1, days=-1),
    )

    def _rows(self):
        """[(month, team, count, days per stage..., won, closed, conversion)]
        read as the pivot reads them (``_read_group``, record rules apply)."""
        self.ensure_one()
        groups = self.env["sales.sample.report"]._read_group(
            [("month", ">=", self.date_from), ("month", "<=", self.date_to)],
            ["month:month", "team_id"],
            list(MEASURES),
            order="month:month, team_id",
        )
        rows = []
        for month, team, count, *days, won, closed in groups:
            rows.append(
                (
                    month.strftime("%Y-%m"),
                    team.display_name or "",
                    count,
                    *[round(d, 1) if d is not None else None for d in days],
                    won,
                    closed,
                    round(100.0 * won / closed, 1) if closed else None,
                )
            )
        return rows

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(
                self.env._("The export starts after it ends: swap the dates.")
            )
        headers = [
            self.env._("Month"),
            self.env._("Sales Team"),
            self.env._("Requests"),
            self.env._("Days to R&D Acceptance"),
            self.env._("Days to Make"),
            self.env._("Days to Send"),
            self.env._("Days to Feedback"),
            self.env._("Cycle Time (Days)"),
            self.env._("Won"),
            self.env._("Won or Lost"),
            self.env._("Conversion (%)"),
        ]
        content = build_workbook(self.env._("Sample Statistics"), headers, self._rows())
        return self._download_file(
            content, f"sample_statistics_{self.date_from}_{self.date_to}.xlsx"
        )
