# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's cron idiom (``CronBatches``) for this module's reminders.

Each batch runs in a savepoint; a failing batch is retried record by record,
a failing record is logged and skipped, and the work is committed every
``batch_size`` records (never in tests, see ``may_commit``).
"""

import logging

from odoo.tools import split_every

from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

_logger = logging.getLogger(__name__)


def run_in_batches(records, handle, batch_size=200, commit=None):
    """Call ``handle(batch)`` over ``records``; return (done, failed)."""
    env = records.env
    batches = CronBatches(env, batch_size, commit=commit)
    batches.expect(len(records))
    for batch in split_every(batch_size, records.ids, records.browse):
        try:
            with env.cr.savepoint():
                handle(batch)
        except Exception:
            for record in batch:
                failed = False
                try:
                    with env.cr.savepoint():
                        handle(record)
                except Exception:
                    failed = True
                    _logger.exception("%s %s: reminder failed", record._name, record.id)
                batches.processed(failed=failed)
        else:
            batches.processed(len(batch))
    batches.flush()
    return batches.done, batches.failed
