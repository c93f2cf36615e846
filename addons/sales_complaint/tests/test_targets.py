# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestTargets(SalesComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # orders are confirmed directly here: the quotation rules of other
        # policy modules are not this test's subject
        cls.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "sale.order")]
        ).active = False
        cls.product = cls.env["product.product"].create(
            {"name": "Ground calcium carbonate", "list_price": 10.0}
        )
        cls.Report = cls.env["sales.complaint.target.report"]

    def _answered_claim(self, user, received, severity, answered):
        claim = self.Claim.create(
            {
                "name": "Complaint",
                "partner_id": self.customer.id,
                "user_id": user.id,
                "date": received,
                "severity": severity,
            }
        )
        if answered:
            claim._transition(
                {"complaint_state": "answered", "first_response_date": answered}
            )
        return claim

    def _suggestion(self, received, answered):
        suggestion = self.env["sales.customer.suggestion"].create(
            {
                "name": "Suggestion",
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "content": "Smaller bags",
                "date_received": received,
                "answer": "Noted",
            }
        )
        suggestion._transition(
            {"suggestion_state": "answered", "answered_date": answered}
        )
        return suggestion

    def _order(self, confirmed_on=None, edit_before=False, edit_after=False, user=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": (user or self.rep).id,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "product_uom_qty": 10})
                ],
            }
        )
        if edit_before:
            order.order_line.product_uom_qty = 12
        if confirmed_on:
            order.action_confirm()
            order.date_order = confirmed_on
        if edit_after:
            order.order_line.product_uom_qty = 8
        return order

    def _row(self, user, month):
        self.env.flush_all()
        return self.Report.search([("user_id", "=", user.id), ("month", "=", month)])

    def test_feedback_and_contract_figures_per_rep_and_month(self):
        # rep, March 2026 - complaints answered in March:
        #   received 02/03 09:00 normal (due 05/03 09:00), answered 03/03: in time
        #   received 10/03 09:00 high (due 11/03 09:00), answered 12/03: late
        #   received 20/03 09:00 low (due 25/03 09:00), answered 21/03: in time
        #   received 27/02 09:00 normal (due 02/03 09:00), answered 01/03: in time
        #   received 25/03, not answered: not counted
        self._answered_claim(
            self.rep, datetime(2026, 3, 2, 9), "normal", datetime(2026, 3, 3, 9)
        )
        self._answered_claim(
            self.rep, datetime(2026, 3, 10, 9), "high", datetime(2026, 3, 12, 9)
        )
        self._answered_claim(
            self.rep, datetime(2026, 3, 20, 9), "low", datetime(2026, 3, 21, 9)
        )
        self._answered_claim(
            self.rep, datetime(2026, 2, 27, 9), "normal", datetime(2026, 3, 1, 9)
        )
        self._answered_claim(self.rep, datetime(2026, 3, 25, 9), "normal", None)
        # suggestions (7 days to answer):
        #   received 01/03, answered 05/03: in time
        #   received 15/02 (due 22/02), answered 02/03: late
        self._suggestion(datetime(2026, 3, 1, 9), datetime(2026, 3, 5, 9))
        self._suggestion(datetime(2026, 2, 15, 9), datetime(2026, 3, 2, 9))
        # rep_2: one complaint answered in time
        self._answered_claim(
            self.rep_2, datetime(2026, 3, 2, 9), "normal", datetime(2026, 3, 2, 12)
        )
        # orders of rep confirmed in March: 4, one edited after confirmation
        # (one edited before confirmation counts as accurate); a quotation and
        # an order confirmed in April are not March's
        self._order(datetime(2026, 3, 3, 10))
        self._order(datetime(2026, 3, 4, 10), edit_after=True)
        self._order(datetime(2026, 3, 5, 10), edit_before=True)
        self._order(datetime(2026, 3, 6, 10))
        self._order()
        self._order(datetime(2026, 4, 1, 10))

        # satisfaction answers (satisfied from 80): rep in March 100, 90, 50;
        # one of rep in February
        self.company.sales_satisfaction_threshold = 80.0
        Response = self.env["sales.satisfaction.response"]
        for day, score in (
            (date(2026, 3, 3), 100),
            (date(2026, 3, 10), 90),
            (date(2026, 3, 20), 50),
            (date(2026, 2, 10), 20),
        ):
            response = Response._record_score(
                self.customer, score, "periodic", user=self.rep
            )
            response.sudo().write({"date": day})
        row = self._row(self.rep, date(2026, 3, 1))
        # satisfaction: 2 of 3 -> 66.67 %
        self.assertRecordValues(row, [{"satisfaction_count": 3, "satisfied_count": 2}])
        self.assertAlmostEqual(row.satisfaction_rate, 200 / 3, places=2)
        # feedback: 4 complaints + 2 suggestions = 6; in time 3 + 1 = 4
        # -> 4 / 6 = 66.67 %; contracts 3 / 4 = 75 %
        self.assertRecordValues(
            row,
            [
                {
                    "feedback_count": 6,
                    "feedback_timely_count": 4,
                    "contract_count": 4,
                    "contract_accurate_count": 3,
                    "contract_rate": 75.0,
                    "feedback_target": 100.0,
                    "contract_target": 100.0,
                    "satisfaction_target": 98.0,
                }
            ],
        )
        self.assertAlmostEqual(row.feedback_rate, 400 / 6, places=2)
        self.assertRecordValues(
            self._row(self.rep_2, date(2026, 3, 1)),
            [{"feedback_count": 1, "feedback_timely_count": 1, "feedback_rate": 100.0}],
        )
        april = self._row(self.rep, date(2026, 4, 1))
        self.assertRecordValues(april, [{"contract_count": 1, "contract_rate": 100.0}])
        # a rep sees own figures only; a manager everybody's
        self.assertEqual(self.Report.with_user(self.rep).search([]).user_id, self.rep)
        self.assertEqual(
            self.Report.with_user(self.manager)
            .search([("month", "=", date(2026, 3, 1))])
            .user_id,
            self.rep | self.rep_2,
        )

    def test_order_edited_after_confirmation_is_flagged_once(self):
        order = self._order(datetime(2026, 3, 3, 10))
        self.assertFalse(order.contract_edited)
        order.order_line.name = "New description"  # not a contract term
        self.assertFalse(order.contract_edited)
        order.order_line.price_unit = 9.5
        first = order.contract_edited_date
        self.assertTrue(order.contract_edited)
        order.order_line.price_unit = 9.0
        self.assertEqual(order.contract_edited_date, first)

    def test_rep_cannot_clear_the_edited_flag(self):
        order = self._order(datetime(2026, 3, 3, 10), edit_after=True)
        with self.assertRefused(UserError, "recorded by the order lines"):
            order.with_user(self.rep).write({"contract_edited": False})
        self.assertTrue(order.contract_edited)

    def test_kpi_scorecard_shows_the_reports_feedback_and_contract_rates(self):
        # rep, March 2026 (hand-counted):
        #   complaint received 02/03 09:00 normal (due 05/03 09:00), answered
        #   03/03: in time; received 10/03 09:00 high (due 11/03 09:00),
        #   answered 12/03: late; received 30/03 normal, answered 01/04: April's
        #   suggestion received 01/03 (due 08/03), answered 05/03: in time
        #   -> feedback 3, in time 2: 2 / 3 = 66.67 %
        #   orders confirmed 03/03 and 04/03 (edited after): 1 / 2 = 50 %
        # rep_2, March: one order confirmed, not edited: 100 %; no feedback: 0
        self._answered_claim(
            self.rep, datetime(2026, 3, 2, 9), "normal", datetime(2026, 3, 3, 9)
        )
        self._answered_claim(
            self.rep, datetime(2026, 3, 10, 9), "high", datetime(2026, 3, 12, 9)
        )
        self._answered_claim(
            self.rep, datetime(2026, 3, 30, 9), "normal", datetime(2026, 4, 1, 9)
        )
        self._suggestion(datetime(2026, 3, 1, 9), datetime(2026, 3, 5, 9))
        self._order(datetime(2026, 3, 3, 10))
        self._order(datetime(2026, 3, 4, 10), edit_after=True)
        self._order(datetime(2026, 3, 5, 10), user=self.rep_2)
        cards = (
            self.env["sales.kpi.scorecard"]
            .with_user(self.manager)
            .action_compute_month(date(2026, 3, 15), self.company.ids)
        )
        card = cards.filtered(lambda c: c.user_id == self.rep)
        self.assertRecordValues(
            card,
            [
                {
                    "month": date(2026, 3, 1),
                    "feedback_count": 3,
                    "feedback_rate": 66.67,
                    "feedback_target": 100.0,
                    "contract_count": 2,
                    "contract_rate": 50.0,
                    "contract_target": 100.0,
                }
            ],
        )
        self.assertRecordValues(
            cards.filtered(lambda c: c.user_id == self.rep_2),
            [
                {
                    "feedback_count": 0,
                    "feedback_rate": 0.0,
                    "contract_count": 1,
                    "contract_rate": 100.0,
                }
            ],
        )
        # one source of truth: the scorecard shows the report's row
        row = self._row(self.rep, date(2026, 3, 1))
        self.assertEqual(
            (row.feedback_count, round(row.feedback_rate, 2)),
            (card.feedback_count, card.feedback_rate),
        )
        self.assertEqual(
            (row.contract_count, row.contract_rate),
            (card.contract_count, card.contract_rate),
        )
