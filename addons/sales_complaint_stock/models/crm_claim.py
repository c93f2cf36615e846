# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmClaim(models.Model):
    _inherit = "crm.claim"

    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        index="btree_not_null",
        domain="[('product_id', '=?', product_id)]",
        help="The lot of the product the complaint concerns (a quality "
        "complaint is traced to its production lot).",
    )
    # salespeople do not read lots (Odoo's access rights): they see its name
    lot_name = fields.Char(related="lot_id.name", string="Lot")

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        if self.lot_id and not self.product_id:
            self.product_id = self.lot_id.product_id

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        # as superuser: salespeople do not read lots (Odoo's access rights)
        for claim in self.sudo().filtered("lot_id"):
            if claim.product_id and claim.lot_id.product_id != claim.product_id:
                raise ValidationError(
                    self.env._(
                        "The lot %(lot)s of %(complaint)s is a lot of "
                        "%(lot_product)s, not of the product of the complaint "
                        "(%(product)s; sales policy %(clause)s). Choose a lot "
                        "of that product, or change the product.",
                        lot=claim.lot_id.name,
                        complaint=claim.display_name,
                        lot_product=claim.lot_id.product_id.display_name,
                        product=claim.product_id.display_name,
                        clause=claim._policy_clause,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._lot_product_default(vals)
        return super().create(vals_list)

    @api.model
    def _lot_product_default(self, vals):
        """A complaint given a lot and no product concerns the lot's product."""
        if vals.get("lot_id") and not vals.get("product_id"):
            lot = self.env["stock.lot"].browse(vals["lot_id"]).sudo()
            vals["product_id"] = lot.product_id.id
        return vals
