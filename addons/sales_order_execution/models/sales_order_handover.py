# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who received the signed contract of a confirmed order, and when.

One line per recipient configured in the company's settings (production,
logistics, finance), created by the confirmation. The receipt date is
written only when the recipient marks the hand-over activity done or presses
*Acknowledge Receipt* on the order (``_transition``): it is protected.
"""

from odoo import fields, models

DEPARTMENTS = [
    ("production", "Production"),
    ("logistics", "Logistics"),
    ("finance", "Finance"),
]


class SalesOrderHandover(models.Model):
    _name = "sales.order.handover"
    _inherit = ["sales.policy.transition.mixin"]
    _description = "Contract Hand-over"
    _order = "order_id, department, id"
    _policy_clause = "SP-EXE-01"
    _protected_fields = ["date_received", "activity_id"]

    order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    department = fields.Selection(DEPARTMENTS, required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, readonly=True
    )
    date_sent = fields.Datetime(
        string="Handed Over", default=fields.Datetime.now, readonly=True
    )
    date_received = fields.Datetime(string="Received", readonly=True, copy=False)
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)

    _sql_constraints = [
        (
            "order_user_department_uniq",
            "UNIQUE(order_id, user_id, department)",
            "A recipient receives the contract of an order once per department.",
        )
    ]

    def _mark_received(self):
        """Record the receipt (now) of the hand-overs not yet received."""
        todo = self.filtered(lambda line: not line.date_received)
        if todo:
            todo.sudo()._transition({"date_received": fields.Datetime.now()})
        return todo
