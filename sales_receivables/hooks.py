# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Companies that exist at install get the shipped reminder ladder too
    (the data file creates it for the main company)."""
    env["res.company"].search([])._sales_ensure_reminder_levels()
