# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models


class SalesPolicyXlsxDownloadMixin(models.AbstractModel):
    """An export wizard that hands a built workbook to the browser.

    The wizard builds the file's bytes and returns
    ``self._download_file(content, file_name)``: the file is kept on the
    wizard and downloaded through ``/web/content``.
    """

    _name = "sales.policy.xlsx.download.mixin"
    _description = "Sales Policy File Download"

    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _download_file(self, content, file_name):
        """Store ``content`` (bytes) as ``file_name`` and download it."""
        self.ensure_one()
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": file_name.replace("/", "_"),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": (
                f"/web/content/?model={self._name}&id={self.id}"
                "&field=file_data&filename_field=file_name&download=true"
            ),
            "target": "self",
        }
