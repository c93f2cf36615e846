# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request


class QualificationRegisterController(http.Controller):
    @http.route(
        "/sales_qualification/register.xlsx", type="http", auth="user", methods=["GET"]
    )
    def register_xlsx(self, ids="", **kwargs):
        """Download the custody register; record rules limit what is listed."""
        Qualification = request.env["sales.qualification"]
        record_ids = [int(i) for i in ids.split(",") if i.strip().isdigit()]
        qualifications = (
            Qualification.browse(record_ids).exists()
            if record_ids
            else Qualification.search([])
        )
        qualifications.check_access("read")
        content = qualifications._register_xlsx_content()
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                ),
                (
                    "Content-Disposition",
                    content_disposition("qualification_register.xlsx"),
                ),
            ],
        )
