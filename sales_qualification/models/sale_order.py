# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    qualification_followup_ids = fields.One2many(
        "sales.qualification.followup",
        "order_id",
        string="After-Sales Follow-ups",
        groups="sales_policy_base.group_sales_policy_user",
    )

    qualification_warning = fields.Text(
        compute="_compute_qualification_warning",
        help="Products of the quotation whose qualification cannot be sold now "
        "(suspended, expired or too close to expiry).",
    )

    @api.depends(
        "order_line.product_id", "company_id", "state", "date_order", "partner_id"
    )
    def _compute_qualification_warning(self):
        """The quotation warns before confirmation refuses (SP-QUA-08/11)."""
        today = fields.Date.context_today(self)
        for order in self:
            warnings = []
            if order.state in ("draft", "sent"):
                for template in order.sudo().order_line.product_id.product_tmpl_id:
                    qualification = template.qualification_id
                    if not qualification:
                        continue
                    reason = qualification._sale_refusal_reason(
                        template._qualification_min_days(order.company_id), today
                    )
                    if reason:
                        warnings.append(
                            self.env._(
                                "%(product)s relies on %(qualification)s: "
                                "%(reason)s.",
                                product=template.display_name,
                                qualification=qualification.display_name,
                                reason=reason,
                            )
                        )
            order.qualification_warning = "\n".join(warnings) or False

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
