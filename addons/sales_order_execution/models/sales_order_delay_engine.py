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

The candidates come from one set-based query; the delays are created batch by
batch (``CronBatches``: commit per batch, a failing batch retried order by
order, a failing order logged and skipped).
"""

import logging

from odoo import api, fields, models
from odoo.tools import SQL, split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

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
        """Create the delays of ``rows`` (see ``_late_orders_query``), their
        activities and, where the company says so, their emails."""
        Delay = (
            self.env["sales.order.delay"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
        )
        delays = Delay.create(
            [
                {
                    "order_id": order_id,
                    "commitment_date": commitment,
                    "scheduled_date": scheduled,
                    "kind": "slipped" if slipped else "overdue",
                }
                for order_id, commitment, scheduled, slipped in rows
            ]
        )
        activity_type = self.env.ref(ACTIVITY_TYPE)
        model_id = self.env["ir.model"]._get_id(Delay._name)
        today = fields.Date.context_today(self)
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": delay.id,
                "activity_type_id": activity_type.id,
                "summary": self.env._(
                    "Late delivery: %(order)s, tell the customer",
                    order=delay.order_id.name,
                ),
                "user_id": delay.user_id.id,
                "date_deadline": today,
            }
            for delay in delays
            if delay.user_id
        ]
        if vals_list:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(vals_list)
        delays.filtered(
            lambda delay: delay.company_id.execution_send_delay_email
        )._execution_send_email()
        return delays
