# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

#: the rule kind of credit-hold releases (see ``sale.order._sales_credit_hold_check``)
CREDIT_HOLD_KIND = "credit_hold"


class SalesPolicyApprovalRule(models.Model):
    _inherit = "sales.policy.approval.rule"

    kind = fields.Selection(
        selection_add=[(CREDIT_HOLD_KIND, "Credit Hold Release")],
        ondelete={CREDIT_HOLD_KIND: "set default"},
    )
