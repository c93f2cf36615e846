# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestRecoveryPlan(CustomerDevCommon):
    def test_rep_creates_a_recovery_plan_from_a_lost_opportunity(self):
        reason = self.env["crm.lost.reason"].create({"name": "Price too high"})
        lead = self._rep_lead(partner_id=self.customer.id)
        lead.action_set_lost(lost_reason_id=reason.id)
        action = lead.action_create_recovery_plan()
        plan = (
            self.env["sales.recovery.plan"].with_user(self.rep).browse(action["res_id"])
        )
        self.assertRecordValues(
            plan,
            [
                {
                    "lead_id": lead.id,
                    "partner_id": self.customer.id,
                    "user_id": self.rep.id,
                    "lost_reason_id": reason.id,
                    "state": "draft",
                }
            ],
        )
        self.assertEqual(self.customer.recovery_plan_count, 1)

    def test_open_opportunity_gets_no_recovery_plan(self):
        lead = self._rep_lead(partner_id=self.customer.id)
        with self.assertRefused(UserError, "not lost"):
            lead.action_create_recovery_plan()

    def test_recovery_plan_for_an_inactive_customer(self):
        action = self.customer.with_user(self.rep).action_create_recovery_plan()
        plan = self.env["sales.recovery.plan"].browse(action["res_id"])
        self.assertRecordValues(
            plan, [{"partner_id": self.customer.id, "user_id": self.rep.id}]
        )

    def test_active_customer_gets_no_recovery_plan(self):
        product = self.env["product.product"].create({"name": "Widget"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    fields.Command.create({"product_id": product.id, "price_unit": 10})
                ],
            }
        )
        order.action_confirm()
        with self.assertRefused(UserError, "still active"):
            self.customer.with_user(self.rep).action_create_recovery_plan()
        order.date_order = fields.Datetime.now() - timedelta(days=400)
        self.customer.with_user(self.rep).action_create_recovery_plan()
        self.assertEqual(len(self.customer.recovery_plan_ids), 1)

    def test_non_customer_gets_no_recovery_plan(self):
        with self.assertRefused(UserError, "not a customer"):
            self.prospect.with_user(self.rep).action_create_recovery_plan()

    def test_plan_in_progress_needs_a_next_action(self):
        plan = (
            self.env["sales.recovery.plan"]
            .with_user(self.rep)
            .create({"partner_id": self.customer.id, "reason": "Moved to a rival"})
        )
        with self.assertRefused(ValidationError, "next action"):
            plan.action_start()
        plan.write(
            {
                "next_action": "Invite to the trade show",
                "next_action_date": fields.Date.today() + timedelta(days=7),
            }
        )
        plan.action_start()
        plan.action_recovered()
        self.assertEqual(plan.state, "recovered")

    def test_plan_needs_a_customer_or_a_lost_opportunity(self):
        with self.assertRefused(ValidationError, "choose the customer"):
            self.env["sales.recovery.plan"].with_user(self.rep).create({})

    def test_rep_does_not_see_another_reps_recovery_plan(self):
        plan = (
            self.env["sales.recovery.plan"]
            .with_user(self.rep_2)
            .create({"partner_id": self.customer_2.id})
        )
        with self.assertRaises(AccessError):
            plan.with_user(self.rep).read(["name"])
        with self.assertRaises(AccessError):
            plan.with_user(self.rep).unlink()
        self.assertFalse(self.env["sales.recovery.plan"].with_user(self.rep).search([]))
