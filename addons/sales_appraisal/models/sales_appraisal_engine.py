# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Monthly scores, quarterly and yearly aggregates and position reviews.

The cron computes last month's appraisal of every rep with a target of the
year (``_compute_month``), then, at the end of a quarter or a year, the
aggregates (``_aggregate``). The figures of all reps are measured at once
(``sales.appraisal.measure``); appraisals are written in batches of
``BATCH_SIZE`` reps, each batch committed (``CronBatches``). Appraisals that
left draft are history and never recomputed.
"""

import logging
from collections import defaultdict
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

from ..tools.appraisal_math import Period, consecutive_failures
from .sales_appraisal_indicator import (
    QUANTITATIVE_KEYS,
    RATE_MEASURES,
    TARGET_MEASURES,
)

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
SENIOR_GROUP = "sales_policy_base.group_sales_policy_senior_manager"


class SalesAppraisalEngine(models.AbstractModel):
    _name = "sales.appraisal.engine"
    _description = "Appraisal Engine"

    @api.model
    def _cron_compute_previous_month(self, batch_size=BATCH_SIZE):
        """Monthly: last month's scores of every company; at a quarter's and
        a year's end, the aggregates too."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        batches = CronBatches(self.env, batch_size)
        engine = self.sudo()
        for company in self.env["res.company"].sudo().search([]):
            try:
                engine._compute_month(company, month, batches=batches)
                if month.month % 3 == 0:
                    quarter = month - relativedelta(months=2)
                    engine._aggregate(company, "quarter", quarter, batches=batches)
                if month.month == 12:
                    engine._aggregate(
                        company, "year", month.replace(month=1), batches=batches
                    )
            except Exception:
                _logger.exception(
                    "Appraisals of company %s for %s not computed", company.id, month
                )
        batches.flush()

    # --- months -------------------------------------------------------------------
    def _rep_targets(self, company, year, users=None):
        domain = [
            ("company_id", "=", company.id),
            ("scope", "=", "rep"),
            ("year", "=", year),
        ]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        targets = self.env["sales.target"].sudo().search(domain)
        default = company.appraisal_template_id
        return {
            target.user_id.id: (target, target.template_id or default)
            for target in targets
            if target.template_id or default
        }

    def _compute_month(self, company, month, users=None, batches=None):
        """Compute (or recompute, while in draft) the monthly appraisals of
        ``company``'s reps with a target (``users``: only those)."""
        month = month.replace(day=1)
        period = Period(company, month, month + relativedelta(months=1))
        by_user = self._rep_targets(company, month.year, users)
        if not by_user:
            return self.env["sales.appraisal"]
        reps = self.env["res.users"].browse(list(by_user))
        figures = self.env["sales.appraisal.measure"]._appraisal_measures(period, reps)
        month_lines = {
            line.target_id.id: line
            for line in self.env["sales.target.line"]
            .sudo()
            .search(
                [
                    ("target_id", "in", [t.id for t, _tpl in by_user.values()]),
                    ("month", "=", month),
                ]
            )
        }
        vals_by_user = {}
        for user_id, (target, template) in by_user.items():
            month_line = month_lines.get(target.id)
            lines = []
            for indicator in template.indicator_ids:
                if indicator.measure not in QUANTITATIVE_KEYS:
                    continue
                actual = figures[user_id].get(indicator.measure)
                lines.append(
                    {
                        "sequence": indicator.sequence,
                        "measure": indicator.measure,
                        "weight": indicator.weight,
                        "target": self._indicator_target(indicator, month_line),
                        "actual": actual or 0.0,
                        "measured": actual is not None,
                    }
                )
            vals_by_user[user_id] = {
                "template_id": template.id,
                "team_id": target.team_id.id,
                "manager_id": target.team_id.user_id.id,
                "lines": lines,
            }
        appraisals = self._write_appraisals(period, "month", vals_by_user, batches)
        self._open_position_reviews(company, month, appraisals)
        return appraisals

    def _indicator_target(self, indicator, month_line):
        if indicator.measure in TARGET_MEASURES:
            return month_line[indicator.measure] if month_line else 0.0
        if indicator.measure == "collection" and month_line:
            return month_line.collection_rate or indicator.target_value
        return indicator.target_value

    def _write_appraisals(self, period, period_type, vals_by_user, batches=None):
        """Create the missing appraisals, replace the figures of the drafts;
        keep the managers' scores of qualitative lines."""
        Appraisal = self.env["sales.appraisal"].sudo()
        company = period.company
        existing = {
            a.user_id.id: a
            for a in Appraisal.search(
                [
                    ("company_id", "=", company.id),
                    ("period_type", "=", period_type),
                    ("date_from", "=", period.date_from),
                    ("user_id", "in", list(vals_by_user)),
                ]
            )
        }
        result = Appraisal.browse()
        batches = batches or CronBatches(self.env, BATCH_SIZE, commit=False)
        for chunk in split_every(BATCH_SIZE, list(vals_by_user)):
            batches.expect(len(chunk))
            try:
                result |= self._write_chunk(
                    period, period_type, chunk, vals_by_user, existing
                )
            except Exception:
                _logger.exception(
                    "Appraisals of reps %s from %s not written", chunk, period.date_from
                )
                batches.processed(len(chunk), failed=True)
                continue
            batches.processed(len(chunk))
        return result

    def _write_chunk(self, period, period_type, chunk, vals_by_user, existing):
        Appraisal = self.env["sales.appraisal"].sudo()
        company = period.company
        result = Appraisal.browse()
        with self.env.cr.savepoint():
            to_create = []
            drafts = Appraisal.browse()
            for user_id in chunk:
                vals = vals_by_user[user_id]
                appraisal = existing.get(user_id)
                if appraisal and appraisal.state != "draft":
                    result |= appraisal
                    continue
                if appraisal:
                    drafts |= appraisal
                    kept = {
                        line.measure for line in appraisal.line_ids if line.qualitative
                    }
                    commands = [
                        (2, line.id)
                        for line in appraisal.line_ids
                        if not line.qualitative
                    ] + [
                        (0, 0, line)
                        for line in vals["lines"]
                        if line["measure"] not in kept
                    ]
                    appraisal.write(
                        {"template_id": vals["template_id"], "line_ids": commands}
                    )
                else:
                    to_create.append(
                        {
                            "company_id": company.id,
                            "user_id": user_id,
                            "team_id": vals["team_id"],
                            "manager_id": vals["manager_id"],
                            "template_id": vals["template_id"],
                            "period_type": period_type,
                            "date_from": period.date_from,
                            "date_to": period.date_to,
                            "line_ids": [(0, 0, line) for line in vals["lines"]],
                        }
                    )
            result |= drafts | Appraisal.create(to_create)
            self.env.flush_all()
        return result

    # --- quarters and years -----------------------------------------------------------
    def _aggregate(self, company, period_type, date_from, users=None, batches=None):
        """Quarterly or yearly appraisals from the months: amounts summed,
        rates averaged over the measured months, the manager's qualitative
        indicators added (scored by the manager before the review)."""
        date_from = date_from.replace(day=1)
        period = Period(
            company,
            date_from,
            date_from + relativedelta(months=PERIOD_MONTHS[period_type]),
        )
        domain = [
            ("company_id", "=", company.id),
            ("period_type", "=", "month"),
            ("date_from", ">=", period.date_from),
            ("date_from", "<", period.date_to),
        ]
        if users is not None:
            domain.append(("user_id", "in", users.ids))
        months = self.env["sales.appraisal"].sudo().search(domain, order="date_from")
        by_user = defaultdict(lambda: self.env["sales.appraisal"])
        for appraisal in months:
            by_user[appraisal.user_id.id] |= appraisal
        vals_by_user = {}
        for user_id, user_months in by_user.items():
            latest = user_months[-1]
            figures = defaultdict(list)
            for line in user_months.line_ids:
                figures[line.measure].append(line)
            lines = []
            for indicator in latest.template_id.indicator_ids:
                measure = indicator.measure
                if measure not in QUANTITATIVE_KEYS:
                    lines.append(
                        {
                            "sequence": indicator.sequence,
                            "measure": measure,
                            "weight": indicator.weight,
                            "qualitative": True,
                        }
                    )
                    continue
                measured = [li for li in figures[measure] if li.measured]
                if measure in RATE_MEASURES:
                    count = len(measured) or 1
                    target = sum(li.target for li in measured) / count
                    actual = sum(li.actual for li in measured) / count
                else:
                    target = sum(li.target for li in figures[measure])
                    actual = sum(li.actual for li in figures[measure])
                lines.append(
                    {
                        "sequence": indicator.sequence,
                        "measure": measure,
                        "weight": indicator.weight,
                        "target": target if measured else indicator.target_value,
                        "actual": actual,
                        "measured": bool(measured),
                    }
                )
            vals_by_user[user_id] = {
                "template_id": latest.template_id.id,
                "team_id": latest.team_id.id,
                "manager_id": latest.manager_id.id,
                "lines": lines,
            }
        return self._write_appraisals(period, period_type, vals_by_user, batches)

    # --- consequences ---------------------------------------------------------------
    def _open_position_reviews(self, company, month, appraisals):
        """N consecutive failing months (company setting): a position review
        for the senior manager, once per failing run."""
        failing = appraisals.filtered(lambda a: a.failing and not a.position_review)
        needed = company.appraisal_failing_months
        if not failing or needed < 1:
            return
        first = month - relativedelta(months=needed - 1)
        history = defaultdict(dict)
        for appraisal in (
            self.env["sales.appraisal"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("period_type", "=", "month"),
                    ("user_id", "in", failing.user_id.ids),
                    ("date_from", ">=", first),
                    ("date_from", "<=", month),
                ]
            )
        ):
            history[appraisal.user_id.id][appraisal.date_from] = appraisal
        reviewer = self._position_reviewer(company)
        for appraisal in failing:
            months = history[appraisal.user_id.id]
            flags = [
                bool(months.get(first + relativedelta(months=i)))
                and months[first + relativedelta(months=i)].failing
                for i in range(needed)
            ]
            if consecutive_failures(flags) < needed:
                continue
            runs = [months[first + relativedelta(months=i)] for i in range(needed)]
            if any(a.position_review for a in runs):
                continue
            appraisal.activity_schedule(
                "sales_appraisal.mail_activity_type_position_review",
                user_id=(reviewer or appraisal.manager_id or self.env.user).id,
                summary=self.env._(
                    "Position review of %(user)s: %(months)s failing months in a row",
                    user=appraisal.user_id.name,
                    months=needed,
                ),
            )
            appraisal._transition({"position_review": True})

    def _position_reviewer(self, company):
        if company.appraisal_reviewer_id:
            return company.appraisal_reviewer_id
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(SENIOR_GROUP).id),
                    ("company_ids", "in", company.id),
                    ("share", "=", False),
                ],
                order="id",
                limit=1,
            )
        )

    @api.model
    def _demo_compute_last_quarter(self, orders=()):
        """Demo data: the months and the appraisal of the last full quarter.

        ``orders``: ``(xml id, month of the quarter 0-2, day)`` of draft demo
        orders, confirmed here and dated in that month. An order the
        installed policies hold (an approval rule) stays a quotation.
        """
        today = fields.Date.context_today(self)
        start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        start -= relativedelta(months=3)
        for xmlid, offset, day in orders:
            order = self.env.ref(xmlid, raise_if_not_found=False)
            if not order or order.state not in ("draft", "sent"):
                continue
            when = start + relativedelta(months=offset, day=day)
            try:
                with self.env.cr.savepoint():
                    order.action_confirm()
                    order.date_order = datetime.combine(when, time(10))
            except (UserError, ValidationError) as error:
                _logger.info("Demo order %s left a quotation: %s", xmlid, error)
        engine = self.sudo()
        for company in self.env["res.company"].sudo().search([]):
            for offset in range(3):
                engine._compute_month(company, start + relativedelta(months=offset))
            engine._aggregate(company, "quarter", start)
        return True
