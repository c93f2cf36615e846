# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clear errors for malformed calls of public model methods.

Every public method of a model is callable over XML-RPC/JSON-RPC, and
``odoo.api.call_kw`` calls it as ``getattr(records, name)(*args, **kwargs)``:
a missing argument, an extra one or an integer where the method expects a
record ends in a ``TypeError``/``AttributeError``, which the RPC layer sends
back as a Python traceback. This module turns those into clear
:class:`~odoo.exceptions.UserError` messages, before anything is written:

- :func:`public_arguments` decorates a public method: it binds the call
  against the method's signature (missing, unexpected or too many arguments
  are refused, naming the method), checks the record ids are integers and,
  with ``one=True``, that the method runs on exactly one existing record
  (``ensure_one()`` raises a bare ``ValueError``);
- :func:`as_record`, :func:`as_records`, :func:`as_number`,
  :func:`as_positive_int` and :func:`as_date` validate one parameter each and
  return it in the form the method works with.

Usage::

    from odoo.addons.sales_policy_base.tools.rpc_args import (
        as_number,
        as_record,
        public_arguments,
    )

    @public_arguments(one=True)
    def hold(self, partner, hours=None):
        partner = as_record(self, partner, "res.partner", self.env._("Customer"))
        hours = as_positive_int(self, hours, self.env._("Hours"), required=False)

The translation function needs an environment: every helper takes a model
(any recordset) as its first argument and uses its ``env``.
"""

import datetime
import functools
import inspect
import math

from odoo import fields, models
from odoo.exceptions import UserError

_POSITIONAL = (
    inspect.Parameter.POSITIONAL_ONLY,
    inspect.Parameter.POSITIONAL_OR_KEYWORD,
)
_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


def _shown(value):
    """A caller's value as it appears in a message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _method_label(records, func):
    return f"{records._name}.{func.__name__}"


def _signature_label(signature):
    """``(partner, hours=None)``: the signature without ``self``."""
    params = list(signature.parameters.values())[1:]
    return "(" + ", ".join(str(param) for param in params) + ")"


def _binding_problem(env, method, signature, args, kwargs):
    """The message saying why ``args``/``kwargs`` do not fit ``signature``."""
    params = list(signature.parameters.values())[1:]
    positional = [param for param in params if param.kind in _POSITIONAL]
    kinds = {param.kind for param in params}
    expected = _signature_label(signature)
    if inspect.Parameter.VAR_POSITIONAL not in kinds and len(args) > len(positional):
        return env._(
            "%(method)s expects at most %(count)s argument(s) %(expected)s, "
            "but %(given)s were given. Remove the extra arguments.",
            method=method,
            count=len(positional),
            expected=expected,
            given=len(args),
        )
    keywords = {
        param.name
        for param in params
        if param.kind
        in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    }
    unexpected = sorted(set(kwargs) - keywords)
    if unexpected and inspect.Parameter.VAR_KEYWORD not in kinds:
        return env._(
            "%(method)s has no parameter %(names)s; it expects %(expected)s.",
            method=method,
            names=", ".join(unexpected),
            expected=expected,
        )
    twice = [param.name for param in positional[: len(args)] if param.name in kwargs]
    if twice:
        return env._(
            "%(method)s received %(names)s twice (by position and by name); it "
            "expects %(expected)s.",
            method=method,
            names=", ".join(twice),
            expected=expected,
        )
    given = {param.name for param in positional[: len(args)]} | set(kwargs)
    missing = [
        param.name
        for param in params
        if param.default is inspect.Parameter.empty
        and param.kind
        not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        and param.name not in given
    ]
    return env._(
        "%(method)s expects a value for %(names)s; it expects %(expected)s.",
        method=method,
        names=", ".join(missing) or "?",
        expected=expected,
    )


def _check_ids(records, method):
    bad = [
        record_id
        for record_id in records._ids
        if not isinstance(record_id, int | models.NewId) or isinstance(record_id, bool)
    ]
    if bad:
        raise UserError(
            records.env._(
                "%(method)s must be called on %(model)s records given by their "
                "ids (integers), not %(value)s.",
                method=method,
                model=records._description,
                value=_shown(bad[0]),
            )
        )


def _check_one(records, method):
    if len(records) != 1:
        raise UserError(
            records.env._(
                "%(method)s works on exactly one %(model)s record, but it was "
                "called on %(count)s. Call it on one record.",
                method=method,
                model=records._description,
                count=len(records),
            )
        )
    if isinstance(records.id, int) and not records.exists():
        raise UserError(
            records.env._(
                "%(method)s was called on %(model)s record %(id)s, which does not "
                "exist or was deleted.",
                method=method,
                model=records._description,
                id=records.id,
            )
        )


def public_arguments(func=None, *, one=False):
    """Decorate a public model method: malformed calls get a clear UserError.

    Checks, before the method runs: the call fits the method's signature
    (no missing, unexpected or extra argument), the record ids are integers
    and, with ``one=True``, the method runs on exactly one existing record.
    Usable bare (``@public_arguments``) or with options
    (``@public_arguments(one=True)``); keeps Odoo's method attributes
    (``@api.model`` may be written above or below it).
    """
    if func is None:
        return functools.partial(public_arguments, one=one)
    signature = inspect.signature(func)

    @functools.wraps(func)
    def checked(self, *args, **kwargs):
        method = _method_label(self, func)
        try:
            signature.bind(self, *args, **kwargs)
        except TypeError:
            raise UserError(
                _binding_problem(self.env, method, signature, args, kwargs)
            ) from None
        _check_ids(self, method)
        if one:
            _check_one(self, method)
        return func(self, *args, **kwargs)

    checked._public_arguments = {"one": one}
    return checked


def _refuse(model, label, expected, value):
    raise UserError(
        model.env._(
            "%(label)s must be %(expected)s; %(value)s was given.",
            label=label,
            expected=expected,
            value=_shown(value),
        )
    )


def _missing(model, label):
    raise UserError(model.env._("%(label)s is required.", label=label))


def _ids_of(model, value, label, expected):
    """The integer ids of ``value`` (an id or a list/tuple of ids)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list | tuple) and all(
        isinstance(item, int) and not isinstance(item, bool) for item in value
    ):
        return list(value)
    return _refuse(model, label, expected, value)


def as_records(model, value, model_name, label, *, required=False):
    """``value`` as a recordset of ``model_name`` (ids or records).

    Accepts records of ``model_name``, an id or a list of ids; ids must exist
    and be readable by the caller. Empty values give an empty recordset, or a
    UserError when ``required``.
    """
    target = model.env[model_name]
    if isinstance(value, models.BaseModel):
        if value._name != model_name:
            _refuse(model, label, target._description, value)
        records = value
    elif value is None or value is False or value == []:
        records = target
    else:
        expected = model.env._("%(model)s ids", model=target._description)
        records = target.browse(_ids_of(model, value, label, expected))
        missing = set(records.ids) - set(records.exists().ids)
        if missing:
            raise UserError(
                model.env._(
                    "%(label)s: %(model)s record %(ids)s does not exist.",
                    label=label,
                    model=target._description,
                    ids=", ".join(str(record_id) for record_id in sorted(missing)),
                )
            )
        records.check_access("read")
    if required and not records:
        _missing(model, label)
    return records


def as_record(model, value, model_name, label, *, required=True):
    """``value`` as one record of ``model_name``.

    Accepts a record of ``model_name``, its id or a one-id list; refuses
    records of another model, several records and ids that do not exist or
    that the caller may not read. Without ``required``, an empty value gives
    an empty recordset.
    """
    records = as_records(model, value, model_name, label, required=required)
    if len(records) > 1:
        _refuse(
            model,
            label,
            model.env._("one %(model)s", model=model.env[model_name]._description),
            value,
        )
    return records


def as_number(model, value, label, *, minimum=None, required=True):
    """``value`` checked to be a number, ``minimum`` (inclusive) when given.

    Accepts integers and floats (not booleans, NaN or infinities) and returns
    them unchanged. Without ``required``, ``None``/``False`` give ``None``.
    """
    if value is None or value is False:
        if required:
            _missing(model, label)
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
    ):
        _refuse(model, label, model.env._("a number"), value)
    if minimum is not None and value < minimum:
        raise UserError(
            model.env._(
                "%(label)s must be at least %(minimum)s; %(value)s was given.",
                label=label,
                minimum=minimum,
                value=value,
            )
        )
    return value


def as_positive_int(model, value, label, *, required=True):
    """``value`` as an integer greater than zero (``None`` when optional)."""
    if value is None or value is False:
        if required:
            _missing(model, label)
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        _refuse(model, label, model.env._("a whole number greater than zero"), value)
    return value


def as_date(model, value, label, *, required=True):
    """``value`` as a date: a date, a datetime or an ISO ``YYYY-MM-DD`` string.

    Without ``required``, ``None``/``False``/``""`` give ``None``.
    """
    if value is None or value is False or value == "":
        if required:
            _missing(model, label)
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    expected = model.env._("a date (YYYY-MM-DD)")
    if not isinstance(value, str):
        return _refuse(model, label, expected, value)
    try:
        return fields.Date.to_date(value)
    except ValueError:
        return _refuse(model, label, expected, value)
