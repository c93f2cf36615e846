# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    sales_expense_category_id = fields.Many2one(
        "sales.expense.category",
        index="btree_not_null",
        ondelete="set null",
        help="The sales-expense budget category this expense product is " "counted in.",
    )
