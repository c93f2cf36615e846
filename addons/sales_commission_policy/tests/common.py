# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)


class SalesCommissionCommon(SalesPolicyCommon):
    """A company with a chart of accounts, a plan and customers owned by reps.

    Plan (invoice basis, from 2026-01-01), rates:
      default 2 %; grade A 3 %; category "Equipment" (and its child "Pumps")
      4 %; product "Special Pump" 6 %.
    Customers: ``customer_a`` (grade A, owned by ``rep``), ``customer_c``
    (grade C, owned by ``rep_2``). Products are tax-free, cost 600.
    Amounts are untaxed, in the company currency. The plan does not hold
    overdue invoices (``hold_overdue``, tested on its own).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        # this module's own rules (bonuses, settlements) are its tests' subject
        cls.bonus_rule = cls.env.ref(
            "sales_commission_policy.approval_rule_commission_bonus"
        )
        cls.large_bonus_rule = cls.env.ref(
            "sales_commission_policy.approval_rule_commission_bonus_large"
        )
        cls.settlement_rule = cls.env.ref(
            "sales_commission_policy.approval_rule_commission_settlement"
        )
        (cls.bonus_rule | cls.large_bonus_rule | cls.settlement_rule).active = True
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        cls.categ_equipment = cls.env["product.category"].create({"name": "Equipment"})
        cls.categ_pumps = cls.env["product.category"].create(
            {"name": "Pumps", "parent_id": cls.categ_equipment.id}
        )
        cls.categ_services = cls.env["product.category"].create({"name": "Services"})
        cls.pump = cls._product("Pump", cls.categ_pumps)
        cls.special_pump = cls._product("Special Pump", cls.categ_pumps)
        cls.service = cls._product("Installation", cls.categ_services)
        cls.customer_a = cls.env["res.partner"].create(
            {
                "name": "Grade A Customer",
                "is_company": True,
                "sales_grade": "a",
                "sales_commission_owner_id": cls.rep.id,
            }
        )
        cls.customer_c = cls.env["res.partner"].create(
            {
                "name": "Grade C Customer",
                "is_company": True,
                "sales_grade": "c",
                "sales_commission_owner_id": cls.rep_2.id,
            }
        )
        cls.plan = cls.env["sales.commission.plan"].create(
            {
                "name": "Standard Plan",
                "company_id": cls.company.id,
                "date_from": date(2026, 1, 1),
                "base": "invoiced",
                # the fixture invoices are due at once and mostly unpaid: the
                # overdue hold has its own tests (test_commission_overdue.py)
                "hold_overdue": False,
                "rule_ids": [
                    Command.create({"rate": 2.0}),
                    Command.create({"sales_grade": "a", "rate": 3.0}),
                    Command.create(
                        {"product_categ_id": cls.categ_equipment.id, "rate": 4.0}
                    ),
                    Command.create({"product_id": cls.special_pump.id, "rate": 6.0}),
                ],
            }
        )
        cls.bank_journal = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1
        )
        cls.Line = cls.env["sales.commission.line"]

    @classmethod
    def _product(cls, name, categ):
        return cls.env["product.product"].create(
            {
                "name": name,
                "categ_id": categ.id,
                "type": "service",
                "invoice_policy": "order",
                "list_price": 1000.0,
                "standard_price": 600.0,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _invoice(
        cls,
        lines,
        partner=None,
        invoice_date=date(2026, 3, 10),
        move_type="out_invoice",
        splits=None,
        post=True,
    ):
        """An invoice of ``lines`` [(product, quantity, unit price)]."""
        vals = {
            "move_type": move_type,
            "partner_id": (partner or cls.customer_a).id,
            "invoice_date": invoice_date,
            "invoice_payment_term_id": False,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "quantity": qty,
                        "price_unit": price,
                        "tax_ids": [Command.clear()],
                    }
                )
                for product, qty, price in lines
            ],
        }
        if splits is not None:
            vals["sales_commission_split_ids"] = [
                Command.create({"user_id": user.id, "percent": pct})
                for user, pct in splits
            ]
        move = cls.env["account.move"].with_company(cls.company).create(vals)
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, invoice, amount, pay_date=date(2026, 3, 20)):
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": pay_date,
                    "journal_id": cls.bank_journal.id,
                    "payment_difference_handling": "open",
                }
            )
        )
        return wizard._create_payments()

    def _approve_settlement(self, settlement, approver=None):
        """Through the approval engine: a senior manager submits the draft, a
        sales manager (or ``approver``) approves it."""
        settlement.with_user(self.senior_manager).action_request_approval()
        settlement.with_user(approver or self.manager).action_approval_approve()

    def _generate(self):
        return self.Line._generate(companies=self.company)

    def _lines(self, moves):
        return self.Line.search([("move_id", "in", moves.ids)], order="id")
