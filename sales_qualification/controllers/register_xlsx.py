# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import content_disposition, request


class QualificationRegisterController(http.Controller):
    @http.route(
        "/sales_qualification/register.xlsx", type="http", auth="user", methods=["GET"]
    )
    def register_xlsx(self, ids="", **kwargs):
        """Download the custody register of the certificates the user may read.

        Access rights and record rules decide what is listed: requested ids the
        user may not read are left out, and a user without access to the
        certificates (e.g. Odoo's own salesman) gets an empty register rather
        than an access error.
        """
        Qualification = request.env["sales.qualification"]
        record_ids = [int(i) for i in ids.split(",") if i.strip().isdigit()]
        if not Qualification.has_access("read"):
            qualifications = Qualification
        elif record_ids:
            qualifications = (
                Qualification.browse(record_ids).exists()._filtered_access("read")
            )
        else:
            qualifications = Qualification.search([])
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
