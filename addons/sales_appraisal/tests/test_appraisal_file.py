# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rep's appraisal file (XLSX): months, indicators, weights, scores, the
quarter with the manager's comments, rewards and penalties. A rep downloads
their own file only; a manager those of their team."""

import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_policy_base.tests.common import RepRpcAttackerMixin

from .common import SalesAppraisalCommon


class AppraisalFileCommon(SalesAppraisalCommon):
    """rep: January 2025 (Old Buyer's first order 1,000, target 1,000 ->
    revenue 100 %), the first quarter reviewed with a comment; a 50.00
    fine approved. rep_2 (another team) has their own January."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._target(cls.rep, cls.team, revenue=12000.0, new_customers=12, visits=24)
        cls._target(cls.rep_2, cls.team_2, revenue=12000.0)
        cls._order(cls.rep, cls.customer, 1000.0, date(2025, 1, 10))
        engine = cls.env["sales.appraisal.engine"].sudo()
        for m in (1, 2, 3):
            engine._compute_month(cls.company, cls.month(m))
        quarters = engine._aggregate(cls.company, "quarter", cls.month(1))
        cls.quarter = quarters.filtered(lambda a: a.user_id == cls.rep)
        cls.quarter_2 = quarters.filtered(lambda a: a.user_id == cls.rep_2)
        cls.quarter.with_user(cls.manager).manager_comment = "Solid first quarter."
        cls.quarter.with_user(cls.manager).action_review()
        fine = (
            cls.env["sales.reward.penalty"]
            .with_user(cls.manager)
            .create(
                {
                    "user_id": cls.rep.id,
                    "kind": "penalty",
                    "reason": "Contract error: wrong unit price",
                    "amount": 50.0,
                    "date": date(2025, 3, 5),
                }
            )
        )
        fine.action_request_approval()
        fine.with_user(cls.senior_manager).action_approval_approve()

    def _sheets(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }

    def _download(self, record, user):
        action = record.with_user(user).action_download_file()
        self.assertIn("download=true", action["url"])
        model, _sep, rest = action["url"].partition("model=")[2].partition("&id=")
        export = self.env[model].sudo().browse(int(rest.partition("&")[0]))
        return self._sheets(base64.b64decode(export.file_data))


@tagged("post_install", "-at_install")
class TestAppraisalFile(AppraisalFileCommon):
    def test_rep_downloads_own_file_with_scores_comments_and_fines(self):
        sheets = self._download(self.quarter, self.rep)
        self.assertEqual(
            list(sheets), ["Appraisals", "Indicators", "Rewards and Penalties"]
        )
        appraisals = sheets["Appraisals"][4:]
        # three months then the quarter
        self.assertEqual(
            [(row[0], row[1]) for row in appraisals],
            [
                ("2025-01", "Month"),
                ("2025-02", "Month"),
                ("2025-03", "Month"),
                ("2025 Q1", "Quarter"),
            ],
        )
        quarter_row = appraisals[3]
        self.assertEqual(quarter_row[2], self.quarter.score_total)
        self.assertEqual(quarter_row[4], "Reviewed")
        self.assertEqual(quarter_row[5], self.manager.name)
        self.assertEqual(quarter_row[9], "Solid first quarter.")
        # January's revenue line: weight 50, target 1,000, actual 1,000,
        # achievement 100 % -> score 100
        revenue = next(
            row
            for row in sheets["Indicators"]
            if row[0] == "2025-01" and row[2] == "Revenue"
        )
        self.assertEqual(revenue[3:8], [50.0, 1000.0, 1000.0, 100.0, 100.0])
        quarter_rows = [row for row in sheets["Indicators"] if row[0] == "2025 Q1"]
        self.assertEqual(
            [row[2] for row in quarter_rows],
            ["Revenue", "New Customers", "Visits", "Teamwork", "Attitude"],
        )
        # each appraisal's indicators end with its total score
        total = sheets["Indicators"][sheets["Indicators"].index(quarter_rows[-1]) + 1]
        self.assertEqual((total[2], total[7]), ("Total", self.quarter.score_total))
        fines = sheets["Rewards and Penalties"][4:]
        self.assertEqual(
            fines[0][:3],
            ["2025-03-05", "Penalty", "Contract error: wrong unit price"],
        )
        self.assertEqual(fines[0][4:], ["Approved", -50.0])
        self.assertEqual(fines[-1][4:], ["Approved total", -50.0])

    def test_rep_cannot_download_someone_elses_file(self):
        Export = self.env["sales.appraisal.file.export"].with_user(self.rep)
        # the wizard's record rule: a file of rep_2 is not created
        with self.assertRaises(AccessError):
            Export.create({"user_id": self.rep_2.id, "year": 2025})
        # rep_2's appraisal is not readable, so no file from it either
        with self.assertRaises(AccessError):
            self.quarter_2.with_user(self.rep).action_download_file()
        # own wizard turned to rep_2 afterwards: refused at the download
        own = Export.create({"year": 2025})
        self.assertEqual(own.user_id, self.rep)
        with self.assertRaisesRegex(AccessError, "your own appraisal file only"):
            own.write({"user_id": self.rep_2.id})
        # drop the refused value the cache still holds, read the database
        self.env.invalidate_all(flush=False)
        self.assertEqual(own.sudo().user_id, self.rep)

    def test_explicit_check_refuses_a_rep_even_past_the_record_rules(self):
        # were the wizard's "own" rule lost, the explicit check still holds
        self.env.ref(
            "sales_appraisal.sales_appraisal_file_export_rule_own"
        ).active = False
        Export = self.env["sales.appraisal.file.export"]
        with self.assertRaisesRegex(AccessError, "your own appraisal file only"):
            Export.with_user(self.rep).create({"user_id": self.rep_2.id, "year": 2025})
        wizard = Export.sudo().create({"user_id": self.rep_2.id, "year": 2025})
        with self.assertRaisesRegex(AccessError, "your own appraisal file only"):
            wizard.with_user(self.rep).action_export()
        self.assertFalse(wizard.file_data)

    def test_manager_downloads_the_team_files_only(self):
        sheets = self._download(self.quarter, self.manager)
        self.assertEqual(sheets["Appraisals"][1][0].split(",")[0], self.rep.name)
        # rep_2 is in team_2 (led by the senior manager)
        with self.assertRaises(AccessError):
            self.quarter_2.with_user(self.manager).action_download_file()
        with self.assertRaises(AccessError):
            self.env["sales.appraisal.file.export"].with_user(self.manager).create(
                {"user_id": self.rep_2.id, "year": 2025}
            )
        # the senior manager reads every file
        sheets = self._download(self.quarter_2, self.senior_manager)
        self.assertEqual(sheets["Appraisals"][1][0].split(",")[0], self.rep_2.name)


@tagged("post_install", "-at_install")
class TestAppraisalFileRpc(RepRpcAttackerMixin, AppraisalFileCommon, HttpCase):
    rpc_context = {"appraisal_file_pick_rep": True, "active_test": False}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.password = "sp-rep-appraisal-File1"
        cls.rep.password = cls.password

    def test_rep_over_rpc_gets_no_file_of_another_rep(self):
        before = self.env["sales.appraisal.file.export"].sudo().search_count([])
        self._refused(
            r"(?i)your own appraisal file only|access",
            "sales.appraisal.file.export",
            "create",
            [{"user_id": self.rep_2.id, "year": 2025}],
        )
        self._refused(
            r"(?i)your own appraisal file only|access",
            "sales.appraisal",
            "action_download_file",
            [[self.quarter_2.id]],
        )
        own = self._rpc("sales.appraisal.file.export", "create", [{"year": 2025}])
        self._refused(
            "your own appraisal file only",
            "sales.appraisal.file.export",
            "write",
            [[own], {"user_id": self.rep_2.id}],
        )
        exports = self.env["sales.appraisal.file.export"].sudo().search([])
        # only the rep's own wizard exists, still theirs, with no file
        self.assertEqual(len(exports), before + 1)
        self.assertRecordValues(
            exports.filtered(lambda e: e.id == own),
            [{"user_id": self.rep.id, "file_data": False}],
        )
        # the own file downloads
        action = self._rpc(
            "sales.appraisal", "action_download_file", [[self.quarter.id]]
        )
        self.assertIn("download=true", action["url"])
