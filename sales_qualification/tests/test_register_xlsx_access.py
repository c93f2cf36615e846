# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import re
import zipfile

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SalesQualificationCommon

PASSWORD = "sq-register-Secret1"


def xlsx_rows(content):
    """The rows of the first sheet of an XLSX file, as lists of cell texts.

    XlsxWriter writes texts as shared strings and numbers inline; enough to
    read back what the register wrote, without a spreadsheet library.
    """
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        shared = re.findall(
            r"<si><t[^>]*>(.*?)</t></si>",
            archive.read("xl/sharedStrings.xml").decode(),
            re.S,
        )
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    rows = []
    for row in re.findall(r"<row [^>]*>(.*?)</row>", sheet, re.S):
        # XlsxWriter writes no cell for an empty value: place cells by column
        cells = {}
        for column, attrs, value in re.findall(
            r'<c r="([A-Z]+)[0-9]+"([^>]*?)(?:/>|>(.*?)</c>)', row, re.S
        ):
            text = re.search(r"<v>(.*?)</v>", value or "")
            text = text.group(1) if text else ""
            index = ord(column) - ord("A")  # the register has fewer than 26 columns
            cells[index] = shared[int(text)] if 't="s"' in attrs else text
        rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
    return rows


@tagged("post_install", "-at_install")
class TestRegisterXlsxAccess(SalesQualificationCommon, HttpCase):
    """A rep downloads the custody register: the file lists the certificates
    they may read, without the names of what they may not (a confidential
    customer as issuing authority, another rep's loan) and without an access
    error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # another rep's customer, unreadable to the rep: with sales_customer_dev
        # installed its own rule already hides it; this rule makes the test
        # independent of it (group rules add up: the customer stays hidden)
        cls.secret_issuer = cls.env["res.partner"].create(
            {
                "name": "Confidential Bureau Customer",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.rep_2.id,
            }
        )
        cls.env["ir.rule"].create(
            {
                "name": "Test: another rep's customers are confidential",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "domain_force": f"[('user_id', '!=', {cls.rep_2.id})]",
                "groups": [
                    Command.link(
                        cls.env.ref("sales_policy_base.group_sales_policy_user").id
                    )
                ],
            }
        )
        # ... and senior managers read every customer (as sales_customer_dev's
        # "all" rule lets them)
        cls.env["ir.rule"].create(
            {
                "name": "Test: senior managers read every customer",
                "model_id": cls.env["ir.model"]._get_id("res.partner"),
                "domain_force": "[(1, '=', 1)]",
                "groups": [
                    Command.link(
                        cls.env.ref(
                            "sales_policy_base.group_sales_policy_senior_manager"
                        ).id
                    )
                ],
            }
        )
        cls.secret_qualification = cls._create_qualification(
            "Grade I Contractor", "CC-0002", issuer_id=cls.secret_issuer.id
        )
        # the active certificate is lent to rep_2: the rep may not read the loan
        loan = cls.Loan.with_user(cls.rep_2).create(
            {"qualification_id": cls.active_qualification.id, "purpose": "Tender"}
        )
        loan.with_user(cls.manager).action_approval_approve()
        cls.stock_salesman = new_test_user(
            cls.env,
            login="sq_stock_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        for user in (cls.rep, cls.manager, cls.stock_salesman):
            user.password = PASSWORD

    def _download(self, user, ids=None):
        self.authenticate(user.login, PASSWORD)
        url = "/sales_qualification/register.xlsx"
        if ids:
            url += "?ids=" + ",".join(str(i) for i in ids)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        return xlsx_rows(response.content)

    def _by_number(self, rows):
        header = rows[0]
        return {row[1]: dict(zip(header, row, strict=False)) for row in rows[1:]}

    def test_fixture_is_unreadable_to_the_rep(self):
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.rep)
            .search([("id", "=", self.secret_issuer.id)])
        )
        self.assertFalse(
            self.Loan.with_user(self.rep).search(
                [("id", "=", self.active_qualification.current_loan_id.id)]
            )
        )

    def test_rep_downloads_the_register_without_what_they_may_not_read(self):
        qualifications = self.active_qualification | self.secret_qualification
        for ids in (None, qualifications.ids):
            with self.subTest(ids=ids):
                rows = self._download(self.rep, ids)
                by_number = self._by_number(rows)
                self.assertEqual(set(by_number), {"CC-0001", "CC-0002"})
                self.assertEqual(
                    by_number["CC-0001"]["Issuer"], "Test Licensing Bureau"
                )
                self.assertEqual(by_number["CC-0001"]["Custodian"], "Sp Manager")
                self.assertEqual(by_number["CC-0002"]["Name"], "Grade I Contractor")
                self.assertFalse(by_number["CC-0002"]["Issuer"])
                self.assertFalse(by_number["CC-0001"]["Lent To"])
                self.assertNotIn("Confidential Bureau Customer", str(rows))

    def test_manager_downloads_the_full_register(self):
        self.env.ref("sales_policy_base.group_sales_policy_senior_manager").users = [
            Command.link(self.manager.id)
        ]
        by_number = self._by_number(self._download(self.manager))
        self.assertEqual(by_number["CC-0002"]["Issuer"], "Confidential Bureau Customer")
        self.assertEqual(by_number["CC-0001"]["Lent To"], "Sp Rep 2")

    def test_stock_salesman_downloads_an_empty_register(self):
        # Odoo's own salesman has no access to the certificates: the register
        # lists none rather than failing
        rows = self._download(self.stock_salesman)
        self.assertEqual(rows[0][:3], ["Name", "Number", "Issuer"])
        self.assertEqual(len(rows), 1)
        rows = self._download(self.stock_salesman, self.secret_qualification.ids)
        self.assertEqual(len(rows), 1)
