# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Credit-hold rules are found by their kind, no longer by a field name in
their condition; the order's interest terms are part of what an approval
covers.

Before 18.0.1.2.0 a rule was a credit-hold rule when its condition named
``sales_credit_hold``; those rules (the shipped one and any copy a policy
administrator made, archived or not) become of kind ``credit_hold``, so that
confirmations they held stay held by the same rules. The shipped rule also
gets its policy clause (the data file is not reloaded: noupdate).
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    # the order's overdue-interest terms joined the approval fingerprint:
    # open requests of quotations take the new fingerprint (see
    # sales_policy_sale's 18.0.1.1.0 migration)
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["sale.order"]._sales_policy_refingerprint_open_requests()
    cr.execute(
        SQL(
            """
            UPDATE sales_policy_approval_rule
               SET kind = 'credit_hold'
             WHERE model_name = 'sale.order'
               AND domain LIKE %s
               AND kind IS DISTINCT FROM 'credit_hold'
            """,
            "%sales_credit_hold%",
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE sales_policy_approval_rule rule
               SET clause_id = clause.res_id
              FROM ir_model_data rule_xmlid, ir_model_data clause
             WHERE rule_xmlid.module = 'sales_receivables'
               AND rule_xmlid.name = 'approval_rule_credit_hold_manager'
               AND rule_xmlid.res_id = rule.id
               AND clause.module = 'sales_receivables'
               AND clause.name = 'clause_receivables_credit_hold'
               AND rule.clause_id IS NULL
            """
        )
    )
