# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SatisfactionCommon


@tagged("post_install", "-at_install")
class TestSurveyResponse(SatisfactionCommon):
    def test_completed_answer_records_its_score(self):
        self._rule("delivery", grade="a")
        answer = self.customer._sales_satisfaction_request("delivery")
        self.assertEqual(len(answer), 1)
        self.assertRecordValues(
            answer.sudo(),
            [
                {
                    "survey_id": self.survey.id,
                    "partner_id": self.customer.id,
                    "sales_satisfaction_trigger": "delivery",
                    "sales_satisfaction_partner_id": self.customer.id,
                    "sales_satisfaction_user_id": self.rep.id,
                    "state": "new",
                }
            ],
        )
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("recipient_ids", "in", self.customer.ids)], order="id desc", limit=1
            )
        )
        self.assertIn(answer.sudo().access_token, mail.body_html)
        # nothing is recorded before the customer answers
        self.assertFalse(self.Response.search([("partner_id", "=", self.customer.id)]))

        # 10 + 10 + 8 = 28 of 30 points = 93.33 %
        self._answer(answer, ["very", "very", "good"])
        response = self.Response.search([("partner_id", "=", self.customer.id)])
        self.assertRecordValues(
            response,
            [
                {
                    "score": 93.33,
                    "satisfied": True,
                    "satisfied_count": 1,
                    "satisfaction_rate": 100.0,
                    "target_rate": 98.0,
                    "trigger": "delivery",
                    "user_id": self.rep.id,
                    "team_id": self.team.id,
                    "company_id": self.company.id,
                    "user_input_id": answer.id,
                }
            ],
        )
        # completing it again records nothing more
        answer.sudo()._mark_done()
        self.assertEqual(
            self.Response.search_count([("partner_id", "=", self.customer.id)]), 1
        )

    def test_dissatisfied_answer_is_not_satisfied(self):
        self._rule("complaint")
        answer = self.customer._sales_satisfaction_request("complaint")
        # 5 + 5 + 0 = 10 of 30 points = 33.33 %
        self._answer(answer, ["neutral", "neutral", "bad"])
        self.assertRecordValues(
            answer.sales_satisfaction_response_ids,
            [{"score": 33.33, "satisfied": False, "satisfaction_rate": 0.0}],
        )

    def test_class_rule_wins_over_any_class_rule(self):
        other = self.survey.copy({"title": "Class A Survey"})
        self._rule("periodic")
        self._rule("periodic", grade="a", survey=other)
        self.assertEqual(
            self.customer._sales_satisfaction_request("periodic").survey_id, other
        )
        # class B has no rule of its own: the rule for any class
        self.assertEqual(
            self.customer_2._sales_satisfaction_request("periodic").survey_id,
            self.survey,
        )

    def test_no_rule_sends_nothing(self):
        self._rule("delivery", grade="b")
        answer = self.customer._sales_satisfaction_request("delivery")
        self.assertFalse(answer)
        self.assertEqual(answer._name, "survey.user_input")

    def test_customer_without_email_is_told(self):
        self._rule("delivery")
        self.customer.email = False
        with self.assertRefused(UserError, "no email address"):
            self.customer._sales_satisfaction_request("delivery")

    def test_contact_request_goes_to_the_commercial_customer(self):
        self._rule("delivery")
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id, "email": "b@x.example"}
        )
        answer = contact._sales_satisfaction_request("delivery")
        self.assertEqual(answer.sudo().sales_satisfaction_partner_id, self.customer)
        self._answer(answer, ["very", "very", "very"])
        self.assertRecordValues(
            answer.sales_satisfaction_response_ids,
            [{"partner_id": self.customer.id, "score": 100.0}],
        )

    def test_score_outside_0_100_is_refused(self):
        for score in (-1, 100.01, 250, None, "95"):
            with self.assertRefused(ValidationError, "between 0 and 100"):
                self.Response._record_score(self.customer, score, "revisit")
        self.assertFalse(self.Response.search([("partner_id", "=", self.customer.id)]))
        low, high = self.Response._record_score(
            self.customer, 0, "revisit"
        ) | self.Response._record_score(self.customer, 100, "revisit")
        self.assertRecordValues(
            low | high,
            [
                {"score": 0.0, "satisfied": False, "user_id": self.rep.id},
                {"score": 100.0, "satisfied": True, "user_id": self.rep.id},
            ],
        )

    def test_record_score_keeps_origin_and_user(self):
        response = self.Response._record_score(
            self.customer, 85, "revisit", origin=self.customer, user=self.rep_2
        )
        self.assertRecordValues(
            response,
            [{"user_id": self.rep_2.id, "trigger": "revisit", "satisfied": True}],
        )
        self.assertEqual(response.origin_ref, self.customer)

    def test_origin_of_an_unlisted_model_is_not_kept(self):
        with self.assertLogs(
            "odoo.addons.sales_satisfaction.models.sales_satisfaction_response",
            "WARNING",
        ):
            response = self.Response._record_score(
                self.customer, 85, "revisit", origin=self.rep
            )
        self.assertFalse(response.origin_ref)

    def test_plain_survey_answer_records_nothing(self):
        answer = self.survey._create_answer(partner=self.customer, check_attempts=False)
        self._answer(answer, ["very", "very", "very"])
        self.assertFalse(self.Response.search([("partner_id", "=", self.customer.id)]))

    def test_survey_user_cannot_turn_an_answer_into_a_measurement(self):
        self.rep.groups_id = [Command.link(self.env.ref("survey.group_survey_user").id)]
        answer = self.survey._create_answer(partner=self.customer, check_attempts=False)
        with self.assertRefused(UserError, "cannot be turned into one by hand"):
            answer.with_user(self.rep).write({"sales_satisfaction_trigger": "delivery"})
        with self.assertRefused(UserError, "cannot be turned into one by hand"):
            self.env["survey.user_input"].with_user(self.rep).create(
                {
                    "survey_id": self.survey.id,
                    "partner_id": self.customer.id,
                    "sales_satisfaction_trigger": "periodic",
                }
            )

    def test_unscored_survey_cannot_be_a_satisfaction_survey(self):
        unscored = self.env["survey.survey"].create(
            {"title": "Unscored", "scoring_type": "no_scoring"}
        )
        with self.assertRefused(ValidationError, "gives no score"):
            self._rule("delivery", survey=unscored)

    def test_one_rule_per_class_and_trigger(self):
        self._rule("delivery", grade="a")
        with self.assertRefused(ValidationError, "already exists"):
            self._rule("delivery", grade="a")
        self._rule("delivery", grade="b")

    def test_fully_invoiced_order_sends_the_delivery_survey_once(self):
        self._rule("delivery")
        product = self.env["product.product"].create(
            {
                "name": "Satisfaction Service",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        origin = f"sale.order,{order.id}"
        UserInput = self.env["survey.user_input"].sudo()
        self.assertFalse(UserInput.search([("sales_satisfaction_origin", "=", origin)]))
        invoice = order._create_invoices()
        invoice.action_post()
        sent = UserInput.search([("sales_satisfaction_origin", "=", origin)])
        self.assertRecordValues(
            sent,
            [
                {
                    "partner_id": self.customer.id,
                    "sales_satisfaction_trigger": "delivery",
                }
            ],
        )
        order.action_lock()
        self.assertEqual(
            UserInput.search_count([("sales_satisfaction_origin", "=", origin)]), 1
        )
        self._answer(sent, ["very", "good", "good"])
        self.assertEqual(sent.sales_satisfaction_response_ids.origin_ref, order)

    def test_delivery_survey_failure_does_not_block_the_invoice(self):
        self._rule("delivery")
        self.customer.email = False
        product = self.env["product.product"].create(
            {"name": "Service", "type": "service", "invoice_policy": "order"}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertIn("could not be sent", order.message_ids[0].body)
