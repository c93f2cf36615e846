# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import Command

from odoo.addons.sales_policy_base.tests.common import (
    SalesPolicyCommon,
    archive_approval_rules,
)


class CustomerDevCommon(SalesPolicyCommon):
    """Sales teams, customers per rep and the development stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        archive_approval_rules(cls.env)
        # ... but this module's own rule: the legal review before the contract
        cls.legal_rule = cls.env.ref(
            "sales_customer_dev.approval_rule_lead_legal_review"
        )
        cls.legal_rule.active = True
        # The manager leads the rep's team; rep_2 works in another team.
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Dev Team East",
                "user_id": cls.manager.id,
                "company_id": cls.company.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep.id})],
            }
        )
        cls.team_2 = cls.env["crm.team"].create(
            {
                "name": "Dev Team West",
                "company_id": cls.company.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.rep_2.id})],
            }
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "Rep Customer Co",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.rep.id,
            }
        )
        cls.customer_2 = Partner.create(
            {
                "name": "Rep Two Customer Co",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.rep_2.id,
            }
        )
        cls.customer_2_contact = Partner.create(
            {"name": "Buyer at Rep Two Customer", "parent_id": cls.customer_2.id}
        )
        cls.prospect = Partner.create({"name": "Prospect Ltd", "is_company": True})
        cls.stages = {
            code: cls.env.ref(f"sales_customer_dev.crm_stage_dev_{code}")
            for code in (
                "research",
                "identification",
                "contact_plan",
                "needs",
                "proposal",
                "negotiation",
                "contract",
                "kickoff",
                "follow_up",
            )
        }

    @classmethod
    def _rep_lead(cls, user=None, **vals):
        user = user or cls.rep
        values = {
            "name": "Opportunity",
            "type": "opportunity",
            "user_id": user.id,
            "team_id": False,
            "stage_id": cls.stages["research"].id,
        }
        values.update(vals)
        return cls.env["crm.lead"].with_user(user).create(values)

    @classmethod
    def _credit_checked(cls, lead):
        """A sales manager records the new customer's credit check (needed
        past the needs analysis, clause SP-DEV-11)."""
        lead.with_user(cls.manager).action_dev_credit_check()
        return lead

    def _confirm_quotation_as(self, user, customer, contact_name):
        """``user`` adds a contact to ``customer``, quotes it two units of a
        50.00 untaxed product and confirms: the order."""
        product = self.env["product.product"].create(
            {"name": "Gear", "list_price": 50.0, "taxes_id": [Command.clear()]}
        )
        contact = (
            self.env["res.partner"]
            .with_user(user)
            .create({"name": contact_name, "parent_id": customer.id})
        )
        order = (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": contact.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 2})
                    ],
                }
            )
        )
        order.action_confirm()
        return order

    @contextmanager
    def assertRefused(self, exception, pattern):
        """``assertRaisesRegex`` inside Odoo's savepoint-protected ``assertRaises``,
        so that the refused operation leaves no trace in the cache."""
        with self.assertRaises(exception) as context:
            yield context
        self.assertRegex(str(context.exception), pattern)
