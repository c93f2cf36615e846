# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)


class ShowroomCommon(SalesPolicyCommon):
    """A project with one building of two floors and three units, and a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        cls.company.write(
            {
                "showroom_max_hold_hours": 48,
                "showroom_contract_due_days": 30,
                "showroom_ownership_days": 30,
            }
        )
        cls.project = cls.env["sales.showroom.project"].create(
            {"name": "Test Gardens", "company_id": cls.company.id}
        )
        cls.building = cls.env["sales.showroom.building"].create(
            {"name": "T1", "project_id": cls.project.id}
        )
        unit_model = cls.env["sales.showroom.unit"]
        cls.unit_101, cls.unit_102, cls.unit_201 = unit_model.create(
            [
                {
                    "building_id": cls.building.id,
                    "floor": 1,
                    "number": "101",
                    "area": 90.0,
                    "list_price": 1_000_000.0,
                },
                {
                    "building_id": cls.building.id,
                    "floor": 1,
                    "number": "102",
                    "area": 110.0,
                    "list_price": 1_200_000.0,
                },
                {
                    "building_id": cls.building.id,
                    "floor": 2,
                    "number": "201",
                    "area": 90.0,
                    "list_price": 1_050_000.0,
                },
            ]
        )
        cls.customer = cls.env["res.partner"].create({"name": "Ms Customer"})
        cls.customer_2 = cls.env["res.partner"].create({"name": "Mr Second"})

    @classmethod
    def _queue_today(cls, *users):
        """Reception duty today for ``users`` in that order, and today's queue."""
        today = fields.Date.context_today(cls.env["sales.showroom.duty"])
        cls.env["sales.showroom.duty"].create(
            [
                {
                    "date": today,
                    "slot": "morning",
                    "duty_type": "reception",
                    "user_id": user.id,
                    "company_id": cls.company.id,
                }
                for user in users
            ]
        )
        return cls.env["sales.showroom.reception.queue"]._build_for_date(
            today, cls.company
        )
