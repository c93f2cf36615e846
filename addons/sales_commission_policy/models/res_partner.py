# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _default_sales_commission_owner(self):
        user = self.env.user
        return user if user._is_internal() and not user._is_superuser() else False

    sales_commission_owner_id = fields.Many2one(
        "res.users",
        string="Commission Owner",
        default=_default_sales_commission_owner,
        tracking=True,
        index=True,
        help="The rep who owns the customer (by default who registered it "
        "first) and earns its commission, unless a split is agreed on the "
        "order or invoice. Only sales managers change it once set.",
    )
    sales_commission_ownership_ids = fields.One2many(
        "sales.commission.ownership",
        "partner_id",
        string="Ownership History",
        groups="sales_policy_base.group_sales_policy_user,"
        "sales_policy_base.group_sales_policy_finance_reviewer",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["sales_commission_owner_id"]

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners._sales_commission_log_ownership()
        return partners

    def write(self, vals):
        if "sales_commission_owner_id" not in vals:
            return super().write(vals)
        commercial = self.filtered(lambda p: p.commercial_partner_id == p)
        changed = commercial.filtered(
            lambda p: p.sales_commission_owner_id.id
            != (vals["sales_commission_owner_id"] or False)
        )
        changed._check_sales_commission_owner_change()
        res = super().write(vals)
        changed._sales_commission_log_ownership()
        return res

    def _check_sales_commission_owner_change(self):
        """A customer's owner, once set, is reassigned by a sales manager only."""
        if self.env.su or self.env.user.has_group(
            "sales_policy_base.group_sales_policy_manager"
        ):
            return
        owned = self.filtered("sales_commission_owner_id")
        if owned:
            raise UserError(
                self.env._(
                    "You cannot change the commission owner of %(partners)s: "
                    "the rep who registered a customer first owns it (policy "
                    "clause SP-COM-03). Ask a sales manager to reassign it.",
                    partners=", ".join(owned.mapped("display_name")),
                )
            )

    def _sales_commission_log_ownership(self):
        """Close the open history row and open a new one, for many partners."""
        partners = self.filtered(lambda p: p.commercial_partner_id == p)
        if not partners:
            return
        now = fields.Datetime.now()
        History = self.env["sales.commission.ownership"].sudo()
        History.search(
            [("partner_id", "in", partners.ids), ("date_to", "=", False)]
        ).write({"date_to": now})
        History.create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": partner.sales_commission_owner_id.id,
                    "date_from": now,
                }
                for partner in partners
                if partner.sales_commission_owner_id
            ]
        )
