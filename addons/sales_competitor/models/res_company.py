# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_competitor_price_days = fields.Integer(
        string="Competitor Price Required Within (Days)",
        default=0,
        help="A quotation is sent only when each of its products has a "
        "competitor price observed within this many days. 0: no requirement.",
    )

    _sql_constraints = [
        (
            "sales_competitor_price_days_positive",
            "CHECK (sales_competitor_price_days >= 0)",
            "The competitor price period cannot be negative.",
        ),
    ]
