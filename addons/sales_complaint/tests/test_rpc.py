# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import zipfile
from datetime import datetime

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import SalesComplaintCommon

FORGED_CONTEXT = {
    "sales_policy_approval_transition": True,
    "sales_policy_transition": True,
    "sales_policy_approval_checked": True,
    "sales_policy_skip_approval": True,
    "skip_approval": True,
    "default_complaint_state": "closed",
    "default_customer_confirmed": True,
    "default_reopen_count": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestComplaintRpc(RepRpcAttackerMixin, SalesComplaintCommon, HttpCase):
    """What the complaint policy forbids stays forbidden over XML-RPC, with
    forged context keys: the call is refused (or stripped) and nothing changed."""

    rpc_context = FORGED_CONTEXT

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-complaint-Rpc1"
        cls.rep.password = cls.password
        cls.claim = (
            cls.env["crm.claim"]
            .with_user(cls.rep)
            .create({"name": "Wet pallets", "partner_id": cls.customer.id})
        )
        cls.claim.with_user(cls.rep).action_route()

    def _assert_unchanged(self):
        self.assertRecordValues(
            self.claim,
            [
                {
                    "complaint_state": "routed",
                    "first_response_date": False,
                    "customer_confirmed": False,
                    "date_closed": False,
                    "revisit_score": 0,
                    "reopen_count": 0,
                    "escalation_level": 0,
                    "stage_id": self.env.ref("crm_claim.stage_claim1").id,
                }
            ],
        )

    def test_rep_cannot_write_state_or_decisions(self):
        for vals in (
            {"complaint_state": "closed"},
            {"stage_id": self.env.ref("crm_claim.stage_claim2").id},
            {"first_response_date": "2026-01-01 00:00:00"},
            {"customer_confirmed": True},
            {"date_closed": "2026-01-01 00:00:00"},
            {"revisit_score": 5},
            {"reopen_count": 0, "escalation_level": 2},
            {"response_deadline": "2099-01-01 00:00:00"},
        ):
            with self.subTest(vals=vals):
                self._refused(
                    "own buttons", "crm.claim", "write", [[self.claim.id], vals]
                )
        self._assert_unchanged()

    def test_rep_cannot_skip_steps_or_the_approval(self):
        self._refused("not possible", "crm.claim", "action_close", [[self.claim.id]])
        self._refused("not closed", "crm.claim", "action_revisit", [[self.claim.id], 5])
        self._refused(
            "expects a value for score",
            "crm.claim",
            "action_revisit",
            [[self.claim.id]],
        )
        self._assert_unchanged()
        # a compensation: closing waits for a manager, forged keys or not
        self.claim.action_respond()
        self.claim.write({"resolution": "Credit note", "compensation_amount": 500.0})
        self.claim.action_resolve()
        self.claim.action_customer_confirm()
        self._refused(
            "must approve it first", "crm.claim", "action_close", [[self.claim.id]]
        )
        self.assertEqual(self.claim.complaint_state, "resolved")

    def test_create_in_a_final_state_is_refused_or_stripped(self):
        count = self.env["crm.claim"].search_count([])
        self._refused(
            "own buttons",
            "crm.claim",
            "create",
            [
                {
                    "name": "Forged",
                    "partner_id": self.customer.id,
                    "complaint_state": "closed",
                    "revisit_score": 5,
                }
            ],
        )
        self.assertEqual(self.env["crm.claim"].search_count([]), count)
        # default_<protected field> context keys are dropped
        new_id = self._rpc(
            "crm.claim", "create", [{"name": "Plain", "partner_id": self.customer.id}]
        )
        self.assertRecordValues(
            self.env["crm.claim"].browse(new_id),
            [{"complaint_state": "new", "customer_confirmed": False}],
        )

    def test_rep_cannot_backdate_a_complaint(self):
        count = self.env["crm.claim"].search_count([])
        self._refused(
            "deadline already past",
            "crm.claim",
            "create",
            [
                {
                    "name": "Old",
                    "partner_id": self.customer.id,
                    "date": "2020-01-01 00:00:00",
                }
            ],
        )
        self.assertEqual(self.env["crm.claim"].search_count([]), count)

    def test_rep_cannot_clear_a_contract_edit(self):
        self.env["sales.policy.approval.rule"].search(
            [("model_name", "=", "sale.order")]
        ).active = False
        product = self.env["product.product"].create({"name": "Filler"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.rep.id,
                "order_line": [(0, 0, {"product_id": product.id})],
            }
        )
        order.action_confirm()
        order.order_line.product_uom_qty = 3
        self._refused(
            "recorded by the order lines",
            "sale.order",
            "write",
            [[order.id], {"contract_edited": False, "contract_edited_date": False}],
        )
        self.assertTrue(order.contract_edited)

    def test_register_xlsx_lists_only_readable_complaints(self):
        other = self.env["crm.claim"].create(
            {
                "name": "Other rep's complaint",
                "partner_id": self.other_customer.id,
                "user_id": self.rep_2.id,
                "date": datetime.now(),
            }
        )
        self.authenticate(self.rep.login, self.password)
        response = self.url_open("/sales_complaint/register/complaints.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        strings = zipfile.ZipFile(io.BytesIO(response.content)).read(
            "xl/sharedStrings.xml"
        )
        self.assertIn(self.claim.complaint_number.encode(), strings)
        self.assertNotIn(other.complaint_number.encode(), strings)
        # asking for the other complaint by id is refused
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/sales_complaint/register/complaints.xlsx?ids={other.id}"
            )
        self.assertNotEqual(response.status_code, 200)
