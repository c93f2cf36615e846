# Copyright 2026 Sales Policy Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalesComplaintCommon


@tagged("post_install", "-at_install")
class TestSuggestion(SalesComplaintCommon):
    def _suggestion(self, **values):
        vals = {
            "name": "Smaller bags",
            "partner_id": self.customer.id,
            "content": "25 kg bags, please.",
        }
        vals.update(values)
        return self.env["sales.customer.suggestion"].with_user(self.rep).create(vals)

    def test_answer_records_who_and_when(self):
        suggestion = self._suggestion()
        self.assertEqual(suggestion.user_id, self.rep)
        self.assertEqual(
            suggestion.answer_deadline, suggestion.date_received + timedelta(days=7)
        )
        with self.assertRefused(UserError, "Write the answer"):
            suggestion.action_answer()
        suggestion.answer = "From next quarter."
        suggestion.action_answer()
        self.assertRecordValues(
            suggestion,
            [
                {
                    "suggestion_state": "answered",
                    "answered_by_id": self.rep.id,
                    "timely": True,
                }
            ],
        )
        with self.assertRefused(UserError, "already answered"):
            suggestion.action_answer()
        with self.assertRefused(UserError, "kept as it was given"):
            suggestion.answer = "Changed"

    def test_late_answer_is_not_timely(self):
        suggestion = self._suggestion(
            date_received=fields.Datetime.now() - timedelta(days=8), answer="Late"
        )
        suggestion.action_answer()
        self.assertFalse(suggestion.timely)

    def test_answer_fields_are_protected(self):
        suggestion = self._suggestion()
        with self.assertRefused(UserError, "own buttons"):
            suggestion.write({"suggestion_state": "answered"})
        with self.assertRefused(UserError, "own buttons"):
            suggestion.write({"answered_by_id": self.manager.id})
        self.assertEqual(suggestion.suggestion_state, "new")

    def test_register_xlsx_lists_the_rows(self):
        suggestion = self._suggestion()
        content = self.env["sales.complaint.register"]._suggestion_register_xlsx(
            suggestion
        )
        self.assertTrue(content.startswith(b"PK"))
