# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import SatisfactionCommon


@tagged("post_install", "-at_install")
class TestSatisfactionRate(SatisfactionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month = date(2026, 3, 1)
        vals = []
        # rep, March: 49 satisfied (score 90) + 1 not (score 50) -> 49/50 = 98 %
        for n in range(50):
            vals.append(
                (cls.customer, 90.0 if n < 49 else 50.0, date(2026, 3, 1 + n % 28))
            )
        # rep_2, March: 3 satisfied (80, exactly the threshold) + 1 not
        # (79.99) -> 3/4 = 75 %
        for score in (80.0, 80.0, 80.0, 79.99):
            vals.append((cls.customer_2, score, date(2026, 3, 31)))
        # rep, April (another month): 1 not satisfied, not counted in March
        vals.append((cls.customer, 10.0, date(2026, 4, 1)))
        # rep, February: not counted either
        vals.append((cls.customer, 10.0, date(2026, 2, 28)))
        for partner, score, day in vals:
            cls.Response._record_score(partner, score, "periodic").sudo().write(
                {"date": day}
            )

    def test_rate_per_rep_and_month(self):
        groups = self.Response._read_group(
            [("date", ">=", "2026-02-01"), ("date", "<", "2026-05-01")],
            ["user_id", "date:month"],
            ["__count", "satisfied_count:sum", "satisfaction_rate:avg"],
        )
        figures = {
            (user.login, month.month): (count, satisfied, round(rate, 2))
            for user, month, count, satisfied, rate in groups
        }
        self.assertEqual(
            figures,
            {
                ("sp_rep", 2): (1, 0, 0.0),
                ("sp_rep", 3): (50, 49, 98.0),
                ("sp_rep", 4): (1, 0, 0.0),
                ("sp_rep_2", 3): (4, 3, 75.0),
            },
        )

    def test_rate_per_team_and_month(self):
        groups = self.Response._read_group(
            [("date", ">=", "2026-03-01"), ("date", "<", "2026-04-01")],
            ["team_id"],
            ["satisfaction_rate:avg", "target_rate:avg"],
        )
        figures = {team: (round(rate, 2), target) for team, rate, target in groups}
        # team East (rep) 49/50 = 98 %, team West (rep_2) 3/4 = 75 %
        self.assertEqual(figures, {self.team: (98.0, 98.0), self.team_2: (75.0, 98.0)})

    def test_month_rate_on_the_kpi_scorecard(self):
        cards = (
            self.env["sales.kpi.scorecard"]
            .sudo()
            .action_compute_month(self.month, self.company)
        )
        by_user = {card.user_id: card for card in cards}
        self.assertRecordValues(
            by_user[self.rep] | by_user[self.rep_2],
            [
                {
                    "satisfaction_responses": 50,
                    "satisfaction_rate": 98.0,
                    "satisfaction_target": 98.0,
                },
                {
                    "satisfaction_responses": 4,
                    "satisfaction_rate": 75.0,
                    "satisfaction_target": 98.0,
                },
            ],
        )
        # a rep without answers this month: 0 answers, rate 0
        self.assertRecordValues(
            by_user[self.manager],
            [{"satisfaction_responses": 0, "satisfaction_rate": 0.0}],
        )

    def test_threshold_change_keeps_past_measurements(self):
        self.company.sales_satisfaction_threshold = 95.0
        march = self.Response.search(
            [
                ("user_id", "=", self.rep.id),
                ("date", ">=", "2026-03-01"),
                ("date", "<", "2026-04-01"),
            ]
        )
        self.assertEqual(sum(march.mapped("satisfied_count")), 49)
        # a new answer of 90 is judged against the new threshold
        self.assertFalse(
            self.Response._record_score(self.customer, 90.0, "periodic").satisfied
        )

    def test_rep_reads_own_rows_manager_team_rows(self):
        Response = self.Response.with_user(self.rep)
        self.assertEqual(set(Response.search([]).mapped("partner_id")), {self.customer})
        self.assertEqual(len(Response.search([])), 52)
        manager_rows = self.Response.with_user(self.manager).search([])
        self.assertEqual(set(manager_rows.mapped("team_id")), {self.team})
        senior_rows = self.Response.with_user(self.senior_manager).search([])
        self.assertEqual(len(senior_rows), 56)
        self.assertFalse(self.Response.with_user(self.rep_company_b).search([]))

    def test_customer_form_counts_the_rows_the_user_reads(self):
        # 50 in March, 1 in April, 1 in February
        self.assertEqual(self.customer.with_user(self.rep).sales_satisfaction_count, 52)
        self.assertEqual(
            self.customer_2.with_user(self.senior_manager).sales_satisfaction_count, 4
        )
        action = self.customer.with_user(self.rep).action_view_sales_satisfaction()
        self.assertEqual(action["domain"], [("partner_id", "=", self.customer.id)])
