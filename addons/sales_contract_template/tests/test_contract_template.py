# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import A_CLAUSE, C_CLAUSE, ContractTemplateCommon


@tagged("post_install", "-at_install")
class TestContractTemplate(ContractTemplateCommon):
    # --- printing --------------------------------------------------------------
    def test_a_and_c_customers_print_different_contracts(self):
        html_a = self._contract_html(self._order(self.customer_a))
        html_c = self._contract_html(self._order(self.customer_c))
        self.assertIn(A_CLAUSE, html_a)
        self.assertIn("for Key Account Ltd.", html_a)
        self.assertNotIn(C_CLAUSE, html_a)
        self.assertIn(C_CLAUSE, html_c)
        self.assertIn("for Walk-in Buyer Ltd.", html_c)
        self.assertNotIn(A_CLAUSE, html_c)

    def test_customer_without_template_prints_a_notice(self):
        other = self.env["res.partner"].create({"name": "Ungraded Co"})
        html = self._contract_html(self._order(other))
        self.assertIn("No contract template applies", html)
        self.assertNotIn(A_CLAUSE, html)

    def test_version_valid_at_order_date_is_printed(self):
        newer = self._published(
            self.template_a, "A 2026 H2", "2026-07-01", "<p>Payment: 45 days net.</p>"
        )
        # publishing H2 ended the first version the day before
        self.assertRecordValues(
            self.version_a,
            [{"state": "superseded", "date_to": date(2026, 6, 30)}],
        )
        self.assertEqual(newer.state, "active")
        march = self._order(self.customer_a, "2026-03-10 10:00:00")
        august = self._order(self.customer_a, "2026-08-01 10:00:00")
        self.assertEqual(march.sales_contract_print_version_id, self.version_a)
        self.assertEqual(august.sales_contract_print_version_id, newer)
        self.assertIn(A_CLAUSE, self._contract_html(march))
        html = self._contract_html(august)
        self.assertIn("45 days net", html)
        self.assertNotIn(A_CLAUSE, html)

    def test_category_template_takes_precedence_over_grade(self):
        category = self.env["res.partner.category"].create({"name": "Distributor"})
        template = self.Template.create(
            {
                "name": "Distribution",
                "class_type": "category",
                "category_id": category.id,
            }
        )
        version = self._published(
            template, "D 2026", "2026-01-01", "<p>Resale territory: the province.</p>"
        )
        self.customer_a.category_id = category
        order = self._order(self.customer_a)
        self.assertEqual(order.sales_contract_print_version_id, version)
        self.assertIn("Resale territory", self._contract_html(order))

    def test_second_template_for_one_class_refused(self):
        with self.assertRefused(ValidationError, "SP-CTR-01"):
            self.Template.create({"name": "Dup", "class_type": "grade", "grade": "a"})
        with self.assertRefused(ValidationError, "SP-CTR-01"):
            self.template_c.with_user(self.manager).grade = "a"
        # an archived template frees its class
        self.template_a.active = False
        self.Template.create({"name": "New A", "class_type": "grade", "grade": "a"})

    # --- versions -----------------------------------------------------------------
    def test_overlapping_published_versions_refused(self):
        # as a data import would: two active versions in force on one day
        with self.assertRefused(ValidationError, "SP-CTR-02"):
            self.Version.create(
                {
                    "template_id": self.template_a.id,
                    "name": "Clash",
                    "date_from": "2026-05-01",
                    "body": "<p>x</p>",
                    "state": "active",
                }
            )
        # publishing a version that starts before the one in force
        early = self._draft(self.template_a, "Early", "2025-06-01", "<p>x</p>")
        with self.assertRefused(UserError, "SP-CTR-02"):
            early.with_user(self.legal_reviewer).action_publish()
        self.assertEqual(early.state, "draft")

    def test_database_refuses_overlap_under_concurrency(self):
        second = self._draft(self.template_a, "Second", "2026-09-01", "<p>y</p>")
        self.env.flush_all()
        # the constraint is checked at commit; the test transaction never commits
        self.env.cr.execute(
            "SET CONSTRAINTS sales_contract_template_version_no_overlap IMMEDIATE"
        )
        # what a concurrent transaction would write past the Python check
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.ExclusionViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "UPDATE sales_contract_template_version SET state = 'active' "
                "WHERE id = %s",
                [second.id],
            )
        # a version of another template on the same days is fine
        self.env.cr.execute(
            "UPDATE sales_contract_template_version SET date_to = '2026-08-31' "
            "WHERE id = %s",
            [self.version_a.id],
        )
        self.env.cr.execute(
            "UPDATE sales_contract_template_version SET state = 'active' WHERE id = %s",
            [second.id],
        )

    def test_rep_and_manager_cannot_publish(self):
        draft = self._draft(self.template_a, "Next", "2026-10-01", "<p>z</p>")
        for user in (self.rep, self.manager):
            with (
                self.subTest(user=user.login),
                self.assertRefused(UserError, "legal reviewer"),
            ):
                draft.with_user(user).action_publish()
        self.assertEqual(draft.state, "draft")
        with self.assertRefused(UserError, "SP-CTR-02"):
            draft.with_user(self.manager).write({"state": "active"})

    def test_published_version_frozen(self):
        with self.assertRefused(UserError, "SP-CTR-02"):
            self.version_a.with_user(self.manager).body = "<p>rewritten</p>"
        with self.assertRefused(UserError, "SP-CTR-02"):
            self.version_a.with_user(self.legal_reviewer).date_from = "2025-01-01"
        with self.assertRefused(UserError, "SP-CTR-02"):
            self.version_a.with_user(self.legal_reviewer).unlink()
        self.assertIn(A_CLAUSE, self.version_a.body)

    def test_empty_version_not_published(self):
        draft = self._draft(self.template_a, "Empty", "2026-10-01", "<p><br></p>")
        with self.assertRefused(UserError, "no contract clauses"):
            draft.with_user(self.legal_reviewer).action_publish()

    def test_rep_reads_but_does_not_write_templates(self):
        self.assertEqual(
            self.template_a.with_user(self.rep).current_version_id, self.version_a
        )
        with self.assertRefused(Exception, "not allowed"):
            self.template_a.with_user(self.rep).name = "Mine"

    # --- archive ------------------------------------------------------------------
    def test_confirmed_order_records_its_version(self):
        order = self._order(self.customer_a)
        self.assertFalse(order.sales_contract_version_id)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sales_contract_version_id, self.version_a)
        self.assertEqual(self.version_a.order_ids, order)
        self.assertEqual(self.version_a.order_count, 1)
        # a later version does not change what the signed order used
        self._published(self.template_a, "A 2027", "2027-01-01", "<p>2027 terms</p>")
        order.invalidate_recordset()
        self.assertEqual(order.sales_contract_print_version_id, self.version_a)
        self.assertIn(A_CLAUSE, self._contract_html(order))

    def test_rep_cannot_write_the_recorded_version(self):
        order = self._order(self.customer_a)
        order.with_user(self.rep).action_confirm()
        with self.assertRefused(UserError, "SP-CTR-04"):
            order.with_user(self.rep).sales_contract_version_id = self.version_c
        with self.assertRefused(UserError, "SP-CTR-04"):
            order.with_user(self.manager).sales_contract_version_id = False
        copy = order.with_user(self.rep).copy()
        self.assertFalse(copy.sales_contract_version_id)
        self.assertEqual(order.sales_contract_version_id, self.version_a)
