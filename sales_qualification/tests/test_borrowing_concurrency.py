# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
import uuid
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, sql_db
from odoo.api import Transaction
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestBorrowingConcurrency(TransactionCase):
    """Two managers approve two requests for one certificate at the same time.

    The test transaction is invisible to other connections, so the fixture is
    committed with a separate cursor and removed again in a cleanup.
    """

    def _real_cursor(self):
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        # Never hang the suite on an unexpected lock.
        cr.execute("SET lock_timeout = '10s'")
        return cr

    def _commit_fixture(self):
        approver = self.env.ref("base.user_admin")
        self.assertTrue(
            approver.has_group("sales_policy_base.group_sales_policy_manager")
        )
        today = fields.Date.today()
        with self._real_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            qualification = env["sales.qualification"].create(
                {
                    "name": "Concurrency certificate",
                    "number": f"CONC-{uuid.uuid4().hex[:12]}",
                    "issue_date": today - timedelta(days=10),
                    "expiry_date": today + timedelta(days=400),
                    "state": "active",
                }
            )
            # Borrowed by the superuser: nobody approves their own request, and
            # the administrator is the only manager of this database.
            loans = env["sales.qualification.loan"].create(
                [
                    {
                        "qualification_id": qualification.id,
                        "purpose": f"Tender {index}",
                    }
                    for index in range(2)
                ]
            )
            cr.commit()  # pylint: disable=invalid-commit
            fixture = (qualification.id, loans.ids)
        self.addCleanup(self._remove_fixture, *fixture)
        return approver.id, fixture

    def _remove_fixture(self, qualification_id, loan_ids):
        with self._real_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["sales.qualification"].browse(qualification_id).write(
                {"current_loan_id": False}
            )
            env["sales.policy.approval.request"].search(
                [
                    ("res_model", "=", "sales.qualification.loan"),
                    ("res_id", "in", loan_ids),
                ]
            ).unlink()
            env["sales.qualification.loan"].browse(loan_ids).unlink()
            env["sales.qualification"].browse(qualification_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_concurrent_approvals_of_one_certificate_only_one_succeeds(self):
        approver_id, (qualification_id, loan_ids) = self._commit_fixture()
        barrier = threading.Barrier(2, timeout=30)
        results = {}
        registry = self.env.registry

        def approve(loan_id):
            try:
                with self._real_cursor() as cr:
                    # The registry lock is held while tests run: hand the
                    # registry over instead of looking it up by name.
                    cr.transaction = Transaction(registry)
                    env = api.Environment(cr, approver_id, {})
                    loan = env["sales.qualification.loan"].browse(loan_id)
                    # Both snapshots start before the race.
                    loan.read(["state"])
                    barrier.wait()
                    try:
                        loan.action_approval_approve()
                        cr.commit()  # pylint: disable=invalid-commit
                        results[loan_id] = "approved"
                    except UserError as error:
                        cr.rollback()
                        results[loan_id] = str(error)
            except Exception as error:  # pragma: no cover - reported below
                results[loan_id] = f"unexpected {error!r}"

        threads = [threading.Thread(target=approve, args=(i,)) for i in loan_ids]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
                self.assertFalse(thread.is_alive(), "an approval hung")
        self.assertEqual(len(results), 2, results)
        outcomes = sorted(results.values())
        self.assertEqual(outcomes.count("approved"), 1, results)
        loser = next(text for text in outcomes if text != "approved")
        self.assertRegex(
            loser,
            "Concurrency certificate (is being lent by someone else right now"
            "|is already lent)",
        )
        with self._real_cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            loans = env["sales.qualification.loan"].browse(loan_ids)
            self.assertEqual(sorted(loans.mapped("state")), ["approved", "requested"])
            winner = loans.filtered(lambda loan: loan.state == "approved")
            self.assertEqual(
                env["sales.qualification"].browse(qualification_id).current_loan_id,
                winner,
            )
