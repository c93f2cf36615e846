# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quotation fingerprint covers more contract terms (line taxes and
descriptions, note and section lines, payment terms of the portal).

Computed the new way, every open request of 18.0.1.0.0 would read as
outdated and every quotation would go back to review: the open requests
take their quotation's new fingerprint.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["sale.order"]._sales_policy_refingerprint_open_requests()
