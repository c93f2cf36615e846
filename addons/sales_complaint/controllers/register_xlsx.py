# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import content_disposition, request

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ComplaintRegisterController(http.Controller):
    def _register_response(self, model, ids, builder, file_name):
        Model = request.env[model]
        record_ids = [int(i) for i in ids.split(",") if i.strip().isdigit()]
        # record rules limit what is listed: a user gets the rows they may read
        records = Model.browse(record_ids).exists() if record_ids else Model.search([])
        records.check_access("read")
        content = getattr(request.env["sales.complaint.register"], builder)(records)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_TYPE),
                ("Content-Disposition", content_disposition(file_name)),
            ],
        )

    @http.route(
        "/sales_complaint/register/complaints.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def complaint_register_xlsx(self, ids="", **kwargs):
        """The customer complaint register; only the complaints the user may read."""
        return self._register_response(
            "crm.claim", ids, "_complaint_register_xlsx", "complaint_register.xlsx"
        )

    @http.route(
        "/sales_complaint/register/suggestions.xlsx",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def suggestion_register_xlsx(self, ids="", **kwargs):
        """The opinions and suggestions register; only the rows the user may read."""
        return self._register_response(
            "sales.customer.suggestion",
            ids,
            "_suggestion_register_xlsx",
            "suggestion_register.xlsx",
        )
