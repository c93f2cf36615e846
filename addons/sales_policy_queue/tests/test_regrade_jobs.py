# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.queue_job.job import Job
from odoo.addons.sales_policy_base.tests.test_customer_grading import GradingCommon

CHANNEL = "root.sales_policy"


@tagged("post_install", "-at_install")
class TestRegradeJobs(GradingCommon):
    """Weights: revenue 40, frequency 20, intent 20, ability 20; A from 70, B
    from 40 (see GradingCommon). Without orders a customer scores
    intent x 0.2 + ability x 0.2: (100, 100) -> 40 = B; (30, 20) -> 10 = C."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customers = cls.env["res.partner"].create(
            [
                {
                    "name": f"Queued Customer {index}",
                    "is_company": True,
                    "company_id": cls.company.id,
                    "customer_rank": 1,
                    "sales_purchase_intent": intent,
                    "sales_purchase_ability": ability,
                }
                for index, (intent, ability) in enumerate(
                    [(100, 100), (100, 100), (30, 20), (100, 100), (30, 20)]
                )
            ]
        )
        cls.params = cls.env["ir.config_parameter"].sudo()
        cls.params.set_param("sales_policy_queue.batch_as_jobs", "1")
        cls.params.set_param("sales_policy_queue.job_size", "2")

    def _jobs(self):
        return self.env["queue.job"].search(
            [("channel", "=", CHANNEL), ("method_name", "=", "_sales_regrade_job")],
            order="id",
        )

    def _perform(self, jobs):
        for job in jobs:
            Job.load(self.env, job.uuid).perform()

    def test_cron_enqueues_one_job_per_chunk_and_grades_nothing_itself(self):
        Partner = self.env["res.partner"]
        candidates = Partner._sales_regrade_candidates(
            self.company,
            self.env["sales.grading.policy"]._get_company_policies(),
        )
        self.assertLessEqual(set(self.customers.ids), set(candidates))
        Partner._cron_sales_regrade()
        jobs = self._jobs()
        # chunks of 2: ceil(n / 2) jobs, every candidate in exactly one
        self.assertEqual(len(jobs), (len(candidates) + 1) // 2)
        queued = [pid for job in jobs for pid in job.args[0]]
        self.assertEqual(sorted(queued), sorted(candidates))
        self.assertEqual(set(jobs.mapped("state")), {"pending"})
        self.assertEqual(set(self.customers.mapped("sales_grade")), {False})

        self._perform(jobs)
        self.assertEqual(
            self.customers.mapped("sales_grade"), ["b", "b", "c", "b", "c"]
        )

    def test_a_retried_chunk_has_no_double_effect(self):
        Partner = self.env["res.partner"]
        Partner._cron_sales_regrade()
        jobs = self._jobs()
        self._perform(jobs)
        history = self.env["sales.grade.history"].search_count(
            [("partner_id", "in", self.customers.ids)]
        )
        self.assertEqual(history, 5)  # one grade each
        # the runner retries a chunk (e.g. after a worker died): same result
        self._perform(jobs)
        self.assertEqual(
            self.env["sales.grade.history"].search_count(
                [("partner_id", "in", self.customers.ids)]
            ),
            history,
        )
        self.assertEqual(
            self.customers.mapped("sales_grade"), ["b", "b", "c", "b", "c"]
        )

    def test_cron_run_twice_enqueues_each_chunk_once(self):
        Partner = self.env["res.partner"]
        Partner._cron_sales_regrade()
        first = self._jobs()
        Partner._cron_sales_regrade()
        self.assertEqual(self._jobs(), first)

    def test_a_job_for_a_deleted_customer_grades_the_others(self):
        ghost = self.customers[4]
        ids = self.customers.ids
        ghost.unlink()
        self.env["res.partner"]._sales_regrade_job(ids)
        self.assertEqual(self.customers[:4].mapped("sales_grade"), ["b", "b", "c", "b"])

    def test_setting_off_grades_in_the_cron_itself(self):
        self.params.set_param("sales_policy_queue.batch_as_jobs", "")
        self.env["res.partner"]._cron_sales_regrade()
        self.assertFalse(self._jobs())
        self.assertEqual(
            self.customers.mapped("sales_grade"), ["b", "b", "c", "b", "c"]
        )

    def test_job_size_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "at least one record"):
            self.env["res.config.settings"].create({"sales_policy_job_size": 0})
