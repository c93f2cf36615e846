# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
PERIOD_ORDER = {"month": 0, "quarter": 1, "year": 2}


class SalesAppraisalFileExport(models.TransientModel):
    """A rep's appraisal file of a year, as XLSX (policy clause SP-APR-03).

    Sheets: the appraisals (months, quarters, the year: score, review,
    manager's comments), their indicators (weight, target, actual,
    achievement, score) and the rep's rewards and penalties. A rep downloads
    their own file only; a manager the files of their team (record rules of
    this wizard and of the appraisals, plus the explicit check of
    ``_check_may_download``). The figures are read with the caller's rights.
    """

    _name = "sales.appraisal.file.export"
    _description = "Appraisal File (XLSX)"
    _inherit = ["sales.policy.xlsx.download.mixin"]

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("year")
    def _check_year(self):
        for wizard in self.filtered(lambda w: not 2000 <= w.year <= 2100):
            raise UserError(
                self.env._(
                    "The appraisal file covers a year from 2000 to 2100, not "
                    "%(year)s.",
                    year=wizard.year,
                )
            )

    @public_arguments(one=True)
    def action_export(self):
        self.ensure_one()
        self._check_may_download()
        return self._download_file(
            self._workbook(),
            f"appraisal_{self.user_id.login}_{self.year}.xlsx",
        )

    @api.constrains("user_id")
    def _check_user_id(self):
        if not self.env.su:
            self._check_own_file()

    def _check_may_download(self):
        """A rep downloads their own file only; a sales manager the files
        of the reps of their team (record rules), a senior manager all."""
        self.check_access("read")
        self._check_own_file()

    def _check_own_file(self):
        """The explicit check, whatever the record rules say: a rep (without
        the sales manager's group) asks for their own file only."""
        user = self.env.user
        if user.has_group(MANAGER_GROUP):
            return
        other = self.filtered(lambda w: w.user_id != user)
        if other:
            raise AccessError(
                self.env._(
                    "You may download your own appraisal file only, not the "
                    "file of %(user)s (policy clause SP-APR-03).",
                    user=other[0].user_id.sudo().name,
                )
            )

    # --- content ------------------------------------------------------------
    def _appraisals(self):
        """The rep's appraisals of the year that the caller may read."""
        appraisals = self.env["sales.appraisal"].search(
            [
                ("user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("date_from", ">=", date(self.year, 1, 1)),
                ("date_from", "<", date(self.year + 1, 1, 1)),
            ]
        )
        return appraisals.sorted(
            lambda a: (PERIOD_ORDER.get(a.period_type, 9), a.date_from)
        )

    def _rewards_penalties(self):
        return self.env["sales.reward.penalty"].search(
            [
                ("user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "!=", "cancel"),
                ("date", ">=", date(self.year, 1, 1)),
                ("date", "<", date(self.year + 1, 1, 1)),
            ],
            order="date, id",
        )

    def _workbook(self):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "bold": book.add_format({"bold": True}),
            "title": book.add_format({"bold": True, "font_size": 14}),
            "number": book.add_format({"num_format": "0.00"}),
            "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        }
        appraisals = self._appraisals()
        self._sheet_appraisals(book, styles, appraisals)
        self._sheet_indicators(book, styles, appraisals)
        self._sheet_rewards_penalties(book, styles)
        book.close()
        return output.getvalue()

    def _header(self, sheet, styles, title, headers):
        sheet.write(0, 0, title, styles["title"])
        sheet.write(
            1,
            0,
            self.env._(
                "%(user)s, %(year)s, %(company)s",
                user=self.user_id.sudo().name,
                year=self.year,
                company=self.company_id.name,
            ),
        )
        sheet.write_row(3, 0, headers, styles["bold"])
        return 4

    def _period_label(self, appraisal):
        start = appraisal.date_from
        if appraisal.period_type == "month":
            return f"{start.year}-{start.month:02d}"
        if appraisal.period_type == "quarter":
            return f"{start.year} Q{(start.month - 1) // 3 + 1}"
        return str(start.year)

    def _sheet_appraisals(self, book, styles, appraisals):
        sheet = book.add_worksheet(self.env._("Appraisals"))
        row = self._header(
            sheet,
            styles,
            self.env._("Appraisal File"),
            [
                self.env._("Period"),
                self.env._("Type"),
                self.env._("Score"),
                self.env._("Failing"),
                self.env._("Status"),
                self.env._("Reviewed by"),
                self.env._("Review Date"),
                self.env._("Acknowledged"),
                self.env._("Position Review"),
                self.env._("Manager's Comments"),
            ],
        )
        kinds = dict(appraisals._fields["period_type"]._description_selection(self.env))
        states = dict(appraisals._fields["state"]._description_selection(self.env))
        yes, no = self.env._("Yes"), self.env._("No")
        for appraisal in appraisals:
            sheet.write_row(
                row,
                0,
                [
                    self._period_label(appraisal),
                    kinds[appraisal.period_type],
                ],
            )
            sheet.write_number(row, 2, appraisal.score_total, styles["number"])
            sheet.write_row(
                row,
                3,
                [
                    yes if appraisal.failing else no,
                    states[appraisal.state],
                    appraisal.reviewed_by_id.sudo().name or "",
                    fields.Date.to_string(appraisal.review_date) or "",
                    fields.Date.to_string(appraisal.acknowledged_date) or "",
                    yes if appraisal.position_review else no,
                ],
            )
            sheet.write(row, 9, appraisal.manager_comment or "", styles["wrap"])
            row += 1
        sheet.set_column(0, 1, 12)
        sheet.set_column(5, 8, 14)
        sheet.set_column(9, 9, 60)

    def _sheet_indicators(self, book, styles, appraisals):
        sheet = book.add_worksheet(self.env._("Indicators"))
        row = self._header(
            sheet,
            styles,
            self.env._("Indicators, Weights and Scores"),
            [
                self.env._("Period"),
                self.env._("Type"),
                self.env._("Indicator"),
                self.env._("Weight (%)"),
                self.env._("Target"),
                self.env._("Actual"),
                self.env._("Achievement (%)"),
                self.env._("Score"),
                self.env._("Measured"),
                self.env._("Comment"),
            ],
        )
        Line = self.env["sales.appraisal.line"]
        measures = dict(Line._fields["measure"]._description_selection(self.env))
        kinds = dict(appraisals._fields["period_type"]._description_selection(self.env))
        yes, no = self.env._("Yes"), self.env._("No")
        for appraisal in appraisals:
            for line in appraisal.line_ids:
                sheet.write_row(
                    row,
                    0,
                    [
                        self._period_label(appraisal),
                        kinds[appraisal.period_type],
                        measures[line.measure],
                    ],
                )
                for col, value in enumerate(
                    (
                        line.weight,
                        line.target,
                        line.actual,
                        line.achievement,
                        line.score,
                    ),
                    start=3,
                ):
                    sheet.write_number(row, col, value, styles["number"])
                sheet.write_row(
                    row, 8, [yes if line.measured else no, line.comment or ""]
                )
                row += 1
            sheet.write(row, 2, self.env._("Total"), styles["bold"])
            sheet.write_number(row, 7, appraisal.score_total, styles["number"])
            row += 2
        sheet.set_column(0, 2, 16)
        sheet.set_column(3, 8, 12)
        sheet.set_column(9, 9, 40)

    def _sheet_rewards_penalties(self, book, styles):
        sheet = book.add_worksheet(self.env._("Rewards and Penalties"))
        row = self._header(
            sheet,
            styles,
            self.env._("Rewards and Penalties"),
            [
                self.env._("Date"),
                self.env._("Type"),
                self.env._("Reason"),
                self.env._("Clause"),
                self.env._("Status"),
                self.env._("Amount"),
            ],
        )
        entries = self._rewards_penalties()
        kinds = dict(entries._fields["kind"]._description_selection(self.env))
        states = dict(entries._fields["state"]._description_selection(self.env))
        total = 0.0
        for entry in entries:
            sheet.write_row(
                row,
                0,
                [
                    fields.Date.to_string(entry.date),
                    kinds[entry.kind],
                    entry.reason,
                    entry.clause_id.sudo().code or "",
                    states[entry.state],
                ],
            )
            sheet.write_number(row, 5, entry.signed_amount, styles["number"])
            if entry.state == "approved":
                total += entry.signed_amount
            row += 1
        sheet.write(row, 4, self.env._("Approved total"), styles["bold"])
        sheet.write_number(row, 5, total, styles["number"])
        sheet.set_column(0, 1, 12)
        sheet.set_column(2, 2, 40)
