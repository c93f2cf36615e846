# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesQualificationCommon


@tagged("post_install", "-at_install")
class TestProblemInvestigation(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env["product.product"].create(
            {
                "name": "Grade II Building Service",
                "type": "service",
                "qualification_id": cls.active_qualification.id,
            }
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Qualified services", "user_id": cls.manager.id}
        )
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.rep)
            .create(
                {
                    "partner_id": cls.env["res.partner"].create({"name": "C"}).id,
                    "user_id": cls.rep.id,
                    "team_id": cls.team.id,
                    "order_line": [(0, 0, {"product_id": cls.service.id})],
                }
            )
        )
        cls.order.with_user(cls.rep).action_confirm()
        cls.Problem = cls.env["sales.qualification.problem"]
        cls.overdue_type = cls.env.ref(
            "sales_qualification.mail_activity_type_problem_overdue"
        )

    def _problem_from_followup(self):
        followup = self.order.sudo().qualification_followup_ids[:1].with_user(self.rep)
        followup.write({"outcome": "issue_open", "note": "Licence copy rejected"})
        followup.action_done()
        return followup.problem_ids

    def test_open_problem_on_a_followup_is_investigated_by_its_rep(self):
        problem = self._problem_from_followup()
        self.assertRecordValues(
            problem,
            [
                {
                    "owner_id": self.rep.id,
                    "order_id": self.order.id,
                    "manager_id": self.manager.id,
                    "state": "open",
                    "deadline": self.today + timedelta(days=7),
                }
            ],
        )
        problem = problem.with_user(self.rep)
        with self.assertRefused(UserError, "Record the investigation result"):
            problem.action_resolve()
        problem.investigation_result = "Bureau stamp missing; new copy sent"
        problem.action_resolve()
        self.assertRecordValues(
            problem, [{"state": "resolved", "resolved_on": self.today}]
        )

    def test_overdue_investigation_escalates_to_the_manager_once(self):
        problem = self._problem_from_followup()
        problem.sudo().deadline = self.today - timedelta(days=1)
        self.assertEqual(self.Problem._cron_escalate_overdue(), (1, 0))
        alerts = problem.activity_ids.filtered(
            lambda a: a.activity_type_id == self.overdue_type
        )
        self.assertEqual(alerts.user_id, self.manager)
        self.assertEqual(problem.escalated_on, self.today)
        self.assertEqual(self.Problem._cron_escalate_overdue(), (0, 0))

    def test_others_cannot_resolve_or_mark_escalated(self):
        problem = self._problem_from_followup()
        # another rep does not even see it
        with self.assertRefused(AccessError, ""):
            problem.with_user(self.rep_2).investigation_result = "x"
        with self.assertRefused(UserError, "SP-QUA-14"):
            problem.with_user(self.rep).write(
                {"state": "resolved", "escalated_on": self.today}
            )
        self.assertRecordValues(problem, [{"state": "open", "escalated_on": False}])


@tagged("post_install", "-at_install")
class TestTraining(SalesQualificationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Training = cls.env["sales.qualification.training"]
        cls.company.write(
            {
                "sales_qualification_induction_days": 3.0,
                "sales_qualification_induction_period_days": 90,
            }
        )

    def _session(self, user, hours, day, **vals):
        return self.Training.with_user(self.manager).create(
            {
                "user_id": user.id,
                "topic": "Qualification policy",
                "date": day,
                "hours": hours,
                **vals,
            }
        )

    def test_training_days_by_user_for_the_appraisal(self):
        self._session(self.rep, 8, date(2026, 1, 10))
        self._session(self.rep, 4, date(2026, 2, 10), result="failed")
        self._session(self.rep_2, 16, date(2026, 2, 11))
        self._session(self.rep_2, 8, date(2025, 12, 31))
        days = self.Training._training_days_by_user(date(2026, 1, 1), date(2026, 3, 31))
        # rep: 8 h + 4 h = 12 h = 1.5 days; rep 2: 16 h = 2 days (2025 left out)
        self.assertEqual(days, {self.rep.id: 1.5, self.rep_2.id: 2.0})

    def test_new_rep_shows_the_induction_days_still_missing(self):
        self._session(self.rep, 8, self.today, is_induction=True)
        # 3 days required, 1 done
        self.assertRecordValues(
            self.rep.sudo(),
            [{"sales_training_days": 1.0, "sales_induction_missing_days": 2.0}],
        )
        self._session(self.rep, 16, self.today)
        self.rep.sudo().invalidate_recordset()
        self.assertEqual(self.rep.sudo().sales_induction_missing_days, 0.0)

    def test_reps_read_their_own_sessions_only_and_hours_are_checked(self):
        mine = self._session(self.rep, 8, self.today)
        self._session(self.rep_2, 8, self.today)
        self.assertEqual(self.Training.with_user(self.rep).search([]), mine)
        with self.assertRefused(AccessError, ""):
            self._session(self.rep, 8, self.today).with_user(self.rep).hours = 1
        with self.assertRefused(ValidationError, "lasts between"):
            self._session(self.rep, 30, self.today)
