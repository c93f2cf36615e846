# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesPolicyClause(models.Model):
    _inherit = "sales.policy.clause"

    area = fields.Selection(
        selection_add=[("expense", "Sales Expenses")],
        ondelete={"expense": "set default"},
    )
