# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _sales_policy_check_print(self, report_ref, res_ids):
        if not res_ids:
            return
        report = self._get_report(report_ref)
        if report.model == "sale.order":
            ids = [res_ids] if isinstance(res_ids, int) else list(res_ids)
            self.env["sale.order"].browse(ids)._approval_check("print")

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._sales_policy_check_print(report_ref, res_ids)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._sales_policy_check_print(report_ref, docids)
        return super()._render_qweb_html(report_ref, docids, data=data)
