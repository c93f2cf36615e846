# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    sales_expense_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        index="btree_not_null",
        check_company=True,
        help="Vendor bill lines tagged with this analytic account count as "
        "the team's sales expenses (budget actuals).",
    )
