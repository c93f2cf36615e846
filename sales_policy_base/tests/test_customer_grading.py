# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SalesPolicyCommon, create_grading_policy


class GradingCommon(SalesPolicyCommon):
    """One active grading policy for the company; no orders (this module
    knows none): customers are graded on intent and ability.

    Weights: revenue 40, frequency 20, intent 20, ability 20; A from 70, B from 40.
    The rep and the manager have "Contact Creation", as Odoo's default internal
    user has: they may edit partners, and only the grading rules stop them.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact_creation = cls.env.ref("base.group_partner_manager")
        (cls.rep | cls.manager).write(
            {"groups_id": [Command.link(contact_creation.id)]}
        )
        cls.policy = create_grading_policy(
            cls.env,
            cls.company,
            visit_interval_a=7,
            visit_interval_b=30,
            visit_interval_c=90,
            contract_template_a="Framework agreement",
            sample_fee_a="waived",
            sample_fee_c="charged",
        )
        Partner = cls.env["res.partner"]
        cls.prospect = Partner.create(
            {
                "name": "Keen Prospect",
                "is_company": True,
                "company_id": cls.company.id,
                "sales_purchase_intent": 100,
                "sales_purchase_ability": 100,
            }
        )
        cls.prospect_contact = Partner.create(
            {"name": "Buyer at Keen Prospect", "parent_id": cls.prospect.id}
        )
        cls.customer = Partner.create(
            {
                "name": "Small Customer",
                "is_company": True,
                "company_id": cls.company.id,
                "customer_rank": 1,
                "sales_purchase_intent": 30,
                "sales_purchase_ability": 20,
            }
        )

    def _history(self, partner):
        return self.env["sales.grade.history"].search(
            [("partner_id", "=", partner.id)], order="id"
        )


@tagged("post_install", "-at_install")
class TestGradingPolicy(GradingCommon):
    def test_weights_adding_up_to_100_are_accepted(self):
        self.policy.write({"weight_revenue": 50, "weight_frequency": 10})
        self.assertEqual(self.policy.weight_revenue, 50)

    def test_weights_not_adding_up_to_100_are_refused(self):
        with self.assertRefused(ValidationError, "must add up to 100"):
            self.policy.weight_revenue = 50  # 50 + 20 + 20 + 20 = 110
        with self.assertRefused(ValidationError, "must add up to 100"):
            self.policy.write({"weight_revenue": 80, "weight_intent": -20})

    def test_a_threshold_must_be_above_b_threshold(self):
        self.policy.write({"a_threshold": 60, "b_threshold": 30})
        with self.assertRefused(ValidationError, "must be higher than"):
            self.policy.write({"a_threshold": 40, "b_threshold": 40})
        with self.assertRefused(ValidationError, "must be higher than"):
            self.policy.a_threshold = 120

    def test_full_marks_must_be_positive(self):
        with self.assertRefused(ValidationError, "must be positive"):
            self.policy.revenue_full_marks = 0

    def test_negative_visit_interval_is_refused(self):
        self.policy.visit_interval_c = 0
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.policy.visit_interval_c = -1

    def test_one_active_policy_per_company(self):
        with self.assertRefused(ValidationError, "one active grading policy"):
            self.env["sales.grading.policy"].create(
                {"name": "Second", "company_id": self.company.id}
            )
        self.policy.active = False
        second = self.env["sales.grading.policy"].create(
            {"name": "Second", "company_id": self.company.id}
        )
        self.assertTrue(second.active)
        with self.assertRefused(ValidationError, "one active grading policy"):
            self.policy.active = True

    def test_only_policy_admins_edit_the_policy(self):
        self.assertEqual(
            self.policy.with_user(self.rep).a_threshold, 70
        )  # everyone reads it
        for user in (self.rep, self.manager):
            with self.assertRaises(AccessError):
                self.policy.with_user(user).a_threshold = 50
        self.policy.with_user(self.policy_admin).a_threshold = 75
        self.assertEqual(self.policy.a_threshold, 75)

    def test_grading_window_is_a_positive_number_of_months(self):
        self.company.sales_grade_window_months = 6
        with self.assertRefused(ValidationError, "grading window"):
            self.company.sales_grade_window_months = 0


@tagged("post_install", "-at_install")
class TestCustomerGrading(GradingCommon):
    def test_prospect_without_orders_is_graded_on_intent_and_ability(self):
        self.env["res.partner"]._sales_regrade()
        # prospect: revenue 0, orders 0, intent 100 x 20% = 20, ability 100 x 20%
        # = 20; total 40 = B threshold: B.
        # customer: intent 30 x 20% = 6, ability 20 x 20% = 4; total 10: C.
        self.assertRecordValues(
            self.prospect | self.prospect_contact | self.customer,
            [
                {"sales_grade": "b", "sales_grade_score": 40.0},
                {"sales_grade": "b", "sales_grade_score": 40.0},  # contacts follow
                {"sales_grade": "c", "sales_grade_score": 10.0},
            ],
        )
        self.assertEqual(
            self.prospect.sales_grade_details["criteria"]["intent"],
            {"value": 100, "score": 100.0, "weight": 20.0, "points": 20.0},
        )
        explanation = self.prospect.sales_grade_explanation
        self.assertIn(
            "Purchase intent: 100, scores 100.00/100 x weight 20%", explanation
        )
        self.assertIn("Total 40.00 points", explanation)
        self.assertIn("grade B (A from 70.00, B from 40.00 points)", explanation)

    def test_grade_change_is_recorded_in_the_history(self):
        self.env["res.partner"]._sales_regrade(source="manual")
        self.assertRecordValues(
            self._history(self.prospect),
            [{"old_grade": False, "new_grade": "b", "score": 40.0, "source": "manual"}],
        )
        self.prospect.sales_purchase_ability = 0  # 20 points: C
        changed = self.env["res.partner"]._sales_regrade()
        self.assertEqual(changed, self.prospect)
        self.assertRecordValues(
            self._history(self.prospect)[-1],
            [{"old_grade": "b", "new_grade": "c", "score": 20.0, "source": "cron"}],
        )

    def test_regrading_writes_only_the_changes(self):
        Partner = self.env["res.partner"]
        Partner._sales_regrade()
        history_count = self.env["sales.grade.history"].search_count([])
        self.assertFalse(Partner._sales_regrade())
        self.assertEqual(
            self.env["sales.grade.history"].search_count([]), history_count
        )

    def test_regrade_queries_do_not_grow_with_the_partners(self):
        Partner = self.env["res.partner"]

        def regrade_queries(intent):
            # every assessed partner moves to the other grade at each run
            Partner.search([("sales_purchase_intent", ">", 0)]).write(
                {"sales_purchase_intent": intent, "sales_purchase_ability": intent}
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Partner._sales_regrade()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        regrade_queries(100)
        few = regrade_queries(10)
        Partner.create(
            [
                {
                    "name": f"Prospect {index}",
                    "is_company": True,
                    "company_id": self.company.id,
                    "sales_purchase_intent": 10,
                }
                for index in range(30)
            ]
        )
        regrade_queries(100)
        self.assertEqual(regrade_queries(10), few)

    def test_grade_terms_follow_the_grade(self):
        self.prospect.sales_purchase_ability = 0
        self.customer.write(
            {"sales_purchase_intent": 100, "sales_purchase_ability": 100}
        )
        self.policy.write(
            {
                "weight_revenue": 0,
                "weight_frequency": 0,
                "weight_intent": 50,
                "weight_ability": 50,
            }
        )
        self.env["res.partner"]._sales_regrade()
        # customer: 100 x 50% + 100 x 50% = 100: A; prospect: 100 x 50% = 50: B
        self.assertRecordValues(
            self.customer | self.prospect,
            [
                {
                    "sales_grade": "a",
                    "sales_grade_visit_interval_days": 7,
                    "sales_grade_contract_template": "Framework agreement",
                    "sales_grade_sample_fee": "waived",
                },
                {
                    "sales_grade": "b",
                    "sales_grade_visit_interval_days": 30,
                    "sales_grade_contract_template": False,
                    "sales_grade_sample_fee": "charged",
                },
            ],
        )

    def test_intent_and_ability_are_scores_from_0_to_100(self):
        self.customer.with_user(self.rep).sales_purchase_intent = 100
        with self.assertRefused(ValidationError, "scores from 0 to 100"):
            self.customer.with_user(self.rep).sales_purchase_intent = 101
        with self.assertRefused(ValidationError, "scores from 0 to 100"):
            self.customer.sales_purchase_ability = -1

    def test_monthly_cron_grades_the_customers(self):
        self.env["res.partner"]._cron_sales_regrade()
        self.assertEqual(self.prospect.sales_grade, "b")
        self.assertEqual(self._history(self.prospect).source, "cron")

    def test_partners_of_a_company_without_policy_are_not_graded(self):
        other = self.env["res.partner"].create(
            {
                "name": "B Prospect",
                "company_id": self.company_b.id,
                "sales_purchase_intent": 100,
            }
        )
        self.env["res.partner"]._sales_regrade()
        self.assertFalse(other.sales_grade)

    def test_regrade_now_on_a_policy_grades_its_company_only(self):
        self.policy.copy({"name": "Company B Grading", "company_id": self.company_b.id})
        other = self.env["res.partner"].create(
            {
                "name": "B Prospect",
                "company_id": self.company_b.id,
                "sales_purchase_intent": 100,
            }
        )
        self.policy.action_regrade()
        # intent 100 x 20% + ability 100 x 20% = 40: B
        self.assertEqual(self.prospect.sales_grade, "b")
        self.assertFalse(other.sales_grade)


@tagged("post_install", "-at_install")
class TestGradeOverride(GradingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner"]._sales_regrade()

    def test_manager_overrides_a_grade_with_a_reason(self):
        self.customer.with_user(self.manager).write(
            {
                "sales_grade_override": "a",
                "sales_grade_override_reason": "Strategic account of the group",
            }
        )
        self.assertRecordValues(self.customer, [{"sales_grade": "a"}])
        self.assertRecordValues(
            self._history(self.customer)[-1],
            [
                {
                    "old_grade": "c",
                    "new_grade": "a",
                    "source": "override",
                    "reason": "Strategic account of the group",
                    "user_id": self.manager.id,
                }
            ],
        )
        self.assertIn(
            "Overridden by a sales manager to grade A",
            self.customer.sales_grade_explanation,
        )
        # re-grading keeps the override but still computes the score
        self.customer.sales_purchase_intent = 50  # 50 x 20% + 4 = 14
        self.env["res.partner"]._sales_regrade()
        self.assertRecordValues(
            self.customer, [{"sales_grade": "a", "sales_grade_score": 14.0}]
        )
        # cleared: back to the policy's grade
        self.customer.with_user(self.manager).sales_grade_override = False
        self.assertEqual(self.customer.sales_grade, "c")
        self.assertEqual(self._history(self.customer)[-1].new_grade, "c")

    def test_rep_cannot_override_or_set_a_grade(self):
        rep_customer = self.customer.with_user(self.rep)
        with self.assertRefused(AccessError, "Only sales managers"):
            rep_customer.write(
                {"sales_grade_override": "a", "sales_grade_override_reason": "Nice"}
            )
        with self.assertRefused(AccessError, "Only sales managers"):
            rep_customer.sales_grade = "a"
        with self.assertRefused(AccessError, "Only sales managers"):
            self.env["res.partner"].with_user(self.rep).create(
                {"name": "Self-graded", "sales_grade": "a"}
            )
        self.assertEqual(self.customer.sales_grade, "c")

    def test_override_without_reason_is_refused(self):
        with self.assertRefused(ValidationError, "needs a reason"):
            self.customer.with_user(self.manager).sales_grade_override = "a"

    def test_only_managers_regrade_now(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.rep).action_sales_regrade()
        with self.assertRaises(AccessError):
            self.policy.with_user(self.rep).action_regrade()
        self.customer.sales_purchase_intent = 100  # 20 + 4 = 24: still C
        self.customer.with_user(self.manager).action_sales_regrade()
        self.assertEqual(self.customer.sales_grade_score, 24.0)
        self.customer.sales_purchase_ability = 100  # 20 + 20 = 40: B
        action = self.policy.with_user(self.manager).action_regrade()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.customer.sales_grade, "b")

    def test_grade_history_is_read_only_for_reps_and_managers(self):
        history = self._history(self.prospect)
        self.assertEqual(history.with_user(self.rep).new_grade, "b")
        for user in (self.rep, self.manager):
            with self.assertRaises(AccessError):
                history.with_user(user).write({"new_grade": "a"})
            with self.assertRaises(AccessError):
                self.env["sales.grade.history"].with_user(user).create(
                    {
                        "partner_id": self.customer.id,
                        "new_grade": "a",
                        "source": "manual",
                    }
                )
            with self.assertRaises(AccessError):
                history.with_user(user).unlink()
