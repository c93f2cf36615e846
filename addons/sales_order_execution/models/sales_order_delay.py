# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A late delivery of a confirmed order, followed by its rep (SP-EXE-04).

Opened by the delay cron (``sales.order.delay.engine``) or by hand, at most
one open delay per order (partial unique index). Its state, who closed it and
when are protected: only ``action_close`` changes them, and it requires a
reason from the configurable list (``sales.delay.reason``). A new committed
date given on the delay is written on the order when the delay is closed:
that is the rep's way to change a confirmed order's commitment (SP-EXE-03).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
TEMPLATE = "sales_order_execution.mail_template_order_delay"

KINDS = [
    ("slipped", "Delivery Scheduled After the Commitment"),
    ("overdue", "Commitment Passed, Not Delivered"),
    ("manual", "Reported by Hand"),
]


class SalesOrderDelay(models.Model):
    _name = "sales.order.delay"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.policy.transition.mixin"]
    _description = "Delivery Delay"
    _order = "state desc, detected_date desc, id desc"
    _rec_name = "order_id"
    _policy_clause = "SP-EXE-04"
    _protected_fields = ["state", "closed_date", "closed_by_id", "customer_notified"]

    order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('state', '=', 'sale')]",
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True
    )
    kind = fields.Selection(KINDS, required=True, default="manual", readonly=True)
    detected_date = fields.Datetime(
        string="Detected", default=fields.Datetime.now, readonly=True
    )
    commitment_date = fields.Datetime(
        string="Committed Date",
        readonly=True,
        help="The delivery date committed to the customer when the delay was "
        "detected.",
    )
    scheduled_date = fields.Datetime(
        string="Scheduled Delivery",
        readonly=True,
        help="The latest scheduled date of the order's open deliveries when "
        "the delay was detected.",
    )
    new_commitment_date = fields.Datetime(
        string="New Committed Date",
        help="Agreed with the customer: written on the order when the delay is "
        "closed.",
    )
    reason_id = fields.Many2one("sales.delay.reason", check_company=True)
    note = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    customer_notified = fields.Boolean(readonly=True, copy=False)
    closed_date = fields.Datetime(readonly=True, copy=False)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    def init(self):
        # one open delay per order, also when two cron runs overlap
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS sales_order_delay_open_order_uniq "
                "ON sales_order_delay (order_id) WHERE state = 'open'"
            )
        )

    @api.constrains("order_id", "state")
    def _check_one_open_per_order(self):
        open_delays = self.filtered(lambda delay: delay.state == "open")
        if open_delays:
            self._refuse_second_open_delay(open_delays.order_id.ids, limit=1)

    @api.model
    def _refuse_second_open_delay(self, order_ids, limit=0):
        """Refuse when an order of ``order_ids`` has more than ``limit`` open
        delays (before a create: 0; the partial unique index
        ``sales_order_delay_open_order_uniq`` would otherwise refuse it with a
        database error instead of this explanation)."""
        groups = self.sudo()._read_group(
            [("order_id", "in", list(order_ids)), ("state", "=", "open")],
            ["order_id"],
            ["__count"],
        )
        twice = [order.name for order, count in groups if count > limit]
        if twice:
            raise ValidationError(
                self.env._(
                    "%(orders)s already has an open delay (sales policy "
                    "SP-EXE-04): follow it up there.",
                    orders=", ".join(twice),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        opening = [
            vals["order_id"]
            for vals in vals_list
            if vals.get("order_id") and vals.get("state", "open") == "open"
        ]
        if opening:
            self._refuse_second_open_delay(opening)
        return super().create(vals_list)

    # --- actions -------------------------------------------------------------------
    def _check_may_handle(self):
        """The order's rep or a sales manager handles the delay."""
        user = self.env.user
        if user.has_group(MANAGER_GROUP):
            return
        other = self.filtered(lambda delay: delay.sudo().user_id != user)
        if other:
            raise UserError(
                self.env._(
                    "Only the order's salesperson or a sales manager handles the "
                    "delay of %(orders)s (sales policy SP-EXE-04).",
                    orders=", ".join(other.sudo().order_id.mapped("name")),
                )
            )

    @public_arguments(one=True)
    def action_close(self):
        """Close the delay with its reason; apply the new committed date."""
        self.ensure_one()
        self.check_access("write")
        self._check_may_handle()
        if self.state != "open":
            raise UserError(
                self.env._(
                    "The delay of %(order)s is already closed.",
                    order=self.order_id.name,
                )
            )
        if not self.reason_id:
            raise ValidationError(
                self.env._(
                    "Give the reason of the delay of %(order)s before closing "
                    "it (sales policy SP-EXE-04: late orders are analysed by "
                    "reason every month).",
                    order=self.order_id.name,
                )
            )
        if self.new_commitment_date:
            self.order_id._transition({"commitment_date": self.new_commitment_date})
        self._transition(
            {
                "state": "closed",
                "closed_date": fields.Datetime.now(),
                "closed_by_id": self.env.uid,
            }
        )
        self.activity_ids.sudo().action_feedback(
            feedback=self.env._("Delay closed: %(reason)s", reason=self.reason_id.name)
        )
        return True

    @public_arguments(one=True)
    def action_notify_customer(self):
        """Open the email to the customer, pre-filled from the template."""
        self.ensure_one()
        self._check_may_handle()
        template = self.env.ref(TEMPLATE)
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "mark_delay_notified": True,
            },
        }

    def _message_post_after_hook(self, message, msg_vals):
        # the customer was written to (from the composer or the cron)
        if self.env.context.get("mark_delay_notified") and self.partner_id & (
            message.partner_ids
        ):
            self.sudo()._transition({"customer_notified": True})
        return super()._message_post_after_hook(message, msg_vals)

    def _execution_send_email(self):
        """Send the templated email to the customer (company setting)."""
        template = self.env.ref(TEMPLATE)
        Composer = self.env["mail.compose.message"].with_context(
            mark_delay_notified=True
        )
        for delay in self:
            Composer.create(
                {
                    "model": self._name,
                    "res_ids": delay.ids,
                    "template_id": template.id,
                    "composition_mode": "comment",
                    "message_type": "comment",
                    "subtype_id": self.env.ref("mail.mt_comment").id,
                }
            )._action_send_mail()
