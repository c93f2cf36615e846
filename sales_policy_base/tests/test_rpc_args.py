# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sales_policy_base.tools.rpc_args import (
    as_date,
    as_number,
    as_positive_int,
    as_record,
    as_records,
    public_arguments,
)

from .common import SalesPolicyCommon


class _Methods:
    """Methods decorated as a model's would be; called with a recordset."""

    @public_arguments
    def multi(self, amount, note=None):
        return (amount, note)

    @public_arguments(one=True)
    def single(self):
        return self.id

    @api.model
    @public_arguments
    def on_model(self, month=None):
        return month


@tagged("post_install", "-at_install")
class TestRpcArgs(SalesPolicyCommon):
    def setUp(self):
        super().setUp()
        self.partners = self.env["res.partner"]
        self.partner = self.partners.create({"name": "RPC Args Customer"})

    # --- public_arguments ----------------------------------------------------
    def test_well_formed_calls_go_through(self):
        self.assertEqual(_Methods.multi(self.partner, 5, note="x"), (5, "x"))
        self.assertEqual(_Methods.multi(self.partners, 5), (5, None))
        self.assertEqual(_Methods.single(self.partner), self.partner.id)
        self.assertEqual(_Methods.on_model(self.partners, month=3), 3)

    def test_binding_errors_name_the_method(self):
        cases = [
            ((), {}, r"res.partner.multi expects a value for amount"),
            ((1, 2, 3), {}, r"res.partner.multi expects at most 2 argument\(s\)"),
            ((1,), {"colour": "red"}, r"res.partner.multi has no parameter colour"),
            ((1,), {"amount": 1}, r"received amount twice"),
        ]
        for args, kwargs, regex in cases:
            with self.subTest(args=args, kwargs=kwargs):
                with self.assertRaisesRegex(UserError, regex):
                    _Methods.multi(self.partner, *args, **kwargs)
        with self.assertRaisesRegex(UserError, r"res.partner.single expects at most 0"):
            _Methods.single(self.partner, "extra")

    def test_one_record_and_integer_ids_required(self):
        with self.assertRaisesRegex(UserError, "exactly one Contact record.*on 0"):
            _Methods.single(self.partners)
        two = self.partner | self.partners.create({"name": "Second"})
        with self.assertRaisesRegex(UserError, "exactly one Contact record.*on 2"):
            _Methods.single(two)
        with self.assertRaisesRegex(UserError, "does not exist"):
            _Methods.single(self.partners.browse(2_147_483_000))
        with self.assertRaisesRegex(UserError, "given by their ids"):
            _Methods.multi(self.partners.browse(["abc"]), 1)

    def test_decorator_keeps_odoo_method_attributes(self):
        self.assertEqual(_Methods.on_model._api, "model")
        self.assertEqual(_Methods.single.__name__, "single")
        self.assertEqual(_Methods.single._public_arguments, {"one": True})

    # --- converters -----------------------------------------------------------
    def test_as_record_accepts_records_and_existing_ids(self):
        for value in (self.partner, self.partner.id, [self.partner.id]):
            with self.subTest(value=value):
                self.assertEqual(
                    as_record(self.partners, value, "res.partner", "Customer"),
                    self.partner,
                )
        self.assertFalse(
            as_record(self.partners, False, "res.partner", "Customer", required=False)
        )

    def test_as_record_refuses_what_is_not_one_existing_record(self):
        currency = self.env["res.currency"].search([], limit=1)
        cases = [
            (None, "Customer is required"),
            ("abc", "Customer must be Contact ids"),
            (True, "Customer must be Contact ids"),
            (2_147_483_000, "Contact record 2147483000 does not exist"),
            ([self.partner.id, 2_147_483_000], "does not exist"),
            (currency, "Customer must be Contact"),
            (self.partner | self.partners.create({"name": "B"}), "one Contact"),
        ]
        for value, regex in cases:
            with self.subTest(value=value):
                with self.assertRaisesRegex(UserError, regex):
                    as_record(self.partners, value, "res.partner", "Customer")

    def test_as_records_checks_read_access_of_ids(self):
        companies = self.env["res.company"].with_user(self.rep)
        self.assertEqual(
            as_records(companies, [self.company.id], "res.company", "Companies"),
            self.company,
        )
        self.assertFalse(as_records(companies, [], "res.company", "Companies"))
        with self.assertRaises(AccessError):
            as_records(companies, [self.company_b.id], "res.company", "Companies")

    def test_as_number(self):
        self.assertEqual(as_number(self.partners, 5, "Deposit"), 5)
        self.assertEqual(as_number(self.partners, 2.5, "Deposit", minimum=0), 2.5)
        self.assertIsNone(as_number(self.partners, None, "Deposit", required=False))
        for value, regex in [
            (None, "Deposit is required"),
            ("5", "Deposit must be a number"),
            (True, "Deposit must be a number"),
            (float("nan"), "Deposit must be a number"),
            ([5], "Deposit must be a number"),
            (-1, "Deposit must be at least 0"),
        ]:
            with self.subTest(value=value):
                with self.assertRaisesRegex(UserError, regex):
                    as_number(self.partners, value, "Deposit", minimum=0)

    def test_as_positive_int(self):
        self.assertEqual(as_positive_int(self.partners, 3, "Hours"), 3)
        self.assertEqual(as_positive_int(self.partners, 3.0, "Hours"), 3)
        self.assertIsNone(
            as_positive_int(self.partners, False, "Hours", required=False)
        )
        for value in (0, -2, 1.5, "3", True):
            with self.subTest(value=value):
                with self.assertRaisesRegex(UserError, "Hours must be a whole number"):
                    as_positive_int(self.partners, value, "Hours")

    def test_as_date(self):
        day = datetime.date(2026, 3, 15)
        for value in (day, datetime.datetime(2026, 3, 15, 10, 30), "2026-03-15"):
            with self.subTest(value=value):
                self.assertEqual(as_date(self.partners, value, "Month"), day)
        self.assertIsNone(as_date(self.partners, "", "Month", required=False))
        for value, regex in [
            (None, "Month is required"),
            ("15/03/2026", r"Month must be a date \(YYYY-MM-DD\)"),
            ("2026-13-45", "Month must be a date"),
            (20260315, "Month must be a date"),
        ]:
            with self.subTest(value=value):
                with self.assertRaisesRegex(UserError, regex):
                    as_date(self.partners, value, "Month")
