# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The re-grading cron as queue jobs: the cron enqueues, the jobs grade."""

from odoo import api, models
from odoo.tools import split_every

from odoo.addons.queue_job.job import identity_exact
from odoo.addons.sales_policy_base.models.sales_grading_engine import (
    SalesGradingEngine,
)

#: customers per job when the setting is empty
DEFAULT_JOB_SIZE = 1000
CHANNEL = "root.sales_policy"


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _sales_policy_jobs_enabled(self):
        return bool(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("sales_policy_queue.batch_as_jobs")
        )

    @api.model
    def _sales_policy_job_size(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("sales_policy_queue.job_size")
        )
        try:
            size = int(value or 0)
        except ValueError:
            size = 0
        return size if size > 0 else DEFAULT_JOB_SIZE

    @api.model
    def _cron_sales_regrade(self, batch_size=None, commit=None):
        """With the setting on: enqueue one job per chunk of each company's
        customers (the same customers the synchronous run grades) and return;
        the jobs grade them. Off: the synchronous run of ``sales_policy_base``."""
        if not self._sales_policy_jobs_enabled():
            return super()._cron_sales_regrade(batch_size=batch_size, commit=commit)
        return self._sales_regrade_enqueue(batch_size or self._sales_policy_job_size())

    @api.model
    def _sales_regrade_enqueue(self, size):
        """Enqueue the re-grading jobs; returns their count."""
        policies = self.env["sales.grading.policy"]._get_company_policies()
        count = 0
        for company_id in sorted(policies):
            company = self.env["res.company"].browse(company_id)
            ids = self._sales_regrade_candidates(company, policies)
            for chunk in split_every(size, ids):
                self.with_company(company).with_delay(
                    channel=CHANNEL,
                    description=self.env._(
                        "Re-grade %(count)s customers of %(company)s",
                        count=len(chunk),
                        company=company.name,
                    ),
                    # the same chunk enqueued twice (a cron run retried) runs once
                    identity_key=identity_exact,
                )._sales_regrade_job(list(chunk))
                count += 1
        return count

    @api.model
    def _sales_regrade_candidates(self, company, policies):
        """Ids of the customers a cron run grades for ``company``, as the
        grading engine selects them (one source of truth: its own query)."""
        shared = self._sales_grade_shared_company(policies)
        engine = SalesGradingEngine(self.sudo().with_company(company))
        run = engine.prepare_company(
            policies[company.id], None, with_shared=company.id == shared
        )
        return run["records"].ids

    @api.model
    def _sales_regrade_job(self, partner_ids):
        """One job: grade these customers afresh (idempotent: grading twice
        gives the same grade and no second history row)."""
        partners = self.browse(partner_ids).exists()
        if partners:
            self._sales_regrade(partners=partners, source="cron")
        return self.env._("%(count)s customers graded", count=len(partners))
