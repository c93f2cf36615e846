# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The commission generation cron keeps what it did: it goes on past an
invoice line whose commission the database refuses and ends a batch (a commit
outside tests) every ``batch_size`` invoice lines, without generating a line
twice when it runs again.

Tests must not commit: the cron takes a ``commit`` callable, called where it
would commit, which records what was done at that point. The refused line is
refused for real: a ``CHECK ... NOT VALID`` constraint added in the test's own
transaction (and rolled back with it) makes PostgreSQL refuse it, as a broken
row or a lock timeout would."""

from datetime import date

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import SalesCommissionCommon

GENERATOR_LOGGER = (
    "odoo.addons.sales_commission_policy.models.sales_commission_generator"
)
REFUSED = "sales_commission_policy_test_refused_line"


@tagged("post_install", "-at_install")
class TestCronBatches(SalesCommissionCommon):
    def _progress_env(self):
        """An environment as Odoo's cron runner gives it: with the run's
        progress record (``ir.cron._notify_progress`` writes there)."""
        cron = self.env.ref("sales_commission_policy.ir_cron_sales_commission_generate")
        progress = self.env["ir.cron.progress"].create({"cron_id": cron.id})
        env = self.env(context=dict(self.env.context, ir_cron_progress_id=progress.id))
        return env, progress

    def _refuse_commission_of(self, move_line):
        """PostgreSQL refuses a commission line of ``move_line`` from now on,
        in this test's transaction only."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE sales_commission_line ADD CONSTRAINT %s "
                "CHECK (move_line_id IS DISTINCT FROM %s) NOT VALID",
                SQL.identifier(REFUSED),
                move_line.id,
            )
        )

    def _accept_all(self):
        self.env.cr.execute(
            SQL(
                "ALTER TABLE sales_commission_line DROP CONSTRAINT %s",
                SQL.identifier(REFUSED),
            )
        )

    def test_generation_cron_commits_each_batch_and_skips_a_refused_line(self):
        """Five invoices of rep 2 in March, one line each, generated in
        batches of two; the third one's commission is refused."""
        self.plan.write(
            {
                "target_ids": [
                    Command.create({"user_id": self.rep_2.id, "amount": 10000})
                ],
                "tier_ids": [
                    Command.create({"threshold": 0.0, "rate": 0.0}),
                    Command.create({"threshold": 100.0, "rate": 2.0}),
                ],
            }
        )
        invoices = self.env["account.move"]
        for day, amount in ((2, 4000.0), (3, 4000.0), (4, 1000.0), (5, 4000.0)):
            invoices |= self._invoice(
                [(self.service, 1, amount)],
                partner=self.customer_c,
                invoice_date=date(2026, 3, day),
            )
        invoices |= self._invoice(
            [(self.service, 1, 1000.0)],
            partner=self.customer_c,
            invoice_date=date(2026, 3, 6),
        )
        broken = invoices[2]
        self._refuse_commission_of(broken.invoice_line_ids)
        env, progress = self._progress_env()
        checkpoints = []

        def commit():
            checkpoints.append((self._lines(invoices).move_id, progress.done))

        with (
            mute_logger("odoo.sql_db"),
            self.assertLogs(GENERATOR_LOGGER, "WARNING") as logs,
        ):
            env["sales.commission.line"]._cron_generate(batch_size=2, commit=commit)
        # batches [1, 2], [3 (refused), 4], [5]: each kept when it ends
        self.assertEqual(
            checkpoints,
            [
                (invoices[:2], 2),
                (invoices[:2] | invoices[3], 4),
                (invoices - broken, 5),
            ],
        )
        self.assertRecordValues(progress, [{"done": 5, "remaining": 0}])
        # default rate 2 %; target 10,000, +2 % above 100 % of it.
        # 4,000 -> 80 (achieved 4,000); 4,000 -> 80 (8,000); the refused
        # 1,000 is not achieved; 4,000 -> 80 + (12,000 - 10,000) * 2 % = 120;
        # 1,000 -> 20 + 1,000 * 2 % = 40 (13,000)
        self.assertRecordValues(
            self._lines(invoices),
            [
                {"move_id": invoices[0].id, "tier_amount": 0.0, "amount": 80.0},
                {"move_id": invoices[1].id, "tier_amount": 0.0, "amount": 80.0},
                {"move_id": invoices[3].id, "tier_amount": 40.0, "amount": 120.0},
                {"move_id": invoices[4].id, "tier_amount": 20.0, "amount": 40.0},
            ],
        )
        # the batch failed as a whole, then its lines were done one by one:
        # only the refused one is skipped, and logged
        self.assertEqual(logs.records[0].levelname, "WARNING")
        failures = [r for r in logs.records if r.levelname == "ERROR"]
        self.assertEqual(len(failures), 1)
        message = failures[0].getMessage()
        self.assertIn(broken.name, message)
        self.assertIn(str(broken.invoice_line_ids.id), message)
        # once the database accepts it, the next run generates it, and only
        # it: 1,000 more on the 13,000 achieved -> 20 + 1,000 * 2 % = 40
        self._accept_all()
        self.Line._cron_generate(batch_size=2, commit=False)
        self.assertRecordValues(
            self._lines(broken), [{"tier_amount": 20.0, "amount": 40.0}]
        )
        self.assertEqual(len(self._lines(invoices)), 5)
        self.Line._cron_generate(batch_size=2, commit=False)
        self.assertEqual(len(self._lines(invoices)), 5)

    def test_generation_cron_without_plans_commits_nothing(self):
        self.plan.active = False
        self._invoice([(self.pump, 1, 1000.0)])
        commits = []
        self.Line._cron_generate(batch_size=2, commit=lambda: commits.append(1))
        self.assertFalse(commits)
        self.assertFalse(self.Line.search([]))
