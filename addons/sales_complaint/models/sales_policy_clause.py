# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SalesPolicyClause(models.Model):
    _inherit = "sales.policy.clause"

    area = fields.Selection(
        selection_add=[("complaint", "Complaints and Service Quality")],
        ondelete={"complaint": "set default"},
    )
