# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OrderExecutionCommon


@tagged("post_install", "-at_install")
class TestContractHandover(OrderExecutionCommon):
    def test_confirmation_hands_the_contract_to_each_department(self):
        order = self._confirmed()
        handovers = order.sudo().execution_handover_ids
        self.assertRecordValues(
            handovers.sorted("department"),
            [
                {"department": "finance", "user_id": self.finance_reviewer.id},
                {"department": "logistics", "user_id": self.manager.id},
                {"department": "production", "user_id": self.production.id},
            ],
        )
        self.assertFalse(any(handovers.mapped("date_received")))
        recipients = (self.production | self.manager | self.finance_reviewer).partner_id
        self.assertLessEqual(recipients, order.message_partner_ids)
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref(
                "sales_order_execution.mail_activity_type_contract_handover"
            )
        )
        self.assertEqual(activities.user_id, recipients.user_ids)
        self.assertEqual(handovers.activity_id, activities)
        message = order.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertIn(
            order.name.replace("/", "_") + ".pdf", message.attachment_ids.mapped("name")
        )
        self.assertLessEqual(recipients, message.partner_ids)

    def test_marking_the_activity_done_records_the_receipt(self):
        order = self._confirmed()
        line = order.sudo().execution_handover_ids.filtered(
            lambda h: h.user_id == self.production
        )
        line.activity_id.with_user(self.production).action_feedback("ok")
        self.assertTrue(line.date_received)
        others = order.sudo().execution_handover_ids - line
        self.assertFalse(any(others.mapped("date_received")))

    def test_acknowledge_receipt_button(self):
        order = self._confirmed()
        self.assertTrue(order.with_user(self.manager).execution_to_acknowledge)
        self.assertFalse(order.with_user(self.rep).execution_to_acknowledge)
        order.with_user(self.manager).action_execution_acknowledge()
        line = order.sudo().execution_handover_ids.filtered(
            lambda h: h.user_id == self.manager
        )
        self.assertTrue(line.date_received)
        self.assertFalse(
            line.activity_id.exists().active if line.activity_id else False
        )
        with self.assertRefused(UserError, "no contract hand-over to acknowledge"):
            order.with_user(self.manager).action_execution_acknowledge()
        with self.assertRefused(UserError, "SP-EXE-01"):
            order.with_user(self.rep).action_execution_acknowledge()

    def test_rep_cannot_write_the_receipt(self):
        order = self._confirmed()
        line = order.sudo().execution_handover_ids[:1]
        with self.assertRefused(AccessError, "."):
            line.with_user(self.rep).write({"date_received": "2026-01-01 00:00:00"})
        self.assertFalse(line.date_received)

    def test_no_recipients_no_handover(self):
        self.company.write(
            {
                "execution_production_user_ids": [(5,)],
                "execution_logistics_user_ids": [(5,)],
                "execution_finance_user_ids": [(5,)],
            }
        )
        order = self._confirmed()
        self.assertFalse(order.sudo().execution_handover_ids)


@tagged("post_install", "-at_install")
class TestContractHandoverTeams(OrderExecutionCommon):
    """A department's recipients: its users and the members of its team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plant_a = cls._new_policy_user(
            "sp_plant_a", "sales_policy_base.group_sales_policy_user"
        )
        cls.plant_b = cls._new_policy_user(
            "sp_plant_b", "sales_policy_base.group_sales_policy_user"
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Plant Team",
                "company_id": cls.company.id,
                "member_ids": [Command.set((cls.plant_a | cls.plant_b).ids)],
            }
        )

    def _clear_users(self):
        self.company.write(
            {
                "execution_production_user_ids": [Command.clear()],
                "execution_logistics_user_ids": [Command.clear()],
                "execution_finance_user_ids": [Command.clear()],
            }
        )

    def _lines(self, order, department):
        return order.sudo().execution_handover_ids.filtered(
            lambda h: h.department == department
        )

    def test_team_only_hands_over_to_each_member_once(self):
        self._clear_users()
        self.assertFalse(self.company.execution_handover_enabled)
        self.company.execution_production_team_id = self.team
        self.assertTrue(self.company.execution_handover_enabled)
        order = self._confirmed()
        lines = order.sudo().execution_handover_ids
        self.assertEqual(len(lines), 2)
        self.assertEqual(set(lines.mapped("department")), {"production"})
        self.assertEqual(lines.user_id, self.plant_a | self.plant_b)
        self.assertEqual(lines.activity_id.user_id, self.plant_a | self.plant_b)
        self.assertLessEqual(
            (self.plant_a | self.plant_b).partner_id, order.message_partner_ids
        )

    def test_user_also_in_the_team_gets_one_line(self):
        self.company.write(
            {
                "execution_production_user_ids": [Command.set(self.plant_a.ids)],
                "execution_production_team_id": self.team.id,
            }
        )
        order = self._confirmed()
        lines = self._lines(order, "production")
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines.user_id, self.plant_a | self.plant_b)
        # the other departments are unchanged
        self.assertEqual(self._lines(order, "logistics").user_id, self.manager)
        self.assertEqual(self._lines(order, "finance").user_id, self.finance_reviewer)

    def test_team_membership_is_read_at_confirmation(self):
        self._clear_users()
        self.company.execution_finance_team_id = self.team
        self.team.member_ids = [Command.unlink(self.plant_b.id)]
        order = self._confirmed()
        self.assertEqual(order.sudo().execution_handover_ids.user_id, self.plant_a)
        # a team without (active) members hands over to nobody
        self.team.member_ids = [Command.clear()]
        self.assertTrue(self.company.execution_handover_enabled)
        self.assertFalse(self._confirmed().sudo().execution_handover_ids)

    def test_nobody_configured_costs_no_query(self):
        self._clear_users()
        self.assertFalse(self.company.execution_handover_enabled)
        order = self._order()
        self.assertFalse(order.company_id.execution_handover_enabled)
        with self.assertQueryCount(0):
            order._execution_hand_over()
        order.with_user(self.rep).action_confirm()
        self.assertFalse(order.sudo().execution_handover_ids)

    def test_rep_cannot_set_the_team(self):
        with self.assertRefused(AccessError, "."):
            self.company.with_user(self.rep).write(
                {"execution_production_team_id": self.team.id}
            )
        self.assertFalse(self.company.execution_production_team_id)
