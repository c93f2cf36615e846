# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import LockNotAvailable

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.migration import load_script
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SalesReceivablesCommon

post_migration_1_2 = load_script(
    "sales_receivables/migrations/18.0.1.2.0/post-migration.py",
    "sales_receivables_post_migration_18_0_1_2_0",
)


@tagged("post_install", "-at_install")
class TestCreditHold(SalesReceivablesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the credit-hold rule takes part (the others are archived in common)
        cls.credit_rule = cls.env.ref(
            "sales_receivables.approval_rule_credit_hold_manager"
        )
        cls.credit_rule.active = True
        cls.company.sales_policy_allow_self_approval = False

    def _order(self, amount, partner=None, user=None):
        user = user or self.rep
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def _set_credit(self, **vals):
        self.customer.with_user(self.manager)._sales_write_credit(vals)

    def test_exposure_is_open_receivables_plus_confirmed_not_invoiced(self):
        invoice = self._invoice(1000.0)
        self._invoice(200.0, move_type="out_refund")
        self._pay(invoice, 400.0)
        self._order(300.0).action_confirm()
        self._order(999.0)  # a quotation is no exposure
        # receivables 1000 - 400 paid - 200 credit note = 400; orders 300
        self.assertRecordValues(
            self.customer.with_user(self.rep),
            [
                {
                    "sales_credit_receivable": 400.0,
                    "sales_credit_to_invoice": 300.0,
                    "sales_credit_exposure": 700.0,
                }
            ],
        )
        self.assertEqual(self.customer_2.sales_credit_exposure, 0.0)

    def test_rep_confirm_over_limit_refused_until_manager_approves(self):
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        order = self._order(300.0)
        self.assertTrue(order.sales_credit_hold)
        # 800 open + 300 order - 1000 limit = 100 over
        with self.assertRefused(UserError, r"over its credit limit .* by .*100\.00"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")
        order.with_user(self.rep).action_request_approval()
        request = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", order.id)])
        )
        self.assertEqual(request.rule_id, self.credit_rule)
        with self.assertRefused(UserError, "credit"):
            order.with_user(self.rep).action_confirm()
        request.with_user(self.manager).action_approve()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_order_within_limit_confirms(self):
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        # 800 + 200 = 1000: at the limit, not over it
        order = self._order(200.0)
        self.assertFalse(order.sales_credit_hold)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_escalated_customer_refused_whatever_the_amount(self):
        self.customer.sudo().sales_collection_status = "escalated"
        order = self._order(10.0)
        with self.assertRefused(UserError, "escalated for overdue invoices"):
            order.with_user(self.rep).action_confirm()

    def test_bad_credit_rating_refused(self):
        self._set_credit(sales_credit_rating="bad")
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        order = self._order(10.0, partner=contact)
        with self.assertRefused(UserError, "bad credit rating"):
            order.with_user(self.rep).action_confirm()

    def test_watch_rating_warns_below_and_holds_above_the_watch_amount(self):
        self.company.sales_credit_watch_amount = 1000.0
        self._set_credit(sales_credit_rating="watch")
        small = self._order(1000.0)  # at the amount: a warning, no hold
        self.assertFalse(small.sales_credit_hold)
        self.assertIn("rated Watch", small.sales_credit_watch_warning)
        small.with_user(self.rep).action_confirm()
        self.assertEqual(small.state, "sale")
        large = self._order(1000.01)
        self.assertTrue(large.sales_credit_hold)
        self.assertFalse(large.sales_credit_watch_warning)
        self.assertIn(
            large, self.env["sale.order"].search([("sales_credit_hold", "=", True)])
        )
        with self.assertRefused(UserError, "rated Watch .* above"):
            large.with_user(self.rep).action_confirm()
        self.assertEqual(large.state, "draft")
        large.with_user(self.rep).action_request_approval()
        request = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", large.id)])
        )
        self.assertEqual(request.rule_id, self.credit_rule)
        request.with_user(self.manager).action_approve()
        large.with_user(self.rep).action_confirm()
        self.assertEqual(large.state, "sale")

    def test_watch_amount_zero_holds_every_quotation_of_a_watch_customer(self):
        self.company.sales_credit_watch_amount = 0.0
        self._set_credit(sales_credit_rating="watch")
        self.assertTrue(self._order(1.0).sales_credit_hold)
        # a customer rated Good is not concerned
        self.assertFalse(
            self._order(1.0, partner=self.customer_2, user=self.rep_2).sales_credit_hold
        )

    def test_negative_watch_amount_refused(self):
        with self.assertRefused(ValidationError, "watch-rating approval amount"):
            self.company.sales_credit_watch_amount = -1.0

    def test_credit_hold_is_searchable_for_rule_domains(self):
        self._set_credit(sales_credit_limit=100.0)
        held = self._order(300.0)
        free = self._order(50.0, partner=self.customer_2, user=self.rep_2)
        SaleOrder = self.env["sale.order"]
        found = SaleOrder.search([("sales_credit_hold", "=", True)])
        self.assertIn(held, found)
        self.assertNotIn(free, found)
        self.assertIn(free, SaleOrder.search([("sales_credit_hold", "!=", True)]))

    def test_rep_cannot_change_credit_terms(self):
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).sales_credit_limit = 5000.0
        with self.assertRefused(AccessError, "Only a sales manager"):
            self.customer.with_user(self.rep).sales_credit_rating = "good"

    def test_negative_credit_limit_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._set_credit(sales_credit_limit=-1.0)

    def test_manager_change_is_kept_in_history_with_reason(self):
        self._set_credit(sales_credit_limit=1000.0)
        action = self.customer.with_user(self.manager).action_sales_credit_change()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Two late payments", "credit_rating": "watch"})
        )
        wizard.credit_limit = 500.0
        wizard.action_apply()
        history = self.customer.sales_credit_history_ids.sorted("id")
        self.assertRecordValues(
            history,
            [
                {
                    "field_name": "sales_credit_limit",
                    "old_value": "0.0",
                    "new_value": "1000.0",
                    "user_id": self.manager.id,
                    "reason": False,
                },
                {
                    "field_name": "sales_credit_limit",
                    "old_value": "1000.0",
                    "new_value": "500.0",
                    "user_id": self.manager.id,
                    "reason": "Two late payments",
                },
                {
                    "field_name": "sales_credit_rating",
                    "old_value": "",
                    "new_value": "Watch",
                    "user_id": self.manager.id,
                    "reason": "Two late payments",
                },
            ],
        )
        # the owning rep reads its customer's history, another rep does not
        self.assertEqual(
            len(
                self.env["sales.credit.history"]
                .with_user(self.rep)
                .search([("partner_id", "=", self.customer.id)])
            ),
            3,
        )
        self.assertFalse(
            self.env["sales.credit.history"]
            .with_user(self.rep_2)
            .search([("partner_id", "=", self.customer.id)])
        )

    def test_over_limit_refused_when_no_credit_hold_rule_is_active(self):
        # the policy administrator archived the credit-hold rule: the hold
        # must not fail open, nobody could grant the approval
        self.credit_rule.active = False
        self._set_credit(sales_credit_limit=1000.0)
        self._invoice(800.0)
        order = self._order(300.0)
        # 800 open + 300 order - 1000 limit = 100 over
        with self.assertRefused(UserError, "no active credit-hold approval rule"):
            order.with_user(self.rep).action_confirm()
        with self.assertRefused(UserError, r"over its credit limit .* by .*100\.00"):
            order.with_user(self.manager).action_confirm()
        self.assertEqual(order.state, "draft")
        # an order within the limit still confirms without any rule
        free = self._order(200.0)  # 800 + 200 = 1000: at the limit
        free.with_user(self.rep).action_confirm()
        self.assertEqual(free.state, "sale")

    def test_escalated_customer_refused_when_no_credit_hold_rule_is_active(self):
        self.credit_rule.active = False
        self.customer.sudo().sales_collection_status = "legal"
        order = self._order(10.0)
        with self.assertRefused(UserError, "in legal recovery"):
            order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_shipped_credit_hold_rule_is_a_credit_hold_release(self):
        self.assertRecordValues(
            self.credit_rule,
            [
                {
                    "kind": "credit_hold",
                    "clause_id": self.env.ref(
                        "sales_receivables.clause_receivables_credit_hold"
                    ).id,
                }
            ],
        )

    def test_rule_naming_credit_hold_in_its_condition_is_no_release(self):
        """A plain approval rule whose condition mentions the credit hold does
        not release it: only rules of the kind Credit Hold Release do."""
        Rule = self.env["sales.policy.approval.rule"]
        self.credit_rule.active = False
        plain = Rule.create(
            {
                "name": "Manager reviews held orders",
                "model_id": self.env["ir.model"]._get_id("sale.order"),
                "action": "confirm",
                "domain": '[("sales_credit_hold", "=", True)]',
                "approver_type": "group",
                "approver_group_id": self.env.ref(
                    "sales_policy_base.group_sales_policy_manager"
                ).id,
            }
        )
        self.assertEqual(plain.kind, "approval")
        self._set_credit(sales_credit_limit=100.0)
        order = self._order(300.0)
        with self.assertRefused(UserError, "no active credit-hold approval rule"):
            order.with_user(self.rep).action_confirm()
        # a release rule whose condition does not name the hold still releases
        release = Rule.create(
            {
                "name": "Finance releases large held orders",
                "kind": "credit_hold",
                "model_id": self.env["ir.model"]._get_id("sale.order"),
                "action": "confirm",
                "domain": '[("amount_untaxed", ">=", 200)]',
                "approver_type": "group",
                "approver_group_id": self.env.ref(
                    "sales_policy_base.group_sales_policy_finance_reviewer"
                ).id,
            }
        )
        plain.active = False
        order.with_user(self.rep).action_request_approval()
        request = (
            self.env["sales.policy.approval.request"]
            .sudo()
            .search([("res_model", "=", "sale.order"), ("res_id", "=", order.id)])
        )
        self.assertEqual(request.rule_id, release)
        request.with_user(self.finance_reviewer).action_approve()
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_upgrade_makes_rules_naming_the_hold_credit_hold_releases(self):
        """Before 18.0.1.2.0 a credit-hold rule was recognised by its
        condition; the upgrade gives those rules the kind, and only those."""
        Rule = self.env["sales.policy.approval.rule"].with_context(active_test=False)
        other = Rule.search(
            [("model_name", "=", "sale.order"), ("id", "!=", self.credit_rule.id)],
            limit=1,
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sales_policy_approval_rule SET kind = 'approval', "
            "clause_id = NULL WHERE id = %s",
            (self.credit_rule.id,),
        )
        post_migration_1_2.migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertRecordValues(
            self.credit_rule,
            [
                {
                    "kind": "credit_hold",
                    "clause_id": self.env.ref(
                        "sales_receivables.clause_receivables_credit_hold"
                    ).id,
                }
            ],
        )
        if other:
            self.assertEqual(other.kind, "approval")

    def test_second_order_of_a_customer_no_longer_fits_after_the_first(self):
        self._set_credit(sales_credit_limit=1000.0)
        first = self._order(600.0)
        second = self._order(600.0)
        # each fits alone: 600 <= 1000
        self.assertFalse((first | second).filtered("sales_credit_hold"))
        first.with_user(self.rep).action_confirm()
        # 600 confirmed + 600 - 1000 = 200 over
        with self.assertRefused(UserError, r"over its credit limit .* by .*200\.00"):
            second.with_user(self.rep).action_confirm()
        self.assertEqual(second.state, "draft")

    def _customer_row_free(self, partner_id):
        """Whether another transaction could lock the customer's row for an
        update right now (NOWAIT: fails at once when it is locked)."""
        with self.registry.cursor() as cr, mute_logger("odoo.sql_db"):
            try:
                cr.execute(
                    "SELECT id FROM res_partner WHERE id = %s "
                    "FOR NO KEY UPDATE NOWAIT",
                    [partner_id],
                )
            except LockNotAvailable:
                cr.rollback()
                return False
            cr.rollback()
            return True

    def _committed(self, function):
        """Run ``function(env)`` as superuser in its own committed transaction
        (another transaction sees only committed rows); return its result."""
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '10s'")
            return function(api.Environment(cr, SUPERUSER_ID, {}))

    def test_confirmation_locks_a_customer_with_a_credit_limit(self):
        """Two confirmations for a customer with a credit limit are
        serialized: the first holds the customer's row until it commits, so
        the second computes the exposure after it (PostgreSQL makes it retry
        on a fresh snapshot). Checked with a second database connection,
        which needs a customer and a quotation committed for this test (and
        deleted after it)."""
        company_id = self.company.id

        def create(env):
            partner = env["res.partner"].create(
                {"name": "Credit Lock Customer", "is_company": True}
            )
            partner.with_company(company_id).sales_credit_limit = 1000.0
            order = (
                env["sale.order"]
                .with_company(company_id)
                .create({"partner_id": partner.id, "company_id": company_id})
            )
            return partner.id, order.id

        def delete(env):
            env["sale.order"].browse(order_id).unlink()
            env["res.partner"].browse(partner_id).unlink()

        partner_id, order_id = self._committed(create)
        self.addCleanup(self._committed, delete)
        self.assertTrue(self._customer_row_free(partner_id))
        with self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = '10s'")
            order = api.Environment(cr, SUPERUSER_ID, {})["sale.order"].browse(order_id)
            # what confirming does first: the credit check
            order._sales_credit_hold_check()
            self.assertFalse(self._customer_row_free(partner_id))
            cr.rollback()
        # the lock goes with the confirming transaction
        self.assertTrue(self._customer_row_free(partner_id))
