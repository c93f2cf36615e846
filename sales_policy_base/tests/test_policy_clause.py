# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import _as_validation_error
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SalesPolicyCommon


@tagged("post_install", "-at_install")
class TestPolicyClause(SalesPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Clause = cls.env["sales.policy.clause"]
        cls.clause = cls.Clause.create(
            {
                "code": "TST-01",
                "name": "Test clause",
                "area": "pricing",
                "enforcement": "manual",
            }
        )
        cls.clause_b = cls.Clause.create(
            {
                "code": "TST-B-01",
                "name": "Company B clause",
                "company_id": cls.company_b.id,
            }
        )

    def test_shipped_clauses_are_registered_with_their_enforcement(self):
        clause = self.env.ref("sales_policy_base.clause_gen_company_separation")
        self.assertRecordValues(
            clause,
            [{"code": "SP-GEN-02", "area": "general", "enforcement": "access_rule"}],
        )
        self.assertEqual(clause.model_id.model, "sales.policy.clause")
        self.assertEqual(clause.display_name, f"[SP-GEN-02] {clause.name}")

    def test_salesperson_reads_but_cannot_change_clauses(self):
        clause = self.clause.with_user(self.rep)
        self.assertEqual(clause.name, "Test clause")
        with self.assertRaises(AccessError):
            clause.write({"name": "Rewritten by a rep"})
        with self.assertRaises(AccessError):
            self.Clause.with_user(self.rep).create(
                {"code": "REP-01", "name": "Rep clause"}
            )
        with self.assertRaises(AccessError):
            clause.unlink()

    def test_manager_and_reviewers_cannot_change_clauses(self):
        for user in self.manager | self.legal_reviewer | self.finance_reviewer:
            with self.assertRaises(AccessError):
                self.clause.with_user(user).write({"name": "Changed"})

    def test_policy_admin_maintains_clauses_with_tracked_changes(self):
        clause_form = Form(self.Clause.with_user(self.policy_admin))
        clause_form.code = "ADM-01"
        clause_form.name = "Discounts over 5% need approval"
        clause_form.area = "pricing"
        clause_form.enforcement = "approval_rule"
        clause = clause_form.save()
        clause.with_context(tracking_disable=False).write({"enforcement": "constraint"})
        self.assertEqual(clause.enforcement, "constraint")
        clause.unlink()
        self.assertFalse(clause.exists())

    def test_duplicate_code_in_same_company_is_refused_with_a_clear_message(self):
        with (
            self.assertRaises(IntegrityError) as refused,
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.Clause.create({"code": "TST-01", "name": "Duplicate"})
        # What the user is shown for that refusal (Odoo's RPC layer converts it).
        message = str(_as_validation_error(self.env, refused.exception))
        self.assertIn(
            "A policy clause with this code already exists for this company", message
        )

    def test_same_code_in_another_company_is_allowed(self):
        clause = self.Clause.create(
            {
                "code": "TST-01",
                "name": "Same code, company B",
                "company_id": self.company_b.id,
            }
        )
        self.assertEqual(clause.code, self.clause.code)

    def test_code_with_spaces_is_refused(self):
        with self.assertRaises(ValidationError):
            self.Clause.create({"code": "TST 02", "name": "Spaced code"})

    def test_clauses_of_another_company_are_invisible(self):
        visible = self.Clause.with_user(self.rep).search([("code", "like", "TST-")])
        self.assertIn(self.clause, visible)
        self.assertNotIn(self.clause_b, visible)
        with self.assertRaises(AccessError):
            self.clause_b.with_user(self.rep).read(["name"])
        self.assertIn(
            self.clause_b,
            self.Clause.with_user(self.rep_company_b).search(
                [("code", "like", "TST-")]
            ),
        )

    def test_policy_admin_of_company_b_cannot_edit_company_a_clause(self):
        company_a_clause = self.Clause.create(
            {
                "code": "TST-A-01",
                "name": "Company A clause",
                "company_id": self.company.id,
            }
        )
        with self.assertRaises(AccessError):
            company_a_clause.with_user(self.admin_company_b).write({"name": "Hijacked"})
