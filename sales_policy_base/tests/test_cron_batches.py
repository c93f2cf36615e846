# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The re-grading and approval-reminder crons keep what they did: they go on
past a customer (or request) the database refuses and end a batch (a commit
outside tests) every ``batch_size`` records.

Tests must not commit: each cron takes a ``commit`` callable, called where it
would commit, which records what was done at that point. The refused record
is refused for real: a ``CHECK ... NOT VALID`` constraint added in the test's
own transaction (and rolled back with it) makes PostgreSQL refuse its update,
as a broken row or a lock timeout would."""

from datetime import timedelta

from odoo_test_helper import FakeModelLoader

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..models.sales_grading_engine import SalesGradingEngine
from ..tools.cron_batch import CronBatches, may_commit
from .common import SalesPolicyCommon, create_grading_policy

ENGINE_LOGGER = "odoo.addons.sales_policy_base.models.sales_grading_engine"
REQUEST_LOGGER = "odoo.addons.sales_policy_base.models.sales_policy_approval_request"
REFUSED = "sales_policy_base_test_refused_row"
MANAGER = "sales_policy_base.group_sales_policy_manager"


@tagged("post_install", "-at_install")
class TestCronBatches(SalesPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = create_grading_policy(cls.env, cls.company)
        # intent 100 and ability 100: 20 + 20 = 40 points, grade B
        cls.customers = cls.env["res.partner"].create(
            [
                {
                    "name": f"Batch Customer {index}",
                    "is_company": True,
                    "company_id": cls.company.id,
                    "sales_purchase_intent": 100,
                    "sales_purchase_ability": 100,
                }
                for index in range(5)
            ]
        )
        cls.broken = cls.customers[2]

    def _progress_env(self, cron_xmlid):
        """An environment as Odoo's cron runner gives it: with the run's
        progress record (``ir.cron._notify_progress`` writes there)."""
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref(cron_xmlid).id}
        )
        env = self.env(context=dict(self.env.context, ir_cron_progress_id=progress.id))
        return env, progress

    def _refuse_updates(self, table, condition):
        """PostgreSQL refuses to write a row matching ``condition`` (an SQL
        boolean) from now on, in this test's transaction only."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE %s ADD CONSTRAINT %s CHECK (NOT (%s)) NOT VALID",
                SQL.identifier(table),
                SQL.identifier(REFUSED),
                condition,
            )
        )

    def _allow_updates(self, table):
        self.env.cr.execute(
            SQL(
                "ALTER TABLE %s DROP CONSTRAINT %s",
                SQL.identifier(table),
                SQL.identifier(REFUSED),
            )
        )

    def test_tests_never_commit(self):
        self.assertFalse(may_commit())
        self.assertIsNone(CronBatches(self.env, 2)._commit)

    def test_regrade_cron_commits_each_batch_and_skips_a_refused_customer(self):
        Partner = self.env["res.partner"]
        # the customers the cron walks, in its order (the fixture's come last:
        # created last, walked by id)
        walk = (
            SalesGradingEngine(Partner.sudo().with_company(self.company))
            .prepare_company(self.policy, None, True)["records"]
            .ids
        )
        self.assertEqual(walk[-5:], self.customers.ids)
        # the database refuses to store the broken customer's grade
        self._refuse_updates(
            "res_partner",
            SQL(
                "id = %s AND sales_grade_details IS NOT NULL",
                self.broken.id,
            ),
        )
        env, progress = self._progress_env(
            "sales_policy_base.ir_cron_sales_grade_regrade"
        )
        checkpoints = []

        def commit():
            graded = self.customers.filtered("sales_grade")
            checkpoints.append((progress.done, graded.ids))

        with (
            mute_logger("odoo.sql_db"),
            self.assertLogs(ENGINE_LOGGER, "WARNING") as logs,
        ):
            env["res.partner"]._cron_sales_regrade(batch_size=2, commit=commit)
        # one commit per batch of two customers walked (the last one may be
        # shorter), each keeping the customers graded so far
        expected = []
        for end in range(2, len(walk) + 2, 2):
            done = walk[: min(end, len(walk))]
            good = [pid for pid in self.customers.ids if pid in done]
            expected.append((len(done), [p for p in good if p != self.broken.id]))
        self.assertEqual(checkpoints, expected)
        self.assertRecordValues(progress, [{"done": len(walk), "remaining": 0}])
        self.assertEqual(
            (self.customers - self.broken).mapped("sales_grade"), ["b"] * 4
        )
        self.assertFalse(self.broken.sales_grade)
        self.assertFalse(self.broken.sales_grade_details)
        # the batch failed as a whole, then its customers were graded one by
        # one: only the broken one is skipped, and logged with its id
        failures = [r for r in logs.records if r.levelname == "ERROR"]
        self.assertEqual(len(failures), 1)
        self.assertIn(f"customer {self.broken.id} ", failures[0].getMessage())
        self.assertIn(self.broken.id, logs.records[0].args[0])
        # once the database accepts it, the next run grades it
        self._allow_updates("res_partner")
        Partner._cron_sales_regrade(batch_size=2, commit=False)
        self.assertEqual(self.broken.sales_grade, "b")

    def test_regrade_cron_batch_size_from_system_parameter(self):
        Partner = self.env["res.partner"]
        self.assertEqual(Partner._sales_regrade_batch_size(), 5000)
        self.env["ir.config_parameter"].set_param(
            "sales_policy_base.regrade_batch_size", "3"
        )
        self.assertEqual(Partner._sales_regrade_batch_size(), 3)
        commits = []
        Partner._cron_sales_regrade(commit=lambda: commits.append(True))
        self.assertEqual(self.customers.mapped("sales_grade"), ["b"] * 5)
        self.assertTrue(commits)
        self.env["ir.config_parameter"].set_param(
            "sales_policy_base.regrade_batch_size", "many"
        )
        self.assertEqual(Partner._sales_regrade_batch_size(), 5000)


@tagged("post_install", "-at_install")
class TestReminderCronBatches(SalesPolicyCommon):
    """The approval reminder cron on the engine's test-only document."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import SalesPolicyTestDocument

        cls.loader.update_registry((SalesPolicyTestDocument,))
        model = cls.env["ir.model"]._get("sales.policy.test.document")
        cls.env["ir.model.access"].create(
            {
                "name": "test document, users",
                "model_id": model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
            }
        )
        Rule = cls.env["sales.policy.approval.rule"]
        Rule.search([]).active = False
        Rule.create(
            {
                "name": "Needs a manager",
                "model_id": model.id,
                "approver_type": "group",
                "approver_group_id": cls.env.ref(MANAGER).id,
            }
        )
        cls.company.sales_policy_approval_reminder_days = 2

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def test_reminder_cron_commits_each_batch_and_skips_a_refused_request(self):
        Request = self.env["sales.policy.approval.request"]
        documents = self.env["sales.policy.test.document"].with_user(self.rep)
        documents = documents.create([{"name": f"Doc {i}"} for i in range(5)])
        documents.action_request_approval()
        requests = Request.search(
            [("res_model", "=", documents._name), ("res_id", "in", documents.ids)],
            order="id",
        )
        self.assertEqual(len(requests), 5)
        requests.sudo().request_date = fields.Datetime.now() - timedelta(days=3)
        broken = requests[2]
        # the database refuses to record the broken request's reminder
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE sales_policy_approval_request ADD CONSTRAINT %s "
                "CHECK (id <> %s OR reminder_date IS NULL) NOT VALID",
                SQL.identifier(REFUSED),
                broken.id,
            )
        )
        checkpoints = []

        def commit():
            checkpoints.append(requests.filtered("reminder_date").ids)

        with (
            mute_logger("odoo.sql_db"),
            self.assertLogs(REQUEST_LOGGER, "ERROR") as logs,
        ):
            Request._cron_remind_approvers(batch_size=2, commit=commit)
        # batches of two in the search order (newest first): [5, 4], [3
        # (refused), 2], [1]
        ids = requests.ids
        self.assertEqual(
            checkpoints, [[ids[3], ids[4]], [ids[1], ids[3], ids[4]], ids[:2] + ids[3:]]
        )
        self.assertEqual(len(logs.records), 1)
        self.assertIn(str(broken.id), logs.records[0].getMessage())
        self.assertFalse(broken.reminder_date)
        # each of the others got its reminder
        self.assertEqual(
            len(
                (requests - broken).message_ids.filtered(lambda m: "Reminder" in m.body)
            ),
            4,
        )
