# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Overdue interest terms shared by the company (defaults), the customer,
the sale order (contract terms) and the invoice: field definitions and their
check. The arithmetic is in ``tools/interest_math.py``."""

from odoo import fields
from odoo.exceptions import ValidationError

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
