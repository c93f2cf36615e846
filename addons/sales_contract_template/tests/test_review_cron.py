# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ContractTemplateCommon

REVIEW = "sales_contract_template.mail_activity_type_contract_review"


@tagged("post_install", "-at_install")
class TestReviewCron(ContractTemplateCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["sales.contract.template"])
        cls.company.contract_review_months = 6
        cls.company.contract_review_user_id = cls.legal_reviewer
        # B: in force for 7 months (due); the A and C versions above started
        # on 1 January 2026
        cls.template_b = cls.Template.create(
            {"name": "Growth Contract", "class_type": "grade", "grade": "b"}
        )
        cls.version_b = cls._published(
            cls.template_b,
            "B old",
            cls.today - relativedelta(months=7),
            "<p>B terms</p>",
        )
        # D: published a month ago (not due)
        cls.template_d = cls.Template.create(
            {
                "name": "Distribution",
                "class_type": "category",
                "category_id": cls.env["res.partner.category"]
                .create({"name": "Distributor"})
                .id,
            }
        )
        cls._published(
            cls.template_d,
            "D new",
            cls.today - relativedelta(months=1),
            "<p>D terms</p>",
        )
        # the publications stamped a review today: the clock runs from the
        # version's start in these tests
        (
            cls.template_a | cls.template_b | cls.template_c | cls.template_d
        ).sudo()._transition({"last_review_date": False, "last_reviewed_by_id": False})

    def _reviews(self, templates):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "sales.contract.template"),
                ("res_id", "in", templates.ids),
                ("activity_type_id", "=", self.env.ref(REVIEW).id),
            ]
        )

    def _due_expected(self):
        """A and C (from 1 Jan 2026) are due when 6 months have passed."""
        due = self.template_b
        if self.version_a.date_from + relativedelta(months=6) <= self.today:
            due |= self.template_a | self.template_c
        return due

    def test_cron_creates_one_review_per_due_template_and_is_idempotent(self):
        templates = (
            self.template_a | self.template_b | self.template_c | self.template_d
        )
        self.Template._cron_review_due()
        reviews = self._reviews(templates)
        due = self._due_expected()
        self.assertEqual(sorted(reviews.mapped("res_id")), sorted(due.ids))
        self.assertEqual(reviews.user_id, self.legal_reviewer)
        self.Template._cron_review_due()
        self.assertEqual(self._reviews(templates), reviews)

    def test_confirming_the_review_stamps_it_and_closes_the_activity(self):
        self.Template._cron_review_due()
        self.assertEqual(len(self._reviews(self.template_b)), 1)
        self.template_b.with_user(self.legal_reviewer).action_confirm_review()
        self.assertRecordValues(
            self.template_b,
            [
                {
                    "last_review_date": self.today,
                    "last_reviewed_by_id": self.legal_reviewer.id,
                }
            ],
        )
        self.assertFalse(self._reviews(self.template_b))
        # reviewed today: not due again
        self.Template._cron_review_due()
        self.assertFalse(self._reviews(self.template_b))

    def test_publishing_a_new_version_completes_the_review(self):
        self.Template._cron_review_due()
        self._published(self.template_b, "B new", self.today, "<p>B new terms</p>")
        self.assertFalse(self._reviews(self.template_b))
        self.assertEqual(self.version_b.state, "superseded")
        self.assertEqual(self.template_b.last_review_date, self.today)

    def test_review_period_is_a_setting(self):
        self.company.contract_review_months = 1
        self.Template._cron_review_due()
        self.assertEqual(len(self._reviews(self.template_d)), 1)

    def test_rep_cannot_confirm_or_stamp_a_review(self):
        with self.assertRefused(UserError, "legal reviewer"):
            self.template_b.with_user(self.rep).action_confirm_review()
        with self.assertRefused(UserError, "SP-CTR-03"):
            self.template_b.with_user(self.manager).write(
                {"last_review_date": self.today}
            )
        self.assertFalse(self.template_b.last_review_date)
