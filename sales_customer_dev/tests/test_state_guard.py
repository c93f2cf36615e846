# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestStateGuard(CustomerDevCommon):
    """Visit plans, visit reports and planned contacts change state only
    through their buttons, which run the policy's checks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["sales.visit.report"])
        cls.monday = cls.today - timedelta(days=cls.today.weekday())
        cls.plan = (
            cls.env["sales.visit.plan"]
            .with_user(cls.rep)
            .create(
                {
                    "week_start": cls.monday,
                    "line_ids": [
                        Command.create(
                            {"partner_id": cls.customer.id, "planned_date": cls.monday}
                        )
                    ],
                }
            )
        )
        cls.report = (
            cls.env["sales.visit.report"]
            .with_user(cls.rep)
            .create(
                {"partner_id": cls.customer.id, "date": cls.today, "purpose": "Visit"}
            )
        )
        lead = cls._rep_lead(partner_id=cls.customer.id)
        cls.contact = (
            cls.env["sales.contact.plan"]
            .with_user(cls.rep)
            .create({"lead_id": lead.id, "name": "Call the buyer"})
        )

    def test_rep_cannot_mark_own_plan_reviewed_by_write(self):
        self.plan.action_submit()
        with self.assertRefused(UserError, "buttons"):
            self.plan.write({"state": "reviewed"})
        other = self.plan.copy(
            {"week_start": self.monday + timedelta(days=7), "line_ids": []}
        )
        with self.assertRefused(UserError, "buttons"):
            (self.plan | other).write({"state": "reviewed"})
        self.assertRecordValues(
            self.plan | other, [{"state": "submitted"}, {"state": "draft"}]
        )

    def test_rep_cannot_create_or_copy_a_reviewed_plan(self):
        Plan = self.env["sales.visit.plan"].with_user(self.rep)
        next_week = self.monday + timedelta(days=7)
        with self.assertRefused(UserError, "buttons"):
            Plan.create({"week_start": next_week, "state": "reviewed"})
        self.plan.action_submit()
        self.plan.with_user(self.manager).action_review()
        copy = self.plan.copy({"week_start": next_week, "line_ids": []})
        self.assertEqual(copy.state, "draft")
        with self.assertRefused(UserError, "buttons"):
            self.plan.copy(
                {
                    "week_start": next_week + timedelta(days=7),
                    "line_ids": [],
                    "state": "reviewed",
                }
            )

    def test_rep_cannot_mark_a_report_done_without_outcome_by_write(self):
        with self.assertRefused(UserError, "buttons"):
            self.report.write({"state": "done"})
        self.assertEqual(self.report.state, "draft")
        Report = self.env["sales.visit.report"].with_user(self.rep)
        with self.assertRefused(UserError, "buttons"):
            Report.create(
                [
                    {
                        "partner_id": self.customer.id,
                        "purpose": "Visit",
                        "state": "done",
                    }
                ]
            )
        # a context default does not choose the state either
        forged = Report.with_context(default_state="done").create(
            {"partner_id": self.customer.id, "purpose": "Visit"}
        )
        self.assertEqual(forged.state, "draft")
        self.assertFalse(self.customer.last_visit_date)

    def test_copy_of_a_done_report_is_a_draft(self):
        self.report.write({"outcome": "Trial agreed", "satisfaction": "4"})
        self.report.action_done()
        copy = self.report.copy()
        self.assertEqual(copy.state, "draft")
        with self.assertRefused(UserError, "buttons"):
            copy.copy({"state": "done", "outcome": False})

    def test_rep_cannot_link_a_done_report_to_a_planned_visit(self):
        done = self.env["sales.visit.report"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "purpose": "Other visit",
                "outcome": "Fine",
                "satisfaction": "3",
            }
        )
        done.action_done()
        line = self.plan.line_ids.with_user(self.rep)
        with self.assertRefused(UserError, "buttons"):
            line.write({"visit_report_id": done.id})
        self.assertFalse(line.is_done)
        # Report Visit links its own report
        line.action_report_visit()
        self.assertTrue(line.visit_report_id)

    def test_rep_cannot_mark_a_planned_contact_done_by_write(self):
        with self.assertRefused(UserError, "buttons"):
            self.contact.write({"state": "done", "done_date": self.today})
        self.contact.action_done()
        self.assertRecordValues(
            self.contact, [{"state": "done", "done_date": self.today}]
        )
        with self.assertRefused(UserError, "Only planned contacts"):
            self.contact.action_cancel()
