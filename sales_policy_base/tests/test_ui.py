# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSalesPolicyUi(HttpCase):
    def test_salesperson_opens_the_clause_register_from_the_sales_policy_menu(self):
        new_test_user(
            self.env,
            login="sp_tour_rep",
            password="sp_tour_rep",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        self.start_tour(
            "/odoo", "sales_policy_base_clause_register", login="sp_tour_rep"
        )
