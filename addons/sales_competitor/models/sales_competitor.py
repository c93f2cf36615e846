# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments


class SalesCompetitor(models.Model):
    _name = "sales.competitor"
    _description = "Competitor"
    _inherit = ["mail.thread"]
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        check_company=True,
        tracking=True,
        help="The competitor's company in the address book, if it is recorded there.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty for a competitor every company of the group meets.",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Html()
    product_ids = fields.One2many(
        "sales.competitor.product",
        "competitor_id",
        string="Products",
        help="The competitor's products and the products of ours they compete with.",
    )
    price_ids = fields.One2many(
        "sales.competitor.price", "competitor_id", string="Price Observations"
    )
    price_count = fields.Integer(string="Observations", compute="_compute_price_count")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE NULLS NOT DISTINCT (name, company_id)",
            "A competitor of this name is already registered.",
        ),
    ]

    @api.depends("price_ids")
    def _compute_price_count(self):
        counts = dict(
            self.env["sales.competitor.price"]._read_group(
                [("competitor_id", "in", self.ids)],
                ["competitor_id"],
                ["__count"],
            )
        )
        for competitor in self:
            competitor.price_count = counts.get(competitor, 0)

    @public_arguments(one=True)
    def action_view_prices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_competitor.sales_competitor_price_action"
        )
        action["domain"] = [("competitor_id", "=", self.id)]
        action["context"] = {"default_competitor_id": self.id}
        return action
