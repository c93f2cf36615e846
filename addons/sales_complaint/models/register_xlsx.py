# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rows of the complaint and suggestions registers (XLSX export)."""

from odoo import api, models

from ..tools.register_xlsx import build_workbook


def _label(record, name):
    field = record._fields[name]
    return dict(field._description_selection(record.env)).get(record[name], "")


class SalesComplaintRegister(models.AbstractModel):
    """Builds the two registers of the sales office as XLSX workbooks."""

    _name = "sales.complaint.register"
    _description = "Complaint and Suggestion Registers"

    @api.model
    def _complaint_register_xlsx(self, claims):
        """The customer complaint register of ``claims`` as an XLSX file."""
        _ = self.env._
        headers = [
            _("Complaint No."),
            _("Received"),
            _("Customer"),
            _("Subject"),
            _("Category"),
            _("Severity"),
            _("Sales Order"),
            _("Product"),
            _("Responsible"),
            _("Department"),
            _("Response Due"),
            _("First Response"),
            _("Answered in Time"),
            _("Resolution"),
            _("Compensation"),
            _("Closed"),
            _("Revisit Score"),
            _("Re-handlings"),
            _("Status"),
        ]
        rows = [
            [
                claim.complaint_number or "",
                claim.date,
                claim.partner_id.display_name or "",
                claim.name,
                _label(claim, "complaint_category"),
                _label(claim, "severity"),
                claim.sale_order_id.name or "",
                claim.product_id.display_name or "",
                claim.user_id.name or "",
                claim.team_id.name or "",
                claim.response_deadline,
                claim.first_response_date,
                _("Yes") if claim.response_timely else _("No"),
                claim.resolution or "",
                claim.compensation_amount,
                claim.date_closed,
                claim.revisit_score or "",
                claim.reopen_count,
                _label(claim, "complaint_state"),
            ]
            for claim in claims
        ]
        return build_workbook(_("Complaint Register"), headers, rows)

    @api.model
    def _suggestion_register_xlsx(self, suggestions):
        """The opinions and suggestions register of ``suggestions`` as an XLSX file."""
        _ = self.env._
        headers = [
            _("Received"),
            _("Customer"),
            _("Subject"),
            _("Opinion or Suggestion"),
            _("Responsible"),
            _("Answer Due"),
            _("Answer"),
            _("Answered By"),
            _("Answered On"),
            _("Answered in Time"),
        ]
        rows = [
            [
                suggestion.date_received,
                suggestion.partner_id.display_name or "",
                suggestion.name,
                suggestion.content or "",
                suggestion.user_id.name or "",
                suggestion.answer_deadline,
                suggestion.answer or "",
                suggestion.answered_by_id.name or "",
                suggestion.answered_date,
                _("Yes") if suggestion.timely else _("No"),
            ]
            for suggestion in suggestions
        ]
        return build_workbook(_("Suggestions Register"), headers, rows)
