# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CustomerDevCommon


@tagged("post_install", "-at_install")
class TestConfidentiality(CustomerDevCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        Report = cls.env["sales.visit.report"]
        cls.report_rep = Report.with_user(cls.rep).create(
            {"partner_id": cls.customer.id, "date": today, "purpose": "Visit A"}
        )
        cls.report_rep_2 = Report.with_user(cls.rep_2).create(
            {"partner_id": cls.customer_2.id, "date": today, "purpose": "Visit B"}
        )
        cls.lead_rep_2 = cls._rep_lead(user=cls.rep_2, name="Rep 2 deal")

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_rep_cannot_find_another_reps_customer(self):
        Partner = self.env["res.partner"].with_user(self.rep)
        self.assertFalse(Partner.search([("name", "=", "Rep Two Customer Co")]))
        self.assertFalse(Partner.name_search("Rep Two Customer"))
        self.assertFalse(Partner.search([("id", "=", self.customer_2_contact.id)]))
        self.assertTrue(Partner.search([("id", "=", self.customer.id)]))

    def test_rep_cannot_read_another_reps_customer(self):
        with self.assertRaises(AccessError):
            self.customer_2.with_user(self.rep).read(["name", "email"])
        with self.assertRaises(AccessError):
            self.customer_2_contact.with_user(self.rep).read(["name"])
        with self.assertRaises(AccessError):
            # what an RPC call to web_read does
            self.env["res.partner"].with_user(self.rep).browse(
                self.customer_2.id
            ).web_read({"display_name": {}, "phone": {}})

    def test_rep_still_reads_what_odoo_needs(self):
        visible = self._visible(
            self.rep,
            self.customer
            | self.prospect
            | self.company.partner_id
            | self.rep_2.partner_id
            | self.manager.partner_id,
        )
        self.assertEqual(len(visible), 5)

    def test_unassigned_customers_stay_a_shared_pool(self):
        pool = self.env["res.partner"].create(
            {"name": "Walk-in Customer", "customer_rank": 1}
        )
        self.assertEqual(self._visible(self.rep, pool), pool)

    def test_manager_reads_the_team_customers_only(self):
        self.assertEqual(
            self._visible(self.manager, self.customer | self.customer_2),
            self.customer,
        )
        with self.assertRaises(AccessError):
            self.customer_2.with_user(self.manager).read(["name"])

    def test_senior_manager_reads_all_customers(self):
        self.assertEqual(
            self._visible(self.senior_manager, self.customer | self.customer_2),
            self.customer | self.customer_2,
        )

    def test_visit_reports_are_confidential(self):
        reports = self.report_rep | self.report_rep_2
        self.assertEqual(self._visible(self.rep, reports), self.report_rep)
        with self.assertRaises(AccessError):
            self.report_rep_2.with_user(self.rep).read(["outcome"])
        with self.assertRaises(AccessError):
            self.report_rep_2.with_user(self.rep).write({"outcome": "x"})
        self.assertEqual(self._visible(self.manager, reports), self.report_rep)
        self.assertEqual(self._visible(self.senior_manager, reports), reports)

    def test_rep_cannot_read_another_reps_opportunity(self):
        with self.assertRaises(AccessError):
            self.lead_rep_2.with_user(self.rep).read(["name"])
        self.assertFalse(
            self.env["crm.lead"]
            .with_user(self.rep)
            .search([("name", "=", "Rep 2 deal")])
        )

    def test_other_company_does_not_see_the_visit_reports(self):
        self.assertFalse(
            self.env["sales.visit.report"]
            .with_user(self.admin_company_b)
            .search([("id", "in", (self.report_rep | self.report_rep_2).ids)])
        )

    def test_rep_runs_the_quotation_flow_on_own_customer(self):
        order = self._confirm_quotation_as(
            self.rep, self.customer, "Buyer at Rep Customer"
        )
        self.assertRecordValues(order, [{"state": "sale", "amount_untaxed": 100.0}])

    def test_rep_runs_the_crm_flow(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .create({"name": "New interest", "contact_name": "Ms Chen", "type": "lead"})
        )
        lead.convert_opportunity(self.customer)
        lead.action_set_won()
        self.assertRecordValues(
            lead, [{"type": "opportunity", "partner_id": self.customer.id}]
        )
        self.assertTrue(lead.stage_id.is_won)

    def test_grade_history_follows_customer_confidentiality(self):
        History = self.env["sales.grade.history"]
        history = History.create(
            {"partner_id": self.customer.id, "new_grade": "a", "source": "manual"}
        )
        history_2 = History.create(
            {"partner_id": self.customer_2.id, "new_grade": "b", "source": "manual"}
        )
        both = history | history_2
        self.assertEqual(self._visible(self.rep, both), history)
        self.assertEqual(self._visible(self.rep_2, both), history_2)
        self.assertEqual(self._visible(self.manager, both), history)
        self.assertEqual(self._visible(self.senior_manager, both), both)
        # what an RPC search_read returns: not the other rep's customer name
        rows = History.with_user(self.rep).search_read([], ["partner_id"])
        self.assertNotIn(
            self.customer_2.id,
            [row["partner_id"][0] for row in rows if row["partner_id"]],
        )
        with self.assertRaises(AccessError):
            history_2.with_user(self.rep).read(["new_grade"])
