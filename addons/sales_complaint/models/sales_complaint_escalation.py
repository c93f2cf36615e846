# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue-response escalation (policy §6.3), run by a cron.

An unanswered complaint past its response deadline gets an activity for its
responsible rep (level 1); past the company's escalation delay it gets one for
the sales manager too (level 2). The level is kept on the complaint, and an
activity is only given to a person who has none of this type on the
complaint: a complaint is never given the same activity twice, whatever the
number of runs.

The work is set-based: a batch of complaints costs one SQL statement
whatever its size (the activities, their assignees subscribed as followers
with the default subtypes, the levels; its plan checked with EXPLAIN ANALYZE
over 50,000 complaints: rows read by primary key, an index for the
anti-join on ``mail_activity`` created in :meth:`init`), instead of an ORM
``mail.activity.create`` per batch that subscribes, notifies and computes
record by record (90 s for 50,000 complaints, see
``tests/benchmarks/bench_complaint.py``). The lateness rule is written once
in Python (``tools/complaint_math.py:escalation_due_level``) and once in SQL
(:meth:`_due_level_sql`); a test checks they agree.

Each batch runs in a savepoint; a failing batch is retried complaint by
complaint (a failing one is logged and skipped), and the work is committed
every ``batch_size`` complaints by the suite's ``CronBatches``
(``sales_policy_base/tools/cron_batch.py``), except in tests.
"""

import logging

from odoo import api, fields, models
from odoo.tools import SQL, create_index, split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

from ..tools.complaint_math import escalation_due_level

_logger = logging.getLogger(__name__)

ACTIVITY_TYPE = "sales_complaint.mail_activity_type_complaint_overdue"
#: stands for the complaint's name in the translated summaries
NAME_MARK = "\x00"


class SalesComplaintEscalation(models.AbstractModel):
    _name = "sales.complaint.escalation"
    _description = "Complaint Response Escalation"

    def init(self):
        # "has this person an open activity of this type on the complaint?"
        # (the statement's anti-join) in one probe per activity given;
        # without it the planner crossed the res_id and user_id indexes,
        # whose user_id side grows with every batch (a manager holds
        # thousands of activities)
        create_index(
            self.env.cr,
            "mail_activity_res_type_user_active_index",
            "mail_activity",
            ["res_id", "res_model", "activity_type_id", "user_id"],
            where="active",
        )

    @api.model
    def _cron_escalate(self, batch_size=2000, commit=None):
        """Escalate every overdue first response; returns (done, failed).

        ``commit``: what ends a batch, see ``CronBatches`` (default: commit
        the cursor, except in tests; a callable is called instead).
        """
        batches = CronBatches(self.env, batch_size, commit=commit)
        claims = self._escalation_candidates()
        batches.expect(len(claims))
        for batch in split_every(batch_size, claims.ids, claims.browse):
            try:
                with self.env.cr.savepoint():
                    self._escalate_claims(batch)
            except Exception:
                # the batch is retried complaint by complaint, each in its
                # own savepoint: a failing one is logged and skipped
                for claim in batch:
                    failed = False
                    try:
                        with self.env.cr.savepoint():
                            self._escalate_claims(claim)
                    except Exception:
                        failed = True
                        _logger.exception("Escalation of complaint %s failed", claim.id)
                    # counted (and maybe committed) once the savepoint is released
                    batches.processed(failed=failed)
            else:
                batches.processed(len(batch))
        batches.flush()
        return batches.done, batches.failed

    # --- the rule, in Python and in SQL ------------------------------------------
    @api.model
    def _due_level(self, claim, now):
        """The escalation level ``claim`` calls for at ``now`` (0, 1 or 2)."""
        company = claim.company_id or self.env.company
        return escalation_due_level(
            claim.response_deadline, now, company.complaint_escalation_hours
        )

    @api.model
    def _due_level_sql(self, now):
        """:meth:`_due_level` of the complaint ``c`` (company ``co``) in SQL."""
        return SQL(
            """CASE WHEN c.response_deadline IS NULL
                         OR c.response_deadline >= %(now)s THEN 0
                    WHEN %(now)s >= c.response_deadline + make_interval(
                         hours => COALESCE(co.complaint_escalation_hours, 0))
                    THEN 2 ELSE 1 END""",
            now=now,
        )

    @api.model
    def _manager_for(self, claim):
        """Who answers for the rep: the department's leader, else the policy owner."""
        company = claim.company_id or self.env.company
        manager = claim.team_id.user_id or company.sales_policy_owner_id
        return manager if manager != claim.user_id else self.env["res.users"]

    @api.model
    def _due_sql(self, where, now):
        """Overdue unanswered open complaints ``c`` matching ``where``, with
        their due level ``due``, rep ``user_id`` and manager ``manager_id``
        (as :meth:`_due_level` and :meth:`_manager_for`)."""
        return SQL(
            """SELECT c.id, c.name, c.user_id, c.response_deadline,
                      COALESCE(c.escalation_level, 0) AS escalation_level,
                      NULLIF(COALESCE(t.user_id, co.sales_policy_owner_id),
                             c.user_id) AS manager_id,
                      %(due)s AS due
                 FROM crm_claim c
                 JOIN res_company co ON co.id = COALESCE(c.company_id, %(company)s)
            LEFT JOIN crm_team t ON t.id = c.team_id
                WHERE c.active
                  AND c.first_response_date IS NULL
                  AND c.complaint_state IN ('new', 'routed')
                  AND c.response_deadline < %(now)s
                  AND COALESCE(c.escalation_level, 0) < 2
                  AND %(where)s""",
            due=self._due_level_sql(now),
            company=self.env.company.id,
            now=now,
            where=where,
        )

    # --- candidates ------------------------------------------------------------------
    @api.model
    def _escalation_candidates(self):
        """Overdue unanswered complaints not yet at their due escalation level.

        Ordered by responsible rep: a batch then holds the complaints of a few
        reps (and their managers)."""
        self._flush_escalation_inputs()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """SELECT due.id FROM (%(due)s) due
                    WHERE due.due > due.escalation_level
                 ORDER BY due.user_id NULLS LAST, due.response_deadline, due.id""",
                due=self._due_sql(SQL("TRUE"), now),
            )
        )
        return self.env["crm.claim"].sudo().browse(r[0] for r in self.env.cr.fetchall())

    def _flush_escalation_inputs(self):
        self.env["crm.claim"].flush_model()
        self.env["crm.team"].flush_model(["user_id"])
        self.env["res.company"].flush_model(
            ["complaint_escalation_hours", "sales_policy_owner_id"]
        )

    # --- escalation ----------------------------------------------------------------
    @api.model
    def _escalate_claim(self, claim):
        """Give ``claim`` the activities its lateness calls for (once each)."""
        self._escalate_claims(claim)

    @api.model
    def _escalate_claims(self, claims):
        """Give ``claims`` the activities their lateness calls for (once
        each) and record their level, in one SQL statement whatever their
        number.

        An activity goes to the rep from level 1 and to the manager at level
        2, unless the person already has an open activity of this type on the
        complaint (a run that died after giving it). As ``mail.activity``'s
        ``create`` does, the assignee follows the complaint (with the default
        subtypes, unless already a follower) and the web client is told; no
        email per activity (as ``mail_activity_quick_update``: a run may give
        thousands)."""
        if not claims:
            return
        self._flush_escalation_inputs()
        self.env["mail.activity"].flush_model()
        self.env["mail.followers"].flush_model()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """WITH due AS MATERIALIZED (%(due)s),
                   wanted AS (
                       SELECT id, name, user_id, 1 AS level FROM due
                        WHERE due >= 1 AND escalation_level < 1
                          AND user_id IS NOT NULL
                       UNION ALL
                       SELECT id, name, manager_id, 2 FROM due
                        WHERE due >= 2 AND manager_id IS NOT NULL),
                   given AS (
                       INSERT INTO mail_activity
                              (res_model_id, res_model, res_id, res_name,
                               activity_type_id, summary, date_deadline, automated,
                               active, user_id, user_tz, create_uid, create_date,
                               write_uid, write_date)
                       SELECT %(model_id)s, 'crm.claim', w.id, w.name, %(type_id)s,
                              CASE w.level WHEN 1 THEN %(rep_summary)s
                                           ELSE %(manager_summary)s END,
                              %(today)s, TRUE, TRUE, w.user_id, p.tz,
                              %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM wanted w
                         JOIN res_users u ON u.id = w.user_id
                         JOIN res_partner p ON p.id = u.partner_id
                        WHERE NOT EXISTS (
                              SELECT 1 FROM mail_activity a
                               WHERE a.res_model = 'crm.claim' AND a.res_id = w.id
                                 AND a.activity_type_id = %(type_id)s
                                 AND a.user_id = w.user_id AND a.active)
                    RETURNING res_id, user_id),
                   followers AS (
                       INSERT INTO mail_followers (res_model, res_id, partner_id)
                       SELECT DISTINCT 'crm.claim', g.res_id, u.partner_id
                         FROM given g JOIN res_users u ON u.id = g.user_id
                  ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                    RETURNING id),
                   subtypes AS (
                       INSERT INTO mail_followers_mail_message_subtype_rel
                              (mail_followers_id, mail_message_subtype_id)
                       SELECT f.id, s.id
                         FROM followers f, unnest(%(subtype_ids)s::int[]) AS s (id)),
                   levels AS (
                       -- by the key of the batch's rows (due): an extra
                       -- "c.id = ANY(ids)" became an index condition walking
                       -- the whole array for each row (quadratic: 2000 x 2000
                       -- probes, most of the batch's time)
                       UPDATE crm_claim c
                          SET escalation_level = due.due,
                              write_uid = %(uid)s, write_date = %(now)s
                         FROM due
                        WHERE c.id = due.id AND due.due > due.escalation_level)
                SELECT DISTINCT user_id FROM given""",
                # a semi-join on the ids: the planner reads them by the
                # primary key (with "= ANY(ids)" it scanned every open
                # complaint by state, then filtered)
                due=self._due_sql(
                    SQL("c.id IN (SELECT unnest(%s::int[]))", claims.ids), now
                ),
                model_id=self.env["ir.model"]._get_id("crm.claim"),
                type_id=self.env.ref(ACTIVITY_TYPE).id,
                rep_summary=self._summary_sql(
                    self.env._(
                        "Overdue complaint response: %(complaint)s",
                        complaint=NAME_MARK,
                    )
                ),
                manager_summary=self._summary_sql(
                    self.env._(
                        "Escalated: %(complaint)s is unanswered past the "
                        "escalation delay",
                        complaint=NAME_MARK,
                    )
                ),
                subtype_ids=self.env["mail.message.subtype"]._default_subtypes(
                    "crm.claim"
                )[0],
                today=fields.Date.context_today(self),
                uid=self.env.uid,
                now=now,
            )
        )
        users = self.env["res.users"].browse(r[0] for r in self.env.cr.fetchall())
        self.env["crm.claim"].invalidate_model()
        self.env["mail.activity"].invalidate_model()
        self.env["mail.followers"].invalidate_model()
        users._bus_send("mail.activity/updated", {"activity_created": True})

    @api.model
    def _summary_sql(self, translated):
        """The activity summary ``translated`` (with :data:`NAME_MARK` for
        the complaint) around the name of the wanted row ``w``."""
        before, _mark, after = translated.partition(NAME_MARK)
        return SQL("%s || w.name || %s", before, after)
