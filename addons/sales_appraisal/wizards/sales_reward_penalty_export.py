# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"


class SalesRewardPenaltyExport(models.TransientModel):
    """The approved rewards and penalties of a period, as XLSX for payroll."""

    _name = "sales.reward.penalty.export"
    _description = "Rewards and Penalties for Payroll"
    _inherit = ["sales.policy.xlsx.download.mixin"]

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    def _rows(self):
        entries = self.env["sales.reward.penalty"].search(
            [
                ("state", "=", "approved"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            order="user_id, date, id",
        )
        kinds = dict(entries._fields["kind"].selection)
        return [
            (
                entry.user_id.name,
                fields.Date.to_string(entry.date),
                kinds[entry.kind],
                entry.reason,
                entry.clause_id.code or "",
                entry.signed_amount,
            )
            for entry in entries
        ]

    def _workbook(self):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(self.env._("Rewards and Penalties"))
        bold = book.add_format({"bold": True})
        headers = [
            self.env._("Salesperson"),
            self.env._("Date"),
            self.env._("Type"),
            self.env._("Reason"),
            self.env._("Clause"),
            self.env._("Amount"),
        ]
        sheet.write_row(0, 0, headers, bold)
        for row, values in enumerate(self._rows(), start=1):
            sheet.write_row(row, 0, values)
        book.close()
        return output.getvalue()

    @public_arguments(one=True)
    def action_export(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a sales manager exports rewards and penalties.")
            )
        return self._download_file(
            self._workbook(),
            f"rewards_penalties_{self.date_from}_{self.date_to}.xlsx",
        )
