# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

#: set by the order lines only (see sale.order.line), never by a caller
CONTRACT_FIELDS = ("contract_edited", "contract_edited_date")
#: the contract-accuracy target (data/sales_policy_clause_data.xml)
CONTRACT_CLAUSE = "SP-CPL-08"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    contract_edited = fields.Boolean(
        string="Edited After Confirmation",
        readonly=True,
        copy=False,
        help="A line of the confirmed order was added, changed or removed: the "
        "contract counts as inaccurate (contract accuracy target).",
    )
    contract_edited_date = fields.Datetime(
        string="First Edit After Confirmation", readonly=True, copy=False
    )

    def write(self, vals):
        if not self.env.su:
            forced = set(CONTRACT_FIELDS).intersection(vals)
            if forced:
                raise UserError(
                    self.env._(
                        "Whether an order was edited after confirmation is "
                        "recorded by the order lines; it cannot be written "
                        "(sales policy %(clause)s: contract accuracy target).",
                        clause=CONTRACT_CLAUSE,
                    )
                )
        return super().write(vals)

    def _mark_contract_edited(self):
        """Record the first edit of these confirmed orders' lines."""
        todo = self.filtered(lambda o: o.state == "sale" and not o.contract_edited)
        if todo:
            todo.sudo().write(
                {"contract_edited": True, "contract_edited_date": fields.Datetime.now()}
            )
