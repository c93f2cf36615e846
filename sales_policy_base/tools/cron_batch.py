# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scheduled actions that walk many records keep what they did.

A cron that walks many records (reminders, interest, escalation, re-grading,
commission generation, approval reminders) processes them batch by batch,
each batch in a savepoint: a batch that fails is retried record by record,
and a record that fails is logged and skipped. :class:`CronBatches` commits
the work every ``batch_size`` records, so that a worker timeout or a crash
later in the run loses nothing already done, and reports the progress to
Odoo's cron runner (``ir.cron._notify_progress``): a run that dies after
committing some batches is retried soon instead of counting as a failure,
and picks up what is left (each cron skips what it already did: a reminder
level is never given twice, an escalated customer is no longer Normal,
charged days are not charged again, a commission line is never generated
twice, a re-grade computes the grade afresh).

A cron must not commit inside a savepoint (the savepoint would be gone when
it is released): end the savepoint, then count the records.

Tests never commit: Odoo's test cursor must not (see :func:`may_commit`);
they may pass their own ``commit`` callable to see where the batches end.
"""

import threading

from odoo.modules import module


def may_commit():
    """Whether a cron may commit its transaction: not inside tests."""
    return not module.current_test and not getattr(
        threading.current_thread(), "testing", False
    )


class CronBatches:
    """Count the records a cron processed; commit every ``batch_size``.

    :param env: the cron's environment (its cursor is committed)
    :param batch_size: records per committed batch
    :param commit: what ends a batch; default (None): commit the cursor,
        except in tests; False: never commit; a callable is called instead
        (tests)
    """

    def __init__(self, env, batch_size, commit=None):
        if batch_size < 1:
            raise ValueError("A batch holds at least one record.")
        self.env = env
        self.batch_size = batch_size
        if commit is None:
            commit = env.cr.commit if may_commit() else False
        self._commit = commit or None
        self.todo = 0
        self.done = 0
        self.failed = 0
        self._pending = 0

    def expect(self, count):
        """``count`` more records are to be processed (the progress shown)."""
        self.todo += count

    def processed(self, count=1, failed=False):
        """``count`` records were processed (or failed and were skipped);
        ends the batch when it is full."""
        if failed:
            self.failed += count
        else:
            self.done += count
        self._pending += count
        if self._pending >= self.batch_size:
            self.flush()

    def flush(self):
        """End the current batch: report the progress and commit."""
        if not self._pending:
            return
        self._pending = 0
        handled = self.done + self.failed
        self.env["ir.cron"]._notify_progress(
            done=handled, remaining=max(self.todo - handled, 0)
        )
        if self._commit:
            self._commit()
