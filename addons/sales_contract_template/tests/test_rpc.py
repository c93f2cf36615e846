# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import ContractTemplateCommon

FORGED_CONTEXT = {
    "sales_policy_transition": True,
    "sales_policy_approval_transition": True,
    "sales_policy_skip_approval": True,
    "default_sales_contract_version_id": False,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestContractTemplateRpc(RepRpcAttackerMixin, ContractTemplateCommon, HttpCase):
    """What the contract policy forbids stays forbidden over XML-RPC."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-contract-Rpc1"
        cls.rep.password = cls.password
        cls.order = cls._order(cls.customer_a)
        cls.order.with_user(cls.rep).action_confirm()
        cls.draft = cls._draft(cls.template_a, "Next", "2026-11-01", "<p>next</p>")

    def test_rep_cannot_write_the_recorded_version_over_rpc(self):
        self.assertEqual(self.order.sales_contract_version_id, self.version_a)
        self._refused(
            "SP-CTR-04",
            "sale.order",
            "write",
            [[self.order.id], {"sales_contract_version_id": self.version_c.id}],
        )
        self._refused(
            "SP-CTR-04",
            "sale.order",
            "create",
            [
                {
                    "partner_id": self.customer_c.id,
                    "sales_contract_version_id": self.version_c.id,
                }
            ],
        )
        self.assertEqual(self.order.sales_contract_version_id, self.version_a)

    def test_rep_cannot_publish_or_review_over_rpc(self):
        self._refused(
            "legal reviewer",
            "sales.contract.template.version",
            "action_publish",
            [[self.draft.id]],
        )
        self._refused(
            "legal reviewer",
            "sales.contract.template",
            "action_confirm_review",
            [[self.template_a.id]],
        )
        self._refused(
            "not allowed",
            "sales.contract.template.version",
            "write",
            [[self.draft.id], {"state": "active"}],
        )
        self._refused(
            "not allowed",
            "sales.contract.template.version",
            "create",
            [
                {
                    "template_id": self.template_a.id,
                    "name": "x",
                    "date_from": "2027-01-01",
                }
            ],
        )
        self.assertEqual(self.draft.state, "draft")
        self.assertFalse(self.template_a.last_reviewed_by_id == self.rep)

    def test_rep_reads_the_printed_contract_version(self):
        rows = self._rpc(
            "sale.order", "read", [[self.order.id], ["sales_contract_print_version_id"]]
        )
        self.assertEqual(
            rows[0]["sales_contract_print_version_id"][0], self.version_a.id
        )
