# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, index_exists

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestEscalation(SalesComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "sales_complaint.mail_activity_type_complaint_overdue"
        )
        cls.Escalation = cls.env["sales.complaint.escalation"]

    def _activities(self, claim):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "crm.claim"),
                ("res_id", "=", claim.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_overdue_response_escalates_to_rep_then_manager_once(self):
        # normal severity: 72 h to answer, escalation 24 h later (96 h)
        on_time = self._past_claim(10)
        late = self._past_claim(80)
        very_late = self._past_claim(100)
        answered = self._past_claim(100)
        answered.action_route()
        answered.action_respond()
        self.Escalation._cron_escalate()
        self.assertFalse(self._activities(on_time))
        self.assertFalse(self._activities(answered))
        self.assertEqual(self._activities(late).user_id, self.rep)
        self.assertEqual(self._activities(very_late).user_id, self.rep | self.manager)
        self.assertRecordValues(
            late | very_late, [{"escalation_level": 1}, {"escalation_level": 2}]
        )
        # a second run (and a third) adds nothing
        self.Escalation._cron_escalate()
        self.Escalation._cron_escalate()
        self.assertEqual(len(self._activities(late)), 1)
        self.assertEqual(len(self._activities(very_late)), 2)

    def test_a_failing_complaint_does_not_stop_the_others(self):
        first = self._past_claim(80)
        broken = self._past_claim(80)
        last = self._past_claim(80)
        Escalation = type(self.Escalation)
        original = Escalation._escalate_claims

        def escalate(model, claims):
            # a batch holding the broken complaint fails; it is then retried
            # complaint by complaint, and only the broken one fails again
            if broken in claims:
                broken._transition({"escalation_level": 1})  # written, then lost
                raise ValueError("mail server down")
            return original(model, claims)

        commits = []
        with (
            patch.object(Escalation, "_escalate_claims", escalate),
            self.assertLogs(
                "odoo.addons.sales_complaint.models.sales_complaint_escalation",
                level="ERROR",
            ),
        ):
            done, failed = self.Escalation._cron_escalate(
                batch_size=2, commit=lambda: commits.append(1)
            )
        self.assertEqual((done, failed), (2, 1))
        self.assertEqual(len(commits), 2)  # a full batch of 2, then the rest
        self.assertTrue(self._activities(first))
        self.assertTrue(self._activities(last))
        self.assertFalse(self._activities(broken))
        self.assertEqual(broken.escalation_level, 0)  # its savepoint rolled back
        # the next run picks it up
        done, failed = self.Escalation._cron_escalate()
        self.assertEqual((done, failed), (1, 0))
        self.assertEqual(self._activities(broken).user_id, self.rep)

    def test_rep_cannot_reset_the_escalation_level(self):
        claim = self._past_claim(80)
        self.Escalation._cron_escalate()
        with self.assertRefused(Exception, "own buttons"):
            claim.with_user(self.rep).write({"escalation_level": 0})
        self.assertEqual(claim.escalation_level, 1)

    def test_an_activity_already_given_is_not_given_twice(self):
        # the rep was already given the overdue activity (a run that died after
        # creating it): the next run only records the level
        claim = self._past_claim(80)
        claim.activity_schedule(
            activity_type_id=self.activity_type.id, user_id=self.rep.id
        )
        others = self._past_claim(100) | self._past_claim(100)
        done, failed = self.Escalation._cron_escalate(batch_size=10)
        self.assertEqual((done, failed), (3, 0))
        self.assertEqual(len(self._activities(claim)), 1)
        self.assertEqual(claim.escalation_level, 1)
        for other in others:
            self.assertEqual(self._activities(other).user_id, self.rep | self.manager)


@tagged("post_install", "-at_install")
class TestSetBasedEscalation(SalesComplaintCommon):
    """The escalation written in SQL: what the rep and the manager see."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "sales_complaint.mail_activity_type_complaint_overdue"
        )
        cls.Escalation = cls.env["sales.complaint.escalation"]

    def _activities(self, claims):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "crm.claim"),
                ("res_id", "in", claims.ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def _activity_rows(self, claims):
        return sorted(
            (a.res_id, a.user_id.id, a.summary) for a in self._activities(claims)
        )

    def test_rep_and_manager_get_complete_activities_and_follow(self):
        # normal severity: 72 h to answer, escalation 24 h later (96 h)
        late = self._past_claim(80, name="Wet pallets")
        very_late = self._past_claim(100, name="Broken bags")
        done, failed = self.Escalation._cron_escalate()
        self.assertEqual((done, failed), (2, 0))
        # 1 activity for late (rep) + 2 for very late (rep, manager) = 3
        self.assertEqual(
            self._activity_rows(late | very_late),
            sorted(
                [
                    (late.id, self.rep.id, "Overdue complaint response: Wet pallets"),
                    (
                        very_late.id,
                        self.rep.id,
                        "Overdue complaint response: Broken bags",
                    ),
                    (
                        very_late.id,
                        self.manager.id,
                        "Escalated: Broken bags is unanswered past the "
                        "escalation delay",
                    ),
                ]
            ),
        )
        today = fields.Date.context_today(self.Escalation)
        for activity in self._activities(late | very_late):
            self.assertRecordValues(
                activity,
                [
                    {
                        "res_model_id": self.env["ir.model"]._get_id("crm.claim"),
                        "res_model": "crm.claim",
                        "res_name": activity.res_id == late.id
                        and "Wet pallets"
                        or "Broken bags",
                        "date_deadline": today,
                        "automated": True,
                        "active": True,
                        "state": "today",
                        "user_tz": activity.user_id.tz,
                    }
                ],
            )
        self.assertRecordValues(
            late | very_late, [{"escalation_level": 1}, {"escalation_level": 2}]
        )
        # the manager follows the complaint with the default subtypes
        follower = very_late.message_follower_ids.filtered(
            lambda f: f.partner_id == self.manager.partner_id
        )
        self.assertEqual(
            sorted(follower.subtype_ids.ids),
            sorted(self.env["mail.message.subtype"]._default_subtypes("crm.claim")[0]),
        )
        self.assertIn(self.rep.partner_id, late.message_partner_ids)
        # each sees the activity on the complaint, and in the activity menu
        self.assertEqual(len(late.with_user(self.rep).activity_ids), 1)
        self.assertEqual(
            very_late.with_user(self.manager).activity_ids.user_id,
            self.rep | self.manager,
        )
        menu = self.env["res.users"].with_user(self.manager)._get_activity_groups()
        groups = {g["model"]: g for g in menu}
        self.assertEqual(groups["crm.claim"]["today_count"], 1)
        # a second run adds nothing: still 3 activities, one follower each
        self.assertEqual(self.Escalation._cron_escalate(), (0, 0))
        self.assertEqual(len(self._activities(late | very_late)), 3)
        self.assertEqual(
            len(
                very_late.message_follower_ids.filtered(
                    lambda f: f.partner_id == self.manager.partner_id
                )
            ),
            1,
        )

    def test_sql_due_level_agrees_with_the_python_rule(self):
        # normal 72 h (+24 h escalation): 1 h and 71 h ago not due, 73 h and
        # 95 h ago level 1, 97 h and 150 h ago level 2; critical 4 h (+24 h):
        # 10 h ago level 1 (6 h late), 30 h ago level 2 (26 h late)
        expected = {}
        for hours, level in ((1, 0), (71, 0), (73, 1), (95, 1), (97, 2), (150, 2)):
            expected[self._past_claim(hours).id] = level
        for hours, level in ((10, 1), (30, 2)):
            expected[self._past_claim(hours, severity="critical").id] = level
        claims = self.Claim.browse(list(expected))
        now = fields.Datetime.now()
        python = {c.id: self.Escalation._due_level(c, now) for c in claims}
        self.assertEqual(python, expected)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT due.id, due.due FROM (%s) due",
                self.Escalation._due_sql(SQL("c.id = ANY(%s)", claims.ids), now),
            )
        )
        sql = dict(self.env.cr.fetchall())
        self.assertEqual(sql, {cid: lvl for cid, lvl in expected.items() if lvl})
        self.assertEqual(
            set(self.Escalation._escalation_candidates().ids),
            {cid for cid, lvl in expected.items() if lvl},
        )

    def test_reaching_the_manager_level_later_adds_only_the_managers_activity(self):
        claim = self._past_claim(80)  # 8 h past its deadline: level 1
        self.Escalation._cron_escalate()
        self.assertEqual(self._activities(claim).user_id, self.rep)
        # the escalation delay shortened to 5 h: 8 h late is now level 2
        self.company.complaint_escalation_hours = 5
        self.assertEqual(self.Escalation._cron_escalate(), (1, 0))
        self.assertEqual(len(self._activities(claim)), 2)
        self.assertEqual(self._activities(claim).user_id, self.rep | self.manager)
        self.assertEqual(claim.escalation_level, 2)

    def test_no_rep_leader_is_rep_archived_and_answered_complaints(self):
        no_rep = self._past_claim(100, user_id=False)  # its team's leader only
        rep_desk = self.env["crm.team"].create(
            {"name": "Rep Desk", "user_id": self.rep.id}
        )
        own_desk = self._past_claim(100, team_id=rep_desk.id)  # rep only
        archived = self._past_claim(100)
        archived.active = False
        answered = self._past_claim(100)
        answered.action_route()
        answered.action_respond()
        self.assertEqual(self.Escalation._cron_escalate(), (2, 0))
        self.assertEqual(self._activities(no_rep).user_id, self.manager)
        self.assertEqual(self._activities(own_desk).user_id, self.rep)
        self.assertFalse(self._activities(archived | answered))
        self.assertRecordValues(
            no_rep | own_desk | archived | answered,
            [
                {"escalation_level": 2},
                {"escalation_level": 2},
                {"escalation_level": 0},
                {"escalation_level": 0},
            ],
        )

    def test_commits_every_batch(self):
        claims = self.Claim.browse()
        for _i in range(5):
            claims |= self._past_claim(80)
        commits = []
        done, failed = self.Escalation._cron_escalate(
            batch_size=2, commit=lambda: commits.append(1)
        )
        # 5 complaints in batches of 2: 2 + 2 + 1, a commit after each
        self.assertEqual((done, failed, len(commits)), (5, 0, 3))
        self.assertEqual(len(self._activities(claims)), 5)

    def test_queries_do_not_grow_with_the_complaints(self):
        def queries(claims):
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.Escalation._escalate_claims(claims)
            return self.env.cr.sql_log_count - before

        queries(self._past_claim(100))  # warms the caches (type, model, subtypes)
        two = self._past_claim(100) | self._past_claim(100)
        eight = self.Claim.browse()
        for _i in range(8):
            eight |= self._past_claim(100)
        self.assertEqual(queries(two), queries(eight))
        self.assertEqual(len(self._activities(eight)), 16)  # 8 x (rep + manager)

    def test_the_anti_join_has_its_index(self):
        # the statement asks "has this person an open activity of this type
        # on the complaint?" once per activity given: one index probe each
        self.assertTrue(
            index_exists(self.env.cr, "mail_activity_res_type_user_active_index")
        )
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes "
            "WHERE indexname = 'mail_activity_res_type_user_active_index'"
        )
        self.assertIn(
            "(res_id, res_model, activity_type_id, user_id) WHERE active",
            self.env.cr.fetchone()[0],
        )
