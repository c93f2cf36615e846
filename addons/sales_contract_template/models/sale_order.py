# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The order's contract: the template version of the customer's class valid
at the order date (SP-CTR-01), printed by the *Contract* report and recorded
on the order when it is confirmed (SP-CTR-04). The recorded version is a
protected field: only the confirmation writes it."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_sale.models.sale_order_confirmed_edit import (
    SaleOrder as ConfirmedEditSaleOrder,
)

ARCHIVE_FIELDS = {"sales_contract_version_id"}
ARCHIVE_CLAUSE = "SP-CTR-04"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    #: sale.order's protected fields so far, plus the archived version (the
    #: attribute is read on the class: a list, extended here)
    _protected_fields = [
        *ConfirmedEditSaleOrder._protected_fields,
        *sorted(ARCHIVE_FIELDS),
    ]

    sales_contract_version_id = fields.Many2one(
        "sales.contract.template.version",
        string="Signed Contract Version",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The contract template version the order was confirmed with "
        "(recorded by the confirmation).",
    )
    sales_contract_print_version_id = fields.Many2one(
        "sales.contract.template.version",
        string="Contract Version",
        compute="_compute_sales_contract_print_version_id",
        help="The version the Contract report prints: the one recorded at "
        "confirmation, else the version of the customer's class valid at the "
        "order date.",
    )

    @api.depends(
        "sales_contract_version_id",
        "partner_id.commercial_partner_id.sales_grade",
        "partner_id.category_id",
        "date_order",
        "company_id",
    )
    def _compute_sales_contract_print_version_id(self):
        for order in self:
            order.sales_contract_print_version_id = (
                order.sales_contract_version_id or order._sales_contract_version()
            )

    def _sales_contract_version(self):
        """The version of the customer's class valid at the order date."""
        self.ensure_one()
        if not self.partner_id:
            return self.env["sales.contract.template.version"]
        template = self.env["sales.contract.template"]._for_partner(
            self.partner_id, self.company_id or self.env.company
        )
        date = fields.Date.context_today(self, self.date_order or fields.Datetime.now())
        version = template._versions_at(date).get(template.id)
        return version or self.env["sales.contract.template.version"]

    def _protected_refusal(self, names):
        if set(names) <= ARCHIVE_FIELDS:
            return UserError(
                self.env._(
                    "The contract version of an order is recorded by its "
                    "confirmation and cannot be written (sales policy "
                    "%(clause)s: the archive records the version each signed "
                    "order used).",
                    clause=ARCHIVE_CLAUSE,
                )
            )
        return super()._protected_refusal(names)

    def action_confirm(self):
        result = super().action_confirm()
        self._sales_contract_archive()
        return result

    def _sales_contract_archive(self):
        """Record on the confirmed orders the version they were signed with."""
        todo = self.filtered(
            lambda o: o.state in ("sale", "done")
            and not o.sales_contract_version_id
            and (o.company_id or self.env.company).sales_contract_templates_used
        )
        by_version = {}
        for order in todo:
            version = order._sales_contract_version()
            if version:
                by_version.setdefault(version, self.browse())
                by_version[version] |= order
        for version, orders in by_version.items():
            orders._transition({"sales_contract_version_id": version.id})
