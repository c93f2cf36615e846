# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Malformed calls of the suite's public methods over XML-RPC.

Every public method (its name does not start with ``_``) is callable over
XML-RPC. Whatever the caller sends (an extra argument, a missing one, a string
or an unknown id where a record is expected, no record or two records for an
action on one), the answer is a clear refusal (a UserError-kind fault: code 2,
or 3/4 for access), never a Python traceback (code 1), and nothing is written.

Limits, by Odoo's dispatcher (``odoo.api.call_kw``), outside the suite's reach:
a call of a record method without any positional argument (no ids) fails with
an IndexError before the method runs, and the methods the suite only
overrides (``action_confirm``, ``write``, ...) keep Odoo's own signature and
answers; both are left out.
"""

import inspect
import xmlrpc.client

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.sales_showroom.tests.common import ShowroomCommon

from .suite_paths import is_suite_path

#: an id no record has
NO_SUCH_ID = 2_147_483_000
GARBAGE = "not-a-value"
#: extra tables read back after each refused call, besides the walked models'
WATCHED_TABLES = ("mail_message", "mail_tracking_value", "mail_activity")
#: public methods of the suite that are not decorated yet, each with its owner
#: (files another change owns); the test fails if an entry is no longer needed
NOT_YET_DECORATED = {}


def _is_suite_code(func):
    """Whether ``func`` is written in the suite's repository (not in a
    dependency installed inside it, e.g. ``.venv/``)."""
    code = getattr(inspect.unwrap(func), "__code__", None)
    if not code:
        return False
    return is_suite_path(code.co_filename)


def suite_public_methods(env):
    """``(model, name, function)`` of each public method the suite introduces.

    A method is the suite's when every class of the model defining that name
    is suite code: overrides of Odoo's methods (create, write, action_confirm,
    ...) are left out. Abstract models are reached through their consumers.
    """
    for model_name in sorted(env.registry.models):
        model = env[model_name]
        if model._abstract:
            continue
        cls = type(model)
        for name in sorted(dir(cls)):
            if name.startswith("_"):
                continue
            definitions = [
                vars(klass)[name] for klass in cls.__mro__ if name in vars(klass)
            ]
            if not all(inspect.isfunction(func) for func in definitions):
                continue
            if all(_is_suite_code(func) for func in definitions):
                yield model, name, getattr(cls, name)


def _parameters(func):
    """(positional parameter names, required ones) of ``func`` without self."""
    params = list(inspect.signature(func).parameters.values())[1:]
    positional = [
        param
        for param in params
        if param.kind
        in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    required = [param for param in positional if param.default is param.empty]
    variadic = any(param.kind == param.VAR_POSITIONAL for param in params)
    return positional, required, variadic


class MalformedCallsMixin:
    """XML-RPC calls that must be refused cleanly, and the read-back."""

    def _rpc(self, user, model, method, args, kwargs=None):
        self.env.flush_all()  # the RPC reads the database
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            self.passwords[user.id],
            model,
            method,
            args,
            kwargs or {},
        )

    def _fingerprint(self, tables):
        """Each row's physical version (ctid) per table: any write changes it,
        and a refused call's rolled-back writes restore it."""
        query = SQL(" UNION ALL ").join(
            SQL(
                "SELECT %s, count(*), md5(coalesce(string_agg(ctid::text, ',' "
                "ORDER BY ctid), '')) FROM %s",
                table,
                SQL.identifier(table),
            )
            for table in tables
        )
        self.env.cr.execute(query)
        return {
            table: (count, digest) for table, count, digest in self.env.cr.fetchall()
        }

    def _refusal(self, user, model, method, args, kwargs=None, tables=()):
        """None when the call is refused cleanly and wrote nothing, else why not.

        ``"ok"`` when the call succeeded (acceptable for some calls only).
        """
        tables = tuple(tables) + WATCHED_TABLES
        before = self._fingerprint(tables)
        try:
            with mute_logger("odoo.http", "odoo.sql_db", "odoo.service.model"):
                self._rpc(user, model, method, args, kwargs)
        except xmlrpc.client.Fault as fault:
            self.env.invalidate_all()
            if fault.faultCode not in (2, 3, 4) or "Traceback" in fault.faultString:
                last = fault.faultString.strip().splitlines()[-1:]
                return f"traceback ({fault.faultCode}): {' '.join(last)[:160]}"
            changed = sorted(
                table
                for table, value in self._fingerprint(tables).items()
                if value != before[table]
            )
            if changed:
                return f"refused but wrote to {', '.join(changed)}"
            return None
        self.env.invalidate_all()
        return "ok"


@tagged("post_install", "-at_install")
class TestMalformedCallsRegistry(MalformedCallsMixin, ShowroomCommon, HttpCase):
    """Walks the registry: every public method of the suite, called badly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.passwords = {cls.admin.id: "malformed-admin-Secret1"}
        cls.admin.password = cls.passwords[cls.admin.id]

    def _targets(self, model):
        """Up to two existing ids of ``model``, padded with ids no record has."""
        ids = (
            model.sudo()
            .with_context(active_test=False)
            .search([], limit=2, order="id")
            .ids
        )
        return ids + [NO_SUCH_ID, NO_SUCH_ID + 1][: 2 - len(ids)]

    def _cases(self, model, func):
        """(label, args, kwargs, success allowed) of the malformed calls."""
        positional, required, variadic = _parameters(func)
        on_model = getattr(func, "_api", None) == "model"
        one, two = self._targets(model)[:1], self._targets(model)
        head = [] if on_model else [one]
        garbage = [GARBAGE] * len(required)
        cases = [
            ("unexpected keyword", head + garbage, {"no_such_argument": 1}, False),
        ]
        if not variadic:
            extra = [GARBAGE] * (len(positional) + 1)
            cases.append(("extra positional argument", head + extra, {}, False))
        if required:
            cases.append(("missing argument", head, {}, False))
        if positional:
            cases.append(
                ("strings as arguments", head + [GARBAGE] * len(positional), {}, False)
            )
        if not on_model:
            # an action on several records or none may run (it acts on
            # each); a refusal must be clean
            cases += [
                ("no record", [[]] + garbage, {}, True),
                ("two records", [two] + garbage, {}, True),
                ("string ids", [[GARBAGE]] + garbage, {}, False),
            ]
        return cases

    def test_every_public_method_refuses_malformed_calls_cleanly(self):
        methods = list(suite_public_methods(self.env))
        walked = {f"{model._name}.{name}" for model, name, _func in methods}
        self.assertLessEqual(
            {
                "sales.showroom.unit.hold",
                "sales.showroom.unit.action_hold",
                "sales.showroom.booking.subscribe",
                "sales.showroom.booking.set_agreed_price",
                "sales.showroom.visitor.assign_to",
                "sales.kpi.scorecard.action_compute_month",
            },
            walked,
            "the walk finds the suite's methods",
        )
        tables = sorted(
            {
                model._table
                for model, _name, _func in methods
                if model._auto and not model._table_query
            }
        )
        problems = []
        decorated = set()
        for model, name, func in methods:
            key = f"{model._name}.{name}"
            found = []
            for label, args, kwargs, success_ok in self._cases(model, func):
                answer = self._refusal(
                    self.admin, model._name, name, args, kwargs, tables
                )
                if answer is None or (answer == "ok" and success_ok):
                    continue
                found.append(f"{key} [{label}]: {answer}")
            if key in NOT_YET_DECORATED:
                if not found:
                    decorated.add(key)
                continue
            problems += found
        self.assertEqual(
            problems,
            [],
            "public methods answering a malformed call with a traceback or a "
            "write (decorate them with rpc_args.public_arguments and validate "
            "each parameter, or make them private):\n" + "\n".join(problems),
        )
        decorated |= NOT_YET_DECORATED.keys() - walked
        self.assertFalse(
            decorated,
            "remove from NOT_YET_DECORATED (refused cleanly now, or gone): "
            f"{sorted(decorated)}",
        )


@tagged("post_install", "-at_install")
class TestMalformedCallsAsSalesperson(MalformedCallsMixin, ShowroomCommon, HttpCase):
    """The parametrised methods, called badly by a Salesperson (or a sales
    manager where the method is theirs): refused clearly, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.passwords = {}
        for user in (cls.rep, cls.manager):
            cls.passwords[user.id] = f"{user.login}-malformed-Secret1"
            user.password = cls.passwords[user.id]
        cls.booking = cls.unit_102.with_user(cls.rep).hold(cls.customer)
        cls.visitor = cls.env["sales.showroom.visitor"].create(
            {"name": "Mr Walk-in", "phone": "+86 139 0000 1111", "user_id": False}
        )
        cls.other_model_id = cls.env["res.currency"].search([], limit=1).id

    def _assert_refused(self, user, model, method, cases, tables, regex=None):
        problems = []
        for args in cases:
            kwargs = {}
            if isinstance(args, tuple):
                args, kwargs = args
            answer = self._refusal(user, model, method, args, kwargs, tables)
            if answer is not None:
                problems.append(f"{method}{args!r} {kwargs!r}: {answer}")
        self.assertEqual(problems, [], "\n".join(problems))

    def _assert_units_and_bookings_unchanged(self):
        self.assertRecordValues(
            self.unit_101 | self.unit_102,
            [{"state": "available"}, {"state": "held"}],
        )
        self.assertRecordValues(
            self.booking,
            [{"state": "held", "agreed_price": 1_200_000.0, "deposit_amount": 0.0}],
        )
        self.assertEqual(
            self.env["sales.showroom.booking"].search_count(
                [("unit_id", "=", self.unit_101.id)]
            ),
            0,
        )

    def test_rep_holding_a_unit_badly_is_refused_clearly(self):
        tables = ["sales_showroom_unit", "sales_showroom_booking"]
        unit = self.unit_101.id
        for method in ("action_hold", "hold"):
            self._assert_refused(
                self.rep,
                "sales.showroom.unit",
                method,
                [
                    [[unit]],  # no customer
                    [[unit], self.customer.id, 24, 1.0, "extra"],
                    ([[unit], self.customer.id], {"customer": 1}),
                    [[unit], GARBAGE],
                    [[unit], NO_SUCH_ID],
                    [[unit], [self.customer.id, self.customer_2.id]],
                    [[unit], self.customer.id, GARBAGE],
                    [[unit], self.customer.id, -5],
                    [[], self.customer.id],
                    [[unit, self.unit_201.id], self.customer.id],
                    [[NO_SUCH_ID], self.customer.id],
                ],
                tables,
            )
        self._assert_refused(
            self.rep,
            "sales.showroom.unit",
            "hold",
            [
                [[unit], self.customer.id, 24, GARBAGE],
                [[unit], self.customer.id, 24, -1],
            ],
            tables,
        )
        self._assert_units_and_bookings_unchanged()

    def test_rep_subscribing_or_repricing_badly_is_refused_clearly(self):
        tables = ["sales_showroom_unit", "sales_showroom_booking"]
        booking = self.booking.id
        self._assert_refused(
            self.rep,
            "sales.showroom.booking",
            "subscribe",
            [
                [[booking]],
                [[booking], 10_000.0, False, False, "extra"],
                [[booking], GARBAGE],
                [[booking], [10_000.0]],
                [[booking], 10_000.0, "not a date"],
                [[booking], 10_000.0, 20260101],
                [[booking], 10_000.0, False, GARBAGE],
                [[booking], 10_000.0, False, -1.0],
                [[], 10_000.0],
                [[booking, NO_SUCH_ID], 10_000.0],
            ],
            tables,
        )
        self._assert_refused(
            self.rep,
            "sales.showroom.booking",
            "set_agreed_price",
            [
                [[booking]],
                [[booking], 900_000.0, "extra"],
                ([[booking]], {"price": 900_000.0}),
                [[booking], GARBAGE],
                [[booking], {"amount": 1}],
                [[], 900_000.0],
                [[booking, NO_SUCH_ID], 900_000.0],
            ],
            tables,
        )
        self._assert_units_and_bookings_unchanged()

    def test_assigning_a_visitor_badly_is_refused_clearly(self):
        tables = ["sales_showroom_visitor", "sales_showroom_assignment"]
        visitor = self.visitor.id
        for user in (self.rep, self.manager):
            self._assert_refused(
                user,
                "sales.showroom.visitor",
                "assign_to",
                [
                    [[visitor]],
                    [[visitor], self.rep.id, "extra"],
                    [[visitor], GARBAGE],
                    [[visitor], NO_SUCH_ID],
                    [[visitor], [self.rep.id, self.rep_2.id]],
                    [[], self.rep.id],
                    [[visitor, NO_SUCH_ID], self.rep.id],
                ],
                tables,
            )
        self.assertFalse(self.visitor.user_id)

    def test_computing_scorecards_badly_is_refused_clearly(self):
        tables = ["sales_kpi_scorecard"]
        self._assert_refused(
            self.manager,
            "sales.kpi.scorecard",
            "action_compute_month",
            [
                [GARBAGE],
                ["2026-13-45"],
                [12],
                ["2026-01-01", GARBAGE],
                ["2026-01-01", [NO_SUCH_ID]],
                ["2026-01-01", [self.company_b.id]],
                ["2026-01-01", [self.company.id], "extra"],
                (["2026-01-01"], {"company": self.company.id}),
            ],
            tables,
        )
        self.assertFalse(self.env["sales.kpi.scorecard"].search_count([]))
        # the well-formed call still works
        self._rpc(
            self.manager,
            "sales.kpi.scorecard",
            "action_compute_month",
            [fields.Date.to_string(fields.Date.today()), [self.company.id]],
        )

    def test_refusals_say_what_is_wrong(self):
        unit, booking, visitor = self.unit_101.id, self.booking.id, self.visitor.id
        cases = [
            (
                self.rep,
                "sales.showroom.unit",
                "action_hold",
                [[unit]],
                r"sales\.showroom\.unit\.action_hold expects a value for partner_id",
            ),
            (
                self.rep,
                "sales.showroom.unit",
                "action_hold",
                [[unit], self.customer.id, 24, "extra"],
                r"action_hold expects at most 2 argument\(s\) \(partner_id, "
                r"hours=None\), but 3 were given",
            ),
            (
                self.rep,
                "sales.showroom.unit",
                "hold",
                [[unit], NO_SUCH_ID],
                r"Customer: Contact record 2147483000 does not exist",
            ),
            (
                self.rep,
                "sales.showroom.unit",
                "hold",
                [[unit], GARBAGE],
                r"Customer must be Contact ids; 'not-a-value' was given",
            ),
            (
                self.rep,
                "sales.showroom.booking",
                "subscribe",
                [[booking], 10_000.0, "not a date"],
                r"Contract due date must be a date \(YYYY-MM-DD\)",
            ),
            (
                self.rep,
                "sales.showroom.booking",
                "set_agreed_price",
                [[], 900_000.0],
                r"set_agreed_price works on exactly one Showroom Unit Booking "
                r"record, but it was called on 0",
            ),
            (
                self.manager,
                "sales.showroom.visitor",
                "assign_to",
                [[visitor], GARBAGE],
                r"Salesperson must be User ids",
            ),
            (
                self.manager,
                "sales.kpi.scorecard",
                "action_compute_month",
                [GARBAGE],
                r"Month must be a date",
            ),
        ]
        for user, model, method, args, regex in cases:
            with self.subTest(method=method, args=args):
                with (
                    mute_logger("odoo.http"),
                    self.assertRaises(xmlrpc.client.Fault) as caught,
                ):
                    self._rpc(user, model, method, args)
                self.env.invalidate_all()
                self.assertEqual(caught.exception.faultCode, 2)
                self.assertRegex(caught.exception.faultString, regex)
                self.assertNotIn("Traceback", caught.exception.faultString)
        self._assert_units_and_bookings_unchanged()
