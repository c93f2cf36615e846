# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import DEFAULT_JOB_SIZE


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_policy_batch_as_jobs = fields.Boolean(
        string="Run Policy Batches as Queue Jobs",
        config_parameter="sales_policy_queue.batch_as_jobs",
        help="The monthly re-grading cron enqueues one job per chunk of customers "
        "on the sales_policy channel instead of grading them itself: each job "
        "commits on its own, a failed chunk is retried alone and a restart loses "
        "nothing done. Needs Odoo's job runner (server_wide_modules with "
        "queue_job). Off: the cron grades in committed batches itself (small "
        "databases).",
    )
    sales_policy_job_size = fields.Integer(
        string="Records per Job",
        config_parameter="sales_policy_queue.job_size",
        default=DEFAULT_JOB_SIZE,
    )

    @api.constrains("sales_policy_job_size")
    def _check_sales_policy_job_size(self):
        for settings in self:
            if settings.sales_policy_job_size < 1:
                raise ValidationError(
                    self.env._(
                        "A policy job handles at least one record; enter a "
                        "positive number of records per job."
                    )
                )
