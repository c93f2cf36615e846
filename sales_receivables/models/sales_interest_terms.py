# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Overdue interest terms shared by the company (defaults), the customer,
the sale order (contract terms) and the invoice: field definitions and their
check. The arithmetic is in ``tools/interest_math.py``."""

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare

INTEREST_BASES = [
    ("annual", "% per Year (365 Days)"),
    ("daily_percent", "% per Day"),
    ("daily_permille", "‰ per Day"),
]
INTEREST_TERM_FIELDS = (
    "sales_interest_rate",
    "sales_interest_basis",
    "sales_interest_grace_days",
)
#: who may set interest terms on customers and orders (besides the superuser)
INTEREST_TERM_EDITOR_GROUPS = (
    "sales_policy_base.group_sales_policy_manager",
    "account.group_account_invoice",
)


def interest_term_fields(compute=None, default_basis=None):
    """The three term fields (rate, basis, grace days); stored computes with
    ``readonly=False`` when ``compute`` is given.

    The basis is never a NOT NULL column (these fields extend Odoo's own
    tables, which a registry without this module must still write): an empty
    basis reads as "annual".
    """
    extra = {"compute": compute, "store": True, "readonly": False} if compute else {}
    return (
        fields.Float(
            string="Overdue Interest Rate",
            digits=(16, 4),
            tracking=bool(compute),
            help="Interest charged on overdue amounts, in the unit of the basis "
            "(e.g. 12 with a yearly basis is 12 % a year). 0: no interest.",
            **extra,
        ),
        fields.Selection(
            INTEREST_BASES,
            string="Interest Basis",
            default=default_basis,
            help="How the rate is expressed: a percentage a year over 365 days, a "
            "percentage a day or a per mille a day.",
            **extra,
        ),
        fields.Integer(
            string="Interest Grace Days",
            help="Days after the due date during which no interest runs; after "
            "them interest runs from the end of the grace period.",
            **extra,
        ),
    )


def check_interest_terms(records):
    """Refuse negative rates or grace days (ValidationError)."""
    for record in records:
        if record.sales_interest_rate < 0 or record.sales_interest_grace_days < 0:
            raise ValidationError(
                records.env._(
                    "The overdue interest terms of %(record)s are not valid: the rate "
                    "(%(rate)s) and the grace days (%(days)s) cannot be negative. "
                    "Enter 0 or a positive value.",
                    record=record.display_name,
                    rate=record.sales_interest_rate,
                    days=record.sales_interest_grace_days,
                )
            )


def may_edit_interest_terms(env):
    """Sales managers and finance (Odoo's billing users and up) set interest
    terms; salespeople do not loosen them on their own customers."""
    return env.su or any(
        env.user.has_group(group) for group in INTEREST_TERM_EDITOR_GROUPS
    )


def interest_terms_of(record, names=INTEREST_TERM_FIELDS):
    """The record's terms as comparable values (see ``same_interest_terms``)."""
    return {name: record[name] for name in names}


def same_interest_terms(terms, other):
    """Whether two dicts of terms are equal (rate to 4 digits, an empty basis
    equal to an empty basis only)."""
    for name, value in terms.items():
        if name not in other:
            continue
        if name == "sales_interest_rate":
            if float_compare(value or 0.0, other[name] or 0.0, precision_digits=4):
                return False
        elif (value or False) != (other[name] or False):
            return False
    return True


def interest_terms_refusal(env, record):
    """The AccessError refusing a salesperson's change of interest terms."""
    return AccessError(
        env._(
            "You cannot change the overdue interest terms of %(record)s (specific "
            "terms, rate, basis or grace days): under the sales policy clause "
            "SP-REC-INT, interest terms are set by sales managers and finance "
            "only, so that a salesperson does not loosen them for their own "
            "customers. Ask your sales manager or finance to change them.",
            record=record.display_name,
        )
    )
