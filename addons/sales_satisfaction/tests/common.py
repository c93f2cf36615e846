# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.sales_customer_dev.tests.common import CustomerDevCommon

#: points of each answer of the test survey (3 questions, 10 points max each)
ANSWER_SCORES = {"very": 10, "good": 8, "neutral": 5, "bad": 0}


class SatisfactionCommon(CustomerDevCommon):
    """A scored satisfaction survey (3 questions of 10 points), customers of
    the rep (class A) and of rep_2 (class B) with an email; no rule yet
    (rules shipped as demo data are archived)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["sales.satisfaction.rule"].search([]).action_archive()
        cls.company.write(
            {"sales_satisfaction_threshold": 80.0, "sales_satisfaction_target": 98.0}
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Test Satisfaction",
                "access_mode": "token",
                "scoring_type": "scoring_without_answers",
                "questions_layout": "one_page",
            }
        )
        cls.questions = cls.env["survey.question"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "title": f"Question {n}",
                    "sequence": n,
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create({"value": key, "answer_score": score})
                        for key, score in ANSWER_SCORES.items()
                    ],
                }
                for n in (1, 2, 3)
            ]
        )
        cls.customer.write(
            {
                "email": "buyer@rep-customer.example.com",
                "sales_grade": "a",
            }
        )
        cls.customer_2.write(
            {
                "email": "buyer@rep-two-customer.example.com",
                "sales_grade": "b",
            }
        )
        cls.Rule = cls.env["sales.satisfaction.rule"]
        cls.Response = cls.env["sales.satisfaction.response"]

    @classmethod
    def _rule(cls, trigger, grade=False, survey=None, **vals):
        return cls.Rule.create(
            dict(
                {
                    "company_id": cls.company.id,
                    "trigger": trigger,
                    "sales_grade": grade,
                    "survey_id": (survey or cls.survey).id,
                },
                **vals,
            )
        )

    def _answer(self, user_input, keys):
        """Answer the 3 questions with the answers ``keys`` (``very``...)
        and complete the answer, as the survey controller does."""
        answer = user_input.sudo()
        for question, key in zip(self.questions, keys, strict=True):
            suggestion = question.suggested_answer_ids.filtered(
                lambda s, key=key: s.value == key
            )
            answer._save_lines(question, suggestion.id)
        answer._mark_done()
        return answer
