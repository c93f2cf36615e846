# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's execution: delivery terms to confirm, the contract hand-over
and the delivery commitment frozen after confirmation.

- Delivery terms (clause SP-EXE-02): when the company requires them, an order
  is confirmed only with a committed delivery date (Odoo's
  ``commitment_date``) and a delivery method, Odoo's ``incoterm`` (the
  ``delivery`` app's carriers are not part of the suite).
- Hand-over (SP-EXE-01): the confirmation hands the contract (the order PDF
  and the order's attachments) to the recipients of the company's settings:
  followers, one activity and one hand-over line each.
- Commitment (SP-EXE-03): once confirmed, the committed date is changed by a
  sales manager, or by the rep through the delay flow (closing a delay with a
  new commitment); a rep's direct write is refused, over RPC too.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

ACTIVITY_TYPE = "sales_order_execution.mail_activity_type_contract_handover"
MANAGER_GROUP = "sales_policy_base.group_sales_policy_manager"
CONFIRMED = ("sale", "done")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    execution_handover_ids = fields.One2many(
        "sales.order.handover",
        "order_id",
        string="Contract Hand-over",
        groups="sales_team.group_sale_salesman",
    )
    execution_delay_ids = fields.One2many(
        "sales.order.delay",
        "order_id",
        string="Delivery Delays",
        groups="sales_policy_base.group_sales_policy_user",
    )
    execution_delay_count = fields.Integer(
        string="Delays",
        compute="_compute_execution_delay_count",
        groups="sales_policy_base.group_sales_policy_user",
    )
    execution_to_acknowledge = fields.Boolean(
        string="Contract to Acknowledge",
        compute="_compute_execution_to_acknowledge",
        help="You are a recipient of this contract and have not acknowledged "
        "its receipt yet.",
    )

    def _compute_execution_delay_count(self):
        groups = self.env["sales.order.delay"]._read_group(
            [("order_id", "in", self.ids)], ["order_id"], ["__count"]
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.execution_delay_count = counts.get(order.id, 0)

    @api.depends_context("uid")
    def _compute_execution_to_acknowledge(self):
        pending = set(
            self.env["sales.order.handover"]
            .sudo()
            .search(
                [
                    ("order_id", "in", self.ids),
                    ("user_id", "=", self.env.uid),
                    ("date_received", "=", False),
                ]
            )
            .order_id.ids
        )
        for order in self:
            order.execution_to_acknowledge = order.id in pending

    # --- the commitment after confirmation -----------------------------------------
    def write(self, vals):
        if "commitment_date" in vals and not self.env.su and not self._in_transition():
            self._execution_check_commitment_change(vals["commitment_date"])
        return super().write(vals)

    def _execution_check_commitment_change(self, value):
        """Refuse a rep's change of a confirmed order's commitment (SP-EXE-03)."""
        if self.env.user.has_group(MANAGER_GROUP):
            return
        new = fields.Datetime.to_datetime(value) or False
        changed = self.filtered(
            lambda order: order.state in CONFIRMED
            and order.commitment_date != new
            and (order.company_id or self.env.company).execution_freeze_commitment
        )
        if changed:
            raise UserError(
                self.env._(
                    "%(orders)s: the delivery date committed to the customer is "
                    "frozen once the order is confirmed (sales policy "
                    "SP-EXE-03). Record the delay on the order's delay and "
                    "close it with the new date, or ask a sales manager.",
                    orders=", ".join(changed.mapped("name")),
                )
            )

    # --- confirmation --------------------------------------------------------------
    def action_confirm(self):
        self._execution_check_delivery_terms()
        result = super().action_confirm()
        self._execution_hand_over()
        return result

    def _execution_missing_terms(self):
        """{order: [labels of the missing delivery terms]} (SP-EXE-02)."""
        missing = {}
        for order in self:
            company = order.company_id or self.env.company
            if not company.execution_require_delivery_terms:
                continue
            labels = []
            if not order.commitment_date:
                labels.append(self.env._("a committed delivery date"))
            if not order.incoterm:
                labels.append(self.env._("a delivery method (incoterm)"))
            if labels:
                missing[order] = labels
        return missing

    def _execution_check_delivery_terms(self):
        missing = self._execution_missing_terms()
        if missing:
            raise UserError(
                self.env._(
                    "%(orders)s cannot be confirmed without the delivery terms "
                    "agreed with the customer (sales policy SP-EXE-02): "
                    "%(missing)s. Fill them in on the Other Info tab and "
                    "confirm again.",
                    orders=", ".join(order.name for order in missing),
                    missing="; ".join(
                        f"{order.name}: {', '.join(labels)}"
                        for order, labels in missing.items()
                    ),
                )
            )

    def _execution_hand_over(self):
        """Hand the contract to the company's recipients (SP-EXE-01)."""
        orders = self.sudo().filtered(
            lambda o: (o.company_id or self.env.company).execution_handover_enabled
        )
        if not orders:
            return
        activity_type = self.env.ref(ACTIVITY_TYPE)
        Handover = self.env["sales.order.handover"].sudo()
        for order in orders:
            company = order.company_id or self.env.company
            recipients = [
                (department, user)
                for department, users in company._execution_recipients()
                for user in users
            ]
            done = {(h.department, h.user_id) for h in order.execution_handover_ids}
            recipients = [pair for pair in recipients if pair not in done]
            if not recipients:
                continue
            users = self.env["res.users"].union(*(user for _d, user in recipients))
            order.message_subscribe(partner_ids=users.partner_id.ids)
            order._execution_post_contract(users)
            summary = self.env._("Signed contract: %(order)s", order=order.name)
            activities = (
                self.env["mail.activity"]
                .sudo()
                .create(
                    [
                        {
                            "res_model_id": self.env["ir.model"]._get_id("sale.order"),
                            "res_id": order.id,
                            "activity_type_id": activity_type.id,
                            "summary": summary,
                            "user_id": user.id,
                        }
                        for _department, user in recipients
                    ]
                )
            )
            Handover.create(
                [
                    {
                        "order_id": order.id,
                        "department": department,
                        "user_id": user.id,
                        "activity_id": activity.id,
                    }
                    for (department, user), activity in zip(
                        recipients, activities, strict=True
                    )
                ]
            )

    def _execution_post_contract(self, users):
        """Post the signed contract (PDF and the order's attachments) to ``users``."""
        self.ensure_one()
        Report = self.env["ir.actions.report"]
        body = self.env._(
            "Signed contract handed over to production, logistics and "
            "finance (sales policy SP-EXE-01)."
        )
        files = []
        try:
            with self.env.cr.savepoint():
                pdf, _type = Report._render_qweb_pdf(
                    "sale.action_report_saleorder", self.ids
                )
            files.append((f"{self.name.replace('/', '_')}.pdf", pdf))
        except UserError:
            # no PDF engine on this server (wkhtmltopdf): the hand-over goes
            # on without the PDF rather than refusing the confirmation
            body = self.env._(
                "Signed contract handed over to production, logistics and "
                "finance (sales policy SP-EXE-01); its PDF could not be "
                "generated on this server, open the order."
            )
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.id)]
        )
        self.message_post(
            body=body,
            attachments=files,
            attachment_ids=attachments.ids,
            partner_ids=users.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    @public_arguments(one=True)
    def action_execution_acknowledge(self):
        """The current user acknowledges the receipt of the contract."""
        self.ensure_one()
        handovers = (
            self.env["sales.order.handover"]
            .sudo()
            .search(
                [
                    ("order_id", "=", self.id),
                    ("user_id", "=", self.env.uid),
                    ("date_received", "=", False),
                ]
            )
        )
        if not handovers:
            raise UserError(
                self.env._(
                    "%(order)s: you have no contract hand-over to acknowledge "
                    "on this order (sales policy SP-EXE-01).",
                    order=self.name,
                )
            )
        activities = handovers.activity_id
        handovers._mark_received()
        if activities:
            activities.sudo().action_feedback(feedback=self.env._("Contract received."))
        return True

    @public_arguments(one=True)
    def action_execution_view_delays(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_order_execution.sales_order_delay_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action
