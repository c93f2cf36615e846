# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)

A_CLAUSE = "Payment: 60 days from the invoice date"
C_CLAUSE = "Payment: 30 % advance on signature"


class ContractTemplateCommon(SalesPolicyCommon):
    """Customers graded A and C, templates for A and C with a version each
    (published by legal), a product; no approval rules (their own tests)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls.env["sales.contract.template"].with_context(active_test=False).search(
            []
        ).active = False
        cls.Template = cls.env["sales.contract.template"]
        cls.Version = cls.env["sales.contract.template.version"]
        cls.customer_a = cls.env["res.partner"].create(
            {"name": "Key Account Ltd", "is_company": True, "sales_grade": "a"}
        )
        cls.customer_c = cls.env["res.partner"].create(
            {"name": "Walk-in Buyer Ltd", "is_company": True, "sales_grade": "c"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Calcium Carbonate 25 kg", "list_price": 100.0}
        )
        cls.template_a = cls.Template.create(
            {"name": "Framework Contract", "class_type": "grade", "grade": "a"}
        )
        cls.template_c = cls.Template.create(
            {"name": "Standard Terms", "class_type": "grade", "grade": "c"}
        )
        cls.version_a = cls._published(
            cls.template_a,
            "A 2026",
            "2026-01-01",
            f"<p>{A_CLAUSE} for {{{{ customer }}}}.</p>",
        )
        cls.version_c = cls._published(
            cls.template_c,
            "C 2026",
            "2026-01-01",
            f"<p>{C_CLAUSE} for {{{{ customer }}}}.</p>",
        )

    @classmethod
    def _draft(cls, template, name, date_from, body, date_to=False):
        """A draft version, made by legal (returned in the test's environment)."""
        version = cls.Version.with_user(cls.legal_reviewer).create(
            {
                "template_id": template.id,
                "name": name,
                "date_from": date_from,
                "date_to": date_to,
                "body": body,
            }
        )
        return cls.Version.browse(version.id)

    @classmethod
    def _published(cls, template, name, date_from, body, date_to=False):
        version = cls._draft(template, name, date_from, body, date_to=date_to)
        version.with_user(cls.legal_reviewer).action_publish()
        return version

    @classmethod
    def _order(cls, partner, date_order=None, user=None):
        user = user or cls.rep
        vals = {
            "partner_id": partner.id,
            "user_id": user.id,
            "order_line": [
                Command.create({"product_id": cls.product.id, "product_uom_qty": 2})
            ],
        }
        order = cls.env["sale.order"].with_user(user).create(vals)
        if date_order:
            order.sudo().date_order = fields.Datetime.to_datetime(date_order)
        return order

    def _contract_html(self, order, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.rep)
        html, _kind = report._render_qweb_html(
            "sales_contract_template.action_report_sale_contract", order.ids
        )
        return html.decode()
