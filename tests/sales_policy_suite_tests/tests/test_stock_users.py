# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tests.common import new_test_user

from .suite_paths import is_suite_module

STOCK_GROUPS = {
    "internal user": "base.group_user",
    "salesperson": "sales_team.group_sale_salesman",
    "sales administrator": "sales_team.group_sale_manager",
    "billing": "account.group_account_invoice",
}


@tagged("post_install", "-at_install")
class TestStockOdooUsers(TransactionCase):
    """Users outside the suite's groups keep working in Sales, CRM and Invoicing.

    The suite adds fields to Odoo's own models; a user who is not in a suite
    group must still open and read those documents (no AccessError because a
    new field lists records of a suite model they may not read).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        cls.suite_modules = set(
            installed.filtered(lambda m: is_suite_module(m.name)).mapped("name")
        )
        cls.users = {
            label: new_test_user(
                cls.env, login=f"stock_{group.split('.')[1]}", groups=group
            )
            for label, group in STOCK_GROUPS.items()
        }

    def _suite_fields_on_odoo_models(self):
        for model_name, model in self.env.registry.items():
            if model._abstract or model._original_module in self.suite_modules:
                continue
            for field in model._fields.values():
                if field._module in self.suite_modules:
                    yield model_name, field

    def test_no_not_null_column_on_odoo_tables(self):
        # While Odoo loads the modules below the suite (installing or upgrading
        # crm, sale, account...), its registry knows none of the suite's fields:
        # a NOT NULL column the suite added would refuse every record created
        # then (Odoo's own data, demo records, tests).
        for model_name, field in self._suite_fields_on_odoo_models():
            if not field.store or field.type in ("one2many", "many2many"):
                continue
            with self.subTest(field=f"{model_name}.{field.name}"):
                self.assertFalse(
                    field.required,
                    f"{model_name}.{field.name} is required: keep a default and "
                    "read an empty value as it, without a NOT NULL column",
                )

    def test_new_lists_on_odoo_documents_are_readable_or_hidden(self):
        for label, user in self.users.items():
            env = self.env(user=user)
            for model_name, field in self._suite_fields_on_odoo_models():
                if field.type not in ("one2many", "many2many"):
                    continue
                if not env[model_name].has_access("read"):
                    continue
                if field.groups and not user.has_groups(field.groups):
                    continue
                with self.subTest(user=label, field=f"{model_name}.{field.name}"):
                    self.assertTrue(
                        env[field.comodel_name].has_access("read"),
                        f"a {label} reading {model_name} gets an access error on "
                        f"{field.name} ({field.comodel_name}): restrict the field "
                        "with groups= or grant read access",
                    )

    def test_stock_users_read_the_suite_fields_of_orders_leads_and_customers(self):
        partner = self.env["res.partner"].create({"name": "Stock Customer"})
        product = self.env["product.product"].create({"name": "Stock Product"})
        salesperson = self.users["salesperson"]
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": salesperson.id,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )
        lead = self.env["crm.lead"].create(
            {"name": "Stock Lead", "user_id": salesperson.id}
        )
        documents = {
            "salesperson": [order, order.order_line, lead, partner, product],
            "sales administrator": [order, order.order_line, lead, partner, product],
            "billing": [partner, product],
            "internal user": [partner],
        }
        suite_fields = {}
        for model_name, field in self._suite_fields_on_odoo_models():
            suite_fields.setdefault(model_name, []).append(field)
        for label, records in documents.items():
            user = self.users[label]
            for record in records:
                names = [
                    field.name
                    for field in suite_fields.get(record._name, [])
                    if not field.groups or user.has_groups(field.groups)
                ]
                with self.subTest(user=label, model=record._name):
                    # the values a form view of this document loads for this user
                    values = record.with_user(user).read(names)
                    self.assertEqual(values[0]["id"], record.id)
