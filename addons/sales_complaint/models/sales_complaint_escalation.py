# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The overdue-response escalation (policy §6.3), run by a daily cron.

An unanswered complaint past its response deadline gets an activity for its
responsible rep (level 1); past the company's escalation delay it gets one for
the sales manager too (level 2). The level is kept on the complaint, so a
complaint is never given the same activity twice, whatever the number of runs.

Each complaint is handled in a savepoint (a failing one is logged and
skipped) and the work is committed every ``batch_size`` complaints by the
suite's ``CronBatches`` (``sales_policy_base/tools/cron_batch.py``), except in
tests (Odoo's test cursor must not commit).
"""

import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

_logger = logging.getLogger(__name__)

ACTIVITY_TYPE = "sales_complaint.mail_activity_type_complaint_overdue"


class SalesComplaintEscalation(models.AbstractModel):
    _name = "sales.complaint.escalation"
    _description = "Complaint Response Escalation"

    @api.model
    def _cron_escalate(self, batch_size=500, commit=None):
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

    @api.model
    def _escalation_candidates(self):
        """Overdue unanswered complaints not yet at their due escalation level.

        Ordered by responsible rep: a batch then holds the complaints of a few
        reps (and their managers), whom the activities subscribe to the
        complaints in one call per person and batch."""
        Claim = self.env["crm.claim"].sudo()
        now = fields.Datetime.now()
        return Claim.search(
            [
                ("response_overdue", "=", True),
                ("escalation_level", "<", 2),
            ],
            order="user_id, response_deadline, id",
        ).filtered(lambda c: self._due_level(c, now) > c.escalation_level)

    @api.model
    def _due_level(self, claim, now):
        """The escalation level ``claim`` calls for at ``now`` (0, 1 or 2)."""
        if not claim.response_deadline or claim.response_deadline >= now:
            return 0
        company = claim.company_id or self.env.company
        limit = claim.response_deadline + timedelta(
            hours=company.complaint_escalation_hours
        )
        return 2 if now >= limit else 1

    @api.model
    def _manager_for(self, claim):
        """Who answers for the rep: the department's leader, else the policy owner."""
        company = claim.company_id or self.env.company
        manager = claim.team_id.user_id or company.sales_policy_owner_id
        return manager if manager != claim.user_id else self.env["res.users"]

    @api.model
    def _escalate_claim(self, claim):
        """Give ``claim`` the activities its lateness calls for (once each)."""
        self._escalate_claims(claim)

    @api.model
    def _escalate_claims(self, claims):
        """Give ``claims`` the activities their lateness calls for (once
        each), in a few queries whatever their number.

        The activities are created as the cron's (``mail_activity_quick_update``:
        no assignment email per activity; they show in the assignee's
        activities, and a run may give thousands)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(ACTIVITY_TYPE)
        wanted = []  # (claim, user, summary)
        levels = defaultdict(lambda: claims.browse())
        for claim in claims:
            level = self._due_level(claim, now)
            if level >= 1 and claim.escalation_level < 1 and claim.user_id:
                wanted.append(
                    (
                        claim,
                        claim.user_id,
                        self.env._(
                            "Overdue complaint response: %(complaint)s",
                            complaint=claim.display_name,
                        ),
                    )
                )
            if level >= 2 and claim.escalation_level < 2:
                manager = self._manager_for(claim)
                if manager:
                    wanted.append(
                        (
                            claim,
                            manager,
                            self.env._(
                                "Escalated: %(complaint)s is unanswered past the "
                                "escalation delay",
                                complaint=claim.display_name,
                            ),
                        )
                    )
            if level != claim.escalation_level:
                levels[level] |= claim
        existing = self._existing_activities(claims, activity_type)
        vals_list = [
            {
                "res_model_id": self.env["ir.model"]._get_id(claim._name),
                "res_id": claim.id,
                "activity_type_id": activity_type.id,
                "summary": summary,
                "user_id": user.id,
                "date_deadline": today,
            }
            for claim, user, summary in wanted
            if (claim.id, user.id) not in existing
        ]
        if vals_list:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(vals_list)
        for level, todo in levels.items():
            todo._transition({"escalation_level": level})

    @api.model
    def _existing_activities(self, claims, activity_type):
        """``{(claim id, user id)}`` of the escalation activities ``claims``
        already have (one query)."""
        groups = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", claims._name),
                    ("res_id", "in", claims.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id", "user_id"],
            )
        )
        return {(res_id, user.id) for res_id, user in groups}
