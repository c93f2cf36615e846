# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The delay cron (SP-EXE-04): late deliveries found in one query.

A confirmed order with a committed date is late when one of its open
outgoing deliveries is scheduled after the commitment (``slipped``), or when
the commitment has passed with a delivery still open (``overdue``). Each late
order without an open delay, and without a delay already handled for the same
commitment, gets one: an activity for its rep, and the templated email to the
customer when the company sends it automatically (else the rep reviews and
sends it from the delay).

The candidates come from one set-based query; the delays and their
activities are created by one SQL statement per batch (``CronBatches``:
commit per batch, a failing batch retried order by order, a failing order
logged and skipped); the ORM created them record by record before (71 s for
100,000 open deliveries, ``tests/benchmarks/bench_order_execution.py``).
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

from ..tools.activity_sql import (
    NAME_MARK,
    activities_cte,
    activities_given,
    summary_sql,
)

_logger = logging.getLogger(__name__)

ACTIVITY_TYPE = "sales_order_execution.mail_activity_type_order_delay"


class SalesOrderDelayEngine(models.AbstractModel):
    _name = "sales.order.delay.engine"
    _description = "Delivery Delay Detection"

    @api.model
    def _late_orders_query(self, now):
        """(order id, committed date, latest scheduled date, slipped) of the
        late orders that need a delay."""
        return SQL(
            """
            SELECT so.id, so.commitment_date, max(sp.scheduled_date),
                   bool_or(sp.scheduled_date > so.commitment_date)
              FROM sale_order so
              JOIN stock_picking sp ON sp.sale_id = so.id
              JOIN stock_picking_type spt ON spt.id = sp.picking_type_id
             WHERE so.state = 'sale'
               AND so.commitment_date IS NOT NULL
               AND spt.code = 'outgoing'
               AND sp.state NOT IN ('done', 'cancel')
               AND (sp.scheduled_date > so.commitment_date
                    OR so.commitment_date < %(now)s)
               AND NOT EXISTS (
                   SELECT 1 FROM sales_order_delay d
                    WHERE d.order_id = so.id
                      AND (d.state = 'open'
                           OR d.commitment_date = so.commitment_date))
             GROUP BY so.id, so.commitment_date
             ORDER BY so.user_id, so.id
            """,
            now=now,
        )

    @api.model
    def _cron_detect_delays(self, batch_size=1000, commit=None):
        """Open the delays of the late orders; returns (done, failed)."""
        self.env["sale.order"].flush_model()
        self.env["stock.picking"].flush_model()
        self.env["sales.order.delay"].flush_model()
        rows = self.env.execute_query(self._late_orders_query(fields.Datetime.now()))
        batches = CronBatches(self.env, batch_size, commit=commit)
        batches.expect(len(rows))
        for batch in split_every(batch_size, rows, list):
            try:
                with self.env.cr.savepoint():
                    self._open_delays(batch)
            except Exception:
                for row in batch:
                    failed = False
                    try:
                        with self.env.cr.savepoint():
                            self._open_delays([row])
                    except Exception:
                        failed = True
                        _logger.exception("Delay detection of order %s failed", row[0])
                    batches.processed(failed=failed)
            else:
                batches.processed(len(batch))
        batches.flush()
        return batches.done, batches.failed

    @api.model
    def _open_delays(self, rows):
        """Create the delays of ``rows`` (see ``_late_orders_query``) and
        their reps' activities in one SQL statement whatever their number,
        then send the emails where the company says so; returns the delays.

        As the ORM did with ``tracking_disable``/``mail_create_nolog``/
        ``mail_create_nosubscribe``: no creation message, no creator
        follower; the rep follows the delay through the activity
        (``tools/activity_sql.py``, the complaint escalation's idiom). The
        fields the ORM would relate (company, rep, customer) are copied from
        the order; a second open delay of an order is refused by the partial
        unique index (the batch is then retried order by order).
        """
        if not rows:
            return self.env["sales.order.delay"]
        Delay = self.env["sales.order.delay"].sudo()
        self.env["sale.order"].flush_model(["company_id", "user_id", "partner_id"])
        Delay.flush_model()
        now = fields.Datetime.now()
        summary = self.env._(
            "Late delivery: %(order)s, tell the customer", order=NAME_MARK
        )
        self.env.cr.execute(
            SQL(
                """WITH late (order_id, commitment_date, scheduled_date, kind) AS (
                        VALUES %(rows)s),
                   delays AS (
                       INSERT INTO sales_order_delay
                              (order_id, company_id, user_id, partner_id, kind,
                               detected_date, commitment_date, scheduled_date,
                               state, customer_notified, create_uid, create_date,
                               write_uid, write_date)
                       SELECT so.id, so.company_id, so.user_id, so.partner_id,
                              late.kind, %(now)s, late.commitment_date,
                              late.scheduled_date, 'open', FALSE,
                              %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM late JOIN sale_order so ON so.id = late.order_id
                     ORDER BY so.id
                    RETURNING id, order_id, user_id),
                   wanted AS (
                       SELECT d.id AS res_id, so.name AS res_name, d.user_id,
                              %(summary)s AS summary
                         FROM delays d JOIN sale_order so ON so.id = d.order_id
                        WHERE d.user_id IS NOT NULL),
                   %(activities)s
                SELECT (SELECT array_agg(id ORDER BY id) FROM delays),
                       (SELECT array_agg(DISTINCT user_id) FROM given)""",
                rows=SQL(", ").join(
                    SQL(
                        "(%s, %s::timestamp, %s::timestamp, %s)",
                        order_id,
                        commitment,
                        scheduled,
                        "slipped" if slipped else "overdue",
                    )
                    for order_id, commitment, scheduled, slipped in rows
                ),
                now=now,
                uid=self.env.uid,
                summary=summary_sql(summary, SQL("so.name")),
                activities=activities_cte(
                    self.env,
                    Delay._name,
                    "wanted",
                    self.env.ref(ACTIVITY_TYPE),
                    fields.Date.context_today(self),
                    once=False,
                ),
            )
        )
        delay_ids, user_ids = self.env.cr.fetchone()
        activities_given(self.env, Delay._name, user_ids or [])
        self.env["sale.order"].invalidate_model(["execution_delay_ids"])
        delays = Delay.browse(delay_ids or [])
        delays.filtered(
            lambda delay: delay.company_id.execution_send_delay_email
        )._execution_send_email()
        return delays.with_env(self.env)

    # --- demo data -------------------------------------------------------------------
    @api.model
    def _demo_late_delivery(self, xmlid, days_late=5):
        """Demo data: the draft order ``xmlid`` approved, confirmed and late.

        Its committed date is moved ``days_late`` days into the past, its
        rep submits it to the approval engine, each pending request is
        approved by one of its own approvers (never by a context key that
        skips the policy), the rep confirms it and the delay detection runs
        for it: the demo shows an open delay with the rep's activity. All in
        a savepoint: an order the policies still hold is logged and left a
        quotation, the rest of the demo installs.
        """
        order = self.env.ref(xmlid, raise_if_not_found=False)
        if not order or order.state not in ("draft", "sent"):
            return False
        try:
            with self.env.cr.savepoint():
                delays = self.sudo()._demo_make_late(order, days_late)
        except Exception as error:
            # demo data never fails the install: whatever the installed
            # policies refuse, the order stays a quotation
            _logger.warning(
                "Demo order %s left a quotation, no late delivery shown: %s",
                xmlid,
                error,
            )
            return False
        return bool(delays)

    @api.model
    def _demo_make_late(self, order, days_late=5):
        """See ``_demo_late_delivery``; returns the delays opened."""
        order = order.sudo()
        now = fields.Datetime.now()
        order.commitment_date = now - timedelta(days=days_late)
        rep = order.user_id or self.env.ref("base.user_admin")
        order.with_user(rep).action_request_approval()
        Request = self.env["sales.policy.approval.request"].sudo()
        for _round in range(5):
            pending = Request.search(
                [
                    ("res_model", "=", order._name),
                    ("res_id", "=", order.id),
                    ("state", "=", "pending"),
                ]
            )
            if not pending:
                break
            for request in pending:
                deciders = request._get_pending_deciders()
                if not deciders:
                    raise UserError(
                        self.env._(
                            "%(rule)s has no approver who may decide it.",
                            rule=request.rule_id.name,
                        )
                    )
                for approver in deciders:
                    if request.state != "pending":
                        break
                    request.with_user(approver).action_approve()
        order.with_user(rep).action_confirm()
        self.env.flush_all()
        rows = [
            row
            for row in self.env.execute_query(self._late_orders_query(now))
            if row[0] == order.id
        ]
        if not rows:
            _logger.warning(
                "Demo order %s confirmed but not late: no open delivery", order.name
            )
        return self._open_delays(rows)
