# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-based batch re-grading of customers (policy clause SP-GRD).

A plain class, not a model: ``res.partner`` keeps the grade fields, the hooks
feature modules override (``_sales_grade_activity``, ``_sales_grade_domain``,
``_sales_grade_shared_company``) and small methods, and calls this engine to
grade many partners at once. The scoring arithmetic is in
``tools/grading_math.py``.
"""

import json
import logging
from collections import defaultdict
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import SQL, split_every

from ..tools.grading_math import grade_score

_logger = logging.getLogger(__name__)

#: the partner fields the grading reads
GRADE_FIELDS = [
    "sales_grade",
    "sales_grade_override",
    "sales_purchase_intent",
    "sales_purchase_ability",
]


class SalesGradingEngine:
    """Grade partners set-based; ``partners`` is a ``res.partner`` recordset
    (usually empty) that carries the environment the engine runs in."""

    def __init__(self, partners):
        self.partners = partners
        self.env = partners.env

    def regrade(self, partners=None, source="cron", companies=None, batches=None):
        """Grade ``partners`` (default: every customer) set-based.

        Per company with an active policy: one search of the partners to
        grade, one aggregate query for their revenue and order count (hook
        ``res.partner._sales_grade_activity``), the scores in Python, then one
        write per new grade for the partners whose grade changed, one batch of
        history rows and one bulk UPDATE of the changed scores.

        :param companies: limit the run to these companies' policies
        :param batches: a ``CronBatches`` (``tools/cron_batch.py``, the cron):
            grade the partners in chunks of its size, each in a savepoint and
            counted (committed) when done; a chunk that fails is graded again
            partner by partner, and a partner that fails is logged and
            skipped. None: all at once, in the caller's transaction.
        :return: the partners whose grade changed
        """
        Partner = self.partners
        policies = self.env["sales.grading.policy"]._get_company_policies()
        shared = Partner._sales_grade_shared_company(policies)
        changed = self.env["res.partner"]
        if partners is not None:
            partners = partners.commercial_partner_id
            by_company = defaultdict(list)
            for partner in partners:
                by_company[partner.company_id.id or shared].append(partner.id)
            runs = [
                (company_id, Partner.browse(ids))
                for company_id, ids in by_company.items()
                if company_id in policies
            ]
        else:
            company_ids = companies.ids if companies else list(policies)
            runs = [(cid, None) for cid in company_ids if cid in policies]
        for company_id, company_partners in runs:
            engine = SalesGradingEngine(Partner.sudo().with_company(company_id))
            changed |= engine.regrade_company(
                policies[company_id],
                company_partners,
                source,
                company_id == shared,
                batches=batches,
            )
        return changed.with_env(self.env)

    def regrade_company(self, policy, partners, source, with_shared, batches=None):
        """Grade the partners of ``self.env.company`` under ``policy`` (all at
        once, or in ``batches``: see :meth:`regrade`)."""
        Partner = self.partners
        if batches is None:
            run = self.prepare_company(policy, partners, with_shared)
            return self.grade(run.pop("records"), run, source)
        with self.env.cr.savepoint():  # read only: a failure leaves no trace
            run = self.prepare_company(policy, partners, with_shared)
        ids = run.pop("records").ids
        batches.expect(len(ids))
        changed = Partner.browse()
        for chunk in split_every(batches.batch_size, ids):
            changed |= self.grade_safely(Partner.browse(chunk), run, source, batches)
        return changed

    def prepare_company(self, policy, partners, with_shared):
        """What grading the company's partners needs, read once: the partners
        (``records``, their grading fields fetched), their activity and the
        policy's scoring parameters."""
        Partner = self.partners
        company = self.env.company
        today = fields.Date.context_today(Partner)
        date_from = datetime.combine(
            today - relativedelta(months=company.sales_grade_window_months or 12),
            time.min,
        )
        activity = Partner._sales_grade_activity(partners, date_from)
        company_domain = [
            ("company_id", "in", [company.id, False] if with_shared else [company.id])
        ]
        if partners is not None:
            scope = [("id", "in", partners.ids)]
        else:
            scope = [
                "|",
                "|",
                "|",
                "|",
                ("customer_rank", ">", 0),
                ("sales_purchase_intent", ">", 0),
                ("sales_purchase_ability", ">", 0),
                ("sales_grade", "!=", False),
                ("id", "in", list(activity)),
            ]
        records = Partner.with_context(active_test=True).search_fetch(
            Partner._sales_grade_domain() + company_domain + scope,
            GRADE_FIELDS,
            order="id",
        )
        return {
            "records": records,
            "today": today,
            "activity": activity,
            "policy": policy,
            "weights": policy._weights(),
            "full_marks": policy._full_marks(),
            "common": {
                "a_threshold": policy.a_threshold,
                "b_threshold": policy.b_threshold,
                "window_months": company.sales_grade_window_months,
                "currency": company.currency_id.name,
            },
        }

    def grade(self, records, run, source):
        """Score ``records`` and store their scores, grades and history (``run``:
        see :meth:`prepare_company`); return the partners whose grade changed."""
        policy, activity = run["policy"], run["activity"]
        weights, full_marks, common = run["weights"], run["full_marks"], run["common"]
        new_grades = defaultdict(list)
        history = []
        scores = []
        for partner in records:
            revenue, count = activity.get(partner.id, (0.0, 0))
            grade, score, criteria = grade_score(
                {
                    "revenue": revenue,
                    "frequency": count,
                    "intent": partner.sales_purchase_intent,
                    "ability": partner.sales_purchase_ability,
                },
                weights,
                full_marks,
                policy.a_threshold,
                policy.b_threshold,
            )
            scores.append(
                (partner.id, score, {"criteria": criteria, "grade": grade, **common})
            )
            effective = partner.sales_grade_override or grade
            if effective != partner.sales_grade:
                new_grades[effective].append(partner.id)
                history.append((partner.id, partner.sales_grade, effective, score))
        self.store_scores(scores)
        self.store_grades(new_grades, run["today"])
        self.store_history(history, source)
        return self.partners.browse([row[0] for row in history])

    def grade_safely(self, records, run, source, batches):
        """Grade a chunk of partners in a savepoint and count it in
        ``batches``; if the chunk fails, grade its partners one by one,
        logging and skipping those that fail. Returns the partners whose
        grade changed."""
        try:
            with self.env.cr.savepoint():
                # read afresh: an earlier batch's commit emptied the cache
                records.fetch(GRADE_FIELDS)
                changed = self.grade(records, run, source)
        except Exception:
            if len(records) == 1:
                _logger.exception(
                    "Re-grading customer %s (company %s) failed; continuing",
                    records.id,
                    self.env.company.id,
                )
                batches.processed(failed=True)
                return records.browse()
            _logger.warning(
                "Re-grading customers %s (company %s) failed; grading them one "
                "by one",
                records.ids,
                self.env.company.id,
                exc_info=True,
            )
            changed = records.browse()
            for partner in records:
                changed |= self.grade_safely(partner, run, source, batches)
            return changed
        batches.processed(len(records))
        return changed

    # The three writers below use set-based SQL on purpose: res.partner.write()
    # loops over the records to sync commercial fields to contacts, which at
    # 100,000 partners costs more than the whole grading. Each UPDATE covers
    # the commercial partner and its contacts (``commercial_partner_id``),
    # then the ORM cache is invalidated and dependent fields are notified.
    def store_scores(self, rows):
        """Write ``[(partner_id, score, details)]``: one UPDATE per 20,000
        partners, which skips the rows whose score and details are unchanged."""
        if not rows:
            return
        self.env["res.partner"].flush_model(
            ["commercial_partner_id", "sales_grade_score", "sales_grade_details"]
        )
        updated = []
        for chunk in split_every(20000, rows):
            ids, scores, details = zip(*chunk, strict=True)
            self.env.cr.execute(
                SQL(
                    """UPDATE res_partner AS partner
                          SET sales_grade_score = new.score,
                              sales_grade_details = new.details::jsonb
                         FROM unnest(%s::int[], %s::numeric[], %s::text[])
                              AS new (id, score, details)
                        WHERE partner.commercial_partner_id = new.id
                          AND (partner.sales_grade_score IS DISTINCT FROM new.score
                               OR partner.sales_grade_details
                                  IS DISTINCT FROM new.details::jsonb)
                    RETURNING partner.id""",
                    list(ids),
                    list(scores),
                    [json.dumps(detail) for detail in details],
                )
            )
            updated += [row[0] for row in self.env.cr.fetchall()]
        self.invalidate(updated, ["sales_grade_score", "sales_grade_details"])

    def store_grades(self, new_grades, today):
        """Write the new grades: one UPDATE per grade."""
        if not new_grades:
            return
        self.env["res.partner"].flush_model(
            ["commercial_partner_id", "sales_grade", "sales_grade_date"]
        )
        updated = []
        for grade, ids in new_grades.items():
            self.env.cr.execute(
                SQL(
                    """UPDATE res_partner
                          SET sales_grade = %s, sales_grade_date = %s,
                              write_uid = %s, write_date = now() AT TIME ZONE 'UTC'
                        WHERE commercial_partner_id = ANY(%s)
                    RETURNING id""",
                    grade,
                    today,
                    self.env.uid,
                    ids,
                )
            )
            updated += [row[0] for row in self.env.cr.fetchall()]
        self.invalidate(updated, ["sales_grade", "sales_grade_date"])

    def invalidate(self, ids, fnames):
        Partner = self.env["res.partner"]
        Partner.invalidate_model(fnames, flush=False)
        if ids:
            Partner.browse(ids).modified(fnames)

    def store_history(self, rows, source):
        """Insert ``[(partner_id, old, new, score)]`` into the grade history
        in one statement per 20,000 rows."""
        History = self.env["sales.grade.history"]
        for chunk in split_every(20000, rows):
            ids, old, new, scores = zip(*chunk, strict=True)
            self.env.cr.execute(
                SQL(
                    """INSERT INTO sales_grade_history
                           (partner_id, company_id, date, old_grade, new_grade, score,
                            source, user_id, create_uid, create_date, write_uid,
                            write_date)
                       SELECT row.partner_id, %(company)s, %(now)s, row.old, row.new,
                              row.score, %(source)s, %(uid)s, %(uid)s, %(now)s,
                              %(uid)s, %(now)s
                         FROM unnest(%(ids)s::int[], %(old)s::varchar[],
                                     %(new)s::varchar[], %(scores)s::numeric[])
                              AS row (partner_id, old, new, score)""",
                    company=self.env.company.id,
                    now=fields.Datetime.now(),
                    source=source,
                    uid=self.env.uid,
                    ids=list(ids),
                    old=[grade or None for grade in old],
                    new=list(new),
                    scores=list(scores),
                )
            )
        History.invalidate_model()
        self.env["res.partner"].invalidate_model(["sales_grade_history_ids"])
