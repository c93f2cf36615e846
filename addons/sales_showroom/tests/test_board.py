# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile

from odoo.tests import tagged

from .common import ShowroomCommon


@tagged("post_install", "-at_install")
class TestShowroomBoard(ShowroomCommon):
    def test_board_groups_units_by_building_and_floor_with_state_colours(self):
        self.unit_101.with_user(self.rep).hold(self.customer)
        self.unit_201.with_user(self.manager).action_withhold()
        groups = (
            self.env["sales.showroom.unit"]
            .with_user(self.rep)
            ._read_group(
                [("project_id", "=", self.project.id)], ["board_group"], ["__count"]
            )
        )
        self.assertEqual(groups, [("T1 / 01F", 2), ("T1 / 02F", 1)])
        self.assertRecordValues(
            self.unit_101 | self.unit_102 | self.unit_201,
            [
                {"state": "held", "color": 3, "board_class": "warning"},
                {"state": "available", "color": 10, "board_class": "success"},
                {"state": "withheld", "color": 0, "board_class": "secondary"},
            ],
        )

    def test_counts_and_values_per_state(self):
        self.unit_101.with_user(self.rep).hold(self.customer)
        groups = dict(
            (state, (count, value))
            for state, count, value in self.env["sales.showroom.unit"]._read_group(
                [("project_id", "=", self.project.id)],
                ["state"],
                ["__count", "list_price:sum"],
            )
        )
        # available: 1,200,000 + 1,050,000 = 2,250,000
        self.assertEqual(groups, {"held": (1, 1e6), "available": (2, 2_250_000.0)})

    def test_rep_exports_the_board_as_xlsx(self):
        self.unit_101.with_user(self.rep).hold(self.customer)
        wizard = (
            self.env["sales.showroom.board.export"]
            .with_user(self.rep)
            .create({"project_id": self.project.id})
        )
        action = wizard.action_export()
        # the download of the wizard's file, named for the board
        self.assertIn(
            f"model={wizard._name}&id={wizard.id}&field=file_data", action["url"]
        )
        self.assertEqual(wizard.file_name, "showroom_board.xlsx")
        content = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(content)) as xlsx:
            strings = xlsx.read("xl/sharedStrings.xml").decode()
            sheets = [
                name for name in xlsx.namelist() if name.startswith("xl/worksheets/")
            ]
        self.assertEqual(len(sheets), 2)
        for text in ("T1", "101", "Held", "Available", "Ms Customer"):
            self.assertIn(text, strings)

    def test_board_customer_filter_finds_the_held_unit(self):
        self.unit_102.with_user(self.rep).hold(self.customer_2)
        found = self.env["sales.showroom.unit"].search(
            [("partner_id", "=", self.customer_2.id)]
        )
        self.assertEqual(found, self.unit_102)
