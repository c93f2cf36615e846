# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    qualification_followup_ids = fields.One2many(
        "sales.qualification.followup",
        "order_id",
        string="After-Sales Follow-ups",
        groups="sales_policy_base.group_sales_policy_user",
    )

    def action_confirm(self):
        self._check_qualification_validity()
        result = super().action_confirm()
        self._schedule_qualification_followups()
        return result

    def _check_qualification_validity(self):
        """Refuse orders whose products rely on a qualification not valid enough."""
        today = fields.Date.context_today(self)
        for order in self:
            for line in order.sudo().order_line.filtered(
                "product_id.product_tmpl_id.qualification_id"
            ):
                template = line.product_id.product_tmpl_id
                qualification = template.qualification_id
                reason = qualification._sale_refusal_reason(
                    template._qualification_min_days(order.company_id), today
                )
                if reason:
                    raise UserError(
                        self.env._(
                            "%(order)s cannot be confirmed: %(product)s relies on "
                            "the qualification %(qualification)s and %(reason)s "
                            "(policy clause SP-QUA-08). Renew the qualification or "
                            "remove the product.",
                            order=order.name,
                            product=line.product_id.display_name,
                            qualification=qualification.display_name,
                            reason=reason,
                        )
                    )

    def _schedule_qualification_followups(self):
        vals_list = []
        for order in self.sudo():
            qualifications = (
                order.order_line.product_id.product_tmpl_id.qualification_id
            )
            if not qualifications:
                continue
            base_date = fields.Date.context_today(self, order.date_order)
            for days in order.company_id._sales_qualification_followup_days():
                vals_list.append(
                    {
                        "order_id": order.id,
                        "user_id": (order.user_id or self.env.user).id,
                        "qualification_ids": [fields.Command.set(qualifications.ids)],
                        "interval_days": days,
                        "planned_date": base_date + timedelta(days=days),
                    }
                )
        if vals_list:
            self.env["sales.qualification.followup"].sudo().create(vals_list)
