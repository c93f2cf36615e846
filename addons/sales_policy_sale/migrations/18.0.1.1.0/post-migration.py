# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quotation fingerprint covers more contract terms (line taxes and
descriptions, note and section lines, payment terms of the portal).

A request keeps the fingerprint of what it approved; computed the new way,
every open request of 18.0.1.0.0 would read as outdated and every quotation
would go back to review. An edit made after approval already outdated its
requests when it was made, so the open ones (pending, approved) still match
their quotation: they take its fingerprint computed the new way.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    requests = env["sales.policy.approval.request"].search(
        [("res_model", "=", "sale.order"), ("state", "in", ("pending", "approved"))]
    )
    orders = (
        env["sale.order"]
        .browse(set(requests.mapped("res_id")))
        .exists()
        .filtered(lambda order: order.state in ("draft", "sent"))
    )
    fingerprints = orders._approval_fingerprints()
    for request in requests:
        if request.res_id in fingerprints:
            request.fingerprint = fingerprints[request.res_id]
