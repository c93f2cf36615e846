# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.sales_policy_base.tests.common import archive_approval_rules


@tagged("post_install", "-at_install")
class TestShowroomUi(HttpCase):
    def test_rep_holds_subscribes_and_contracts_a_unit_from_the_board(self):
        archive_approval_rules(self.env)
        new_test_user(
            self.env,
            login="sp_showroom_tour",
            password="sp_showroom_tour",
            groups="base.group_user,sales_policy_base.group_sales_policy_user",
        )
        project = self.env["sales.showroom.project"].create({"name": "Tour Project"})
        building = self.env["sales.showroom.building"].create(
            {"name": "TourTower", "project_id": project.id}
        )
        unit = self.env["sales.showroom.unit"].create(
            {
                "building_id": building.id,
                "floor": 7,
                "number": "701",
                "area": 88.0,
                "list_price": 880_000.0,
            }
        )
        self.env["res.partner"].create({"name": "Tour Customer"})
        self.start_tour("/odoo", "sales_showroom_board_tour", login="sp_showroom_tour")
        self.assertEqual(unit.state, "contracted")
        self.assertRecordValues(
            unit.booking_ids,
            [{"state": "contracted", "deposit_amount": 20_000.0}],
        )
        self.assertEqual(unit.booking_ids.sale_order_id.state, "sale")
