# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import zipfile
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SalesCommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionSettlement(SalesCommissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # rep: pump 1,000 * 4 % = 40 and service 500 * 3 % = 15 -> 55 in March
        # rep_2: service 1,000 * 2 % = 20 in March; 300 * 2 % = 6 in April
        cls._invoice([(cls.pump, 1, 1000.0), (cls.service, 1, 500.0)])
        cls._invoice([(cls.service, 1, 1000.0)], partner=cls.customer_c)
        cls._invoice(
            [(cls.service, 1, 300.0)],
            partner=cls.customer_c,
            invoice_date=date(2026, 4, 3),
        )
        cls.env["sales.commission.line"]._generate(companies=cls.company)

    def _settle(self, user=None, date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)):
        wizard = (
            self.env["sales.commission.settle.wizard"]
            .with_user(user or self.manager)
            .create({"date_from": date_from, "date_to": date_to})
        )
        wizard.action_settle()
        return self.env["sales.commission.settlement"].search(
            [("date_from", "=", date_from)], order="user_id"
        )

    def test_settle_period_per_rep(self):
        settlements = self._settle()
        self.assertRecordValues(
            settlements.sorted(lambda s: s.user_id.id),
            [
                {"user_id": self.rep.id, "amount_total": 55.0, "state": "draft"},
                {"user_id": self.rep_2.id, "amount_total": 20.0, "state": "draft"},
            ],
        )
        # the April line stays open
        april = self.Line.search([("date", "=", date(2026, 4, 3))])
        self.assertFalse(april.settlement_id)

    def test_settling_the_same_period_twice_refused(self):
        self._settle()
        self._invoice([(self.service, 1, 100.0)], invoice_date=date(2026, 3, 30))
        with self.assertRefused(ValidationError, "already settled"):
            self._settle()
        # a cancelled settlement cannot come back while the period is settled
        first = self.env["sales.commission.settlement"].search(
            [("user_id", "=", self.rep.id)]
        )
        first.with_user(self.manager).action_cancel()
        self._settle()
        with self.assertRefused(ValidationError, "already settled"):
            first.state = "draft"

    def test_rep_cannot_settle_or_approve(self):
        with self.assertRaises(AccessError):
            self._settle(user=self.rep)
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        settlement.with_user(self.senior_manager).action_request_approval()
        with self.assertRaises(AccessError):
            settlement.with_user(self.rep).action_approval_approve()
        with self.assertRaises(AccessError):
            settlement.with_user(self.rep).action_pay()
        self.assertEqual(settlement.state, "draft")

    def test_approved_lines_are_locked(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        line = settlement.line_ids[0]
        line.amount = 41.0  # a draft settlement's lines may still be corrected
        self._approve_settlement(settlement)
        with self.assertRefused(UserError, "are locked"):
            line.amount = 99.0
        with self.assertRefused(UserError, "Cancel the settlement first"):
            line.unlink()
        self.assertEqual(line.amount, 41.0)

    def test_pay_creates_vendor_bill_for_the_rep(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        self._approve_settlement(settlement)
        settlement.with_user(self.manager).action_pay()
        self.assertEqual(settlement.state, "paid")
        self.assertRecordValues(
            settlement.bill_id,
            [
                {
                    "move_type": "in_invoice",
                    "partner_id": self.rep.partner_id.id,
                    "amount_total": 55.0,
                }
            ],
        )
        with self.assertRefused(UserError, "not possible in that state"):
            settlement.with_user(self.manager).action_cancel()

    def test_cancel_releases_lines_for_a_new_settlement(self):
        settlements = self._settle()
        settlements.with_user(self.manager).action_cancel()
        self.assertFalse(settlements.line_ids)
        again = self.env["sales.commission.settlement"].search(
            [("date_from", "=", date(2026, 3, 1)), ("state", "=", "draft")]
        )
        self.assertFalse(again)
        self._settle()
        fresh = self.env["sales.commission.settlement"].search(
            [("date_from", "=", date(2026, 3, 1)), ("state", "=", "draft")]
        )
        self.assertEqual(sum(fresh.mapped("amount_total")), 75.0)

    def test_reset_of_settled_invoice_refused(self):
        self._settle()
        invoice = self.Line.search([("user_id", "=", self.rep.id)], limit=1).move_id
        with self.assertRefused(UserError, "Issue a credit note"):
            invoice.button_draft()

    def test_xlsx_statement(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        action = settlement.with_user(self.rep).action_statement()
        self.assertEqual(action["type"], "ir.actions.act_url")
        wizard = self.env["sales.commission.statement.wizard"].search(
            [("settlement_id", "=", settlement.id)]
        )
        data = base64.b64decode(wizard.file_data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
            strings = archive.read("xl/sharedStrings.xml").decode()
        self.assertIn("Sp Rep", strings)
        self.assertIn("<v>55</v>", sheet)

    def test_manager_cannot_write_settlement_state_directly(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        as_manager = settlement.with_user(self.manager)
        with self.assertRefused(UserError, "only through its buttons"):
            as_manager.write({"state": "paid"})
        self._approve_settlement(settlement)
        as_manager.action_pay()
        # paid -> draft would let the lines be changed and paid again
        with self.assertRefused(UserError, "only through its buttons"):
            as_manager.write({"state": "draft"})
        with self.assertRefused(UserError, "only through its buttons"):
            as_manager.write({"approved_by_id": self.senior_manager.id})
        with self.assertRefused(UserError, "no longer a draft"):
            as_manager.write({"date_to": date(2026, 4, 30)})
        with self.assertRefused(UserError, "only through its buttons"):
            self.env["sales.commission.settlement"].with_user(self.manager).create(
                {
                    "user_id": self.rep.id,
                    "date_from": date(2026, 5, 1),
                    "date_to": date(2026, 5, 31),
                    "state": "approved",
                }
            )
        self.assertRecordValues(
            settlement,
            [{"state": "paid", "approved_by_id": self.manager.id}],
        )

    def test_lines_join_only_a_draft_settlement_of_their_rep(self):
        settlements = self._settle()
        mine = settlements.filtered(lambda s: s.user_id == self.rep)
        theirs = settlements.filtered(lambda s: s.user_id == self.rep_2)
        # rep_2's April line (300 * 2 % = 6) is still open
        april = self.Line.search([("date", "=", date(2026, 4, 3))])
        april = april.with_user(self.manager)
        with self.assertRefused(UserError, "of Sp Rep only"):
            april.settlement_id = mine
        # a draft settlement of the line's rep takes it: 20 + 6 = 26
        theirs.with_user(self.manager).write({"line_ids": [Command.link(april.id)]})
        self.assertEqual(theirs.amount_total, 26.0)
        april.settlement_id = False
        self._approve_settlement(mine)
        self._approve_settlement(theirs)
        with self.assertRefused(UserError, "no longer a draft"):
            theirs.with_user(self.manager).write({"line_ids": [Command.link(april.id)]})
        with self.assertRefused(UserError, "no longer a draft"):
            april.settlement_id = theirs
        # nor can lines leave an approved settlement
        with self.assertRefused(UserError, "are locked"):
            theirs.with_user(self.manager).write(
                {"line_ids": [Command.unlink(theirs.line_ids[0].id)]}
            )
        self.assertEqual(theirs.amount_total, 20.0)
        self.assertFalse(april.settlement_id)

    def test_vendor_bill_waits_for_the_settlement_approval(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        as_manager = settlement.with_user(self.manager)
        self.assertEqual(as_manager.approval_status, "to_submit")
        with self.assertRefused(UserError, "must approve it first"):
            as_manager.action_pay()
        as_manager.action_request_approval()
        self.assertEqual(as_manager.approval_status, "pending")
        with self.assertRefused(UserError, "Wait for the approvers"):
            as_manager.action_pay()
        # the manager who submitted it may not approve it: another one does
        self.assertFalse(as_manager.approval_can_decide)
        settlement.with_user(self.senior_manager).action_approval_approve()
        self.assertRecordValues(
            settlement,
            [{"state": "approved", "approved_by_id": self.senior_manager.id}],
        )
        as_manager.action_pay()
        self.assertEqual(settlement.state, "paid")
        self.assertTrue(settlement.bill_id)

    def test_rejected_settlement_stays_draft_and_unpaid(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        settlement.with_user(self.senior_manager).action_request_approval()
        settlement.with_user(self.manager).action_approval_reject()
        self.assertRecordValues(
            settlement,
            [{"state": "draft", "approval_status": "rejected", "bill_id": False}],
        )
        with self.assertRefused(UserError, "rejected"):
            settlement.with_user(self.manager).action_pay()
        # cancelled, the period can be settled again
        settlement.with_user(self.manager).action_cancel()
        self.assertEqual(settlement.state, "cancel")

    def test_manager_cannot_approve_their_own_commission_settlement(self):
        own = (
            self.env["sales.commission.settlement"]
            .with_user(self.senior_manager)
            .create(
                {
                    "user_id": self.manager.id,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )
        own.with_user(self.senior_manager).action_request_approval()
        request = own.sudo().approval_request_ids
        self.assertNotIn(self.manager, request.inbox_user_ids)
        with self.assertRefused(AccessError, "SP-COM-06"):
            own.with_user(self.manager).action_approval_approve()
        with self.assertRefused(UserError, "own request"):
            request.with_user(self.manager).action_approve()
        self.assertRecordValues(own, [{"state": "draft", "approved_by_id": False}])
        self.assertEqual(request.state, "pending")

    def test_corrected_line_reopens_the_settlement_approval(self):
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        settlement.with_user(self.senior_manager).action_request_approval()
        # corrected while the approvers look at it: 40 -> 41
        settlement.line_ids[0].amount = 41.0
        settlement.with_user(self.manager).action_approval_approve()
        self.assertRecordValues(
            settlement, [{"state": "draft", "approval_status": "to_submit"}]
        )

    def test_without_an_applicable_rule_the_draft_is_billed_at_once(self):
        self.settlement_rule.active = False
        settlement = self._settle().filtered(lambda s: s.user_id == self.rep)
        self.assertEqual(settlement.approval_status, "none")
        settlement.with_user(self.manager).action_pay()
        self.assertRecordValues(
            settlement, [{"state": "paid", "approved_by_id": False}]
        )
