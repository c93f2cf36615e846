# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Credit rating and collection status become per company (company-dependent,
stored as JSON by company). What a database holds keeps holding in every
company, as it did: each value is copied to every company."""

from odoo.tools import SQL

COLUMNS = ("sales_credit_rating", "sales_collection_status")


def convert_to_company_dependent(cr, column):
    """Turn the plain column into {company id: value} for every company."""
    cr.execute(
        "SELECT data_type FROM information_schema.columns "
        "WHERE table_name = 'res_partner' AND column_name = %s",
        (column,),
    )
    row = cr.fetchone()
    if not row or row[0] == "jsonb":
        return
    old = f"{column}_sps_pre_1_1"
    cr.execute(
        SQL(
            "ALTER TABLE res_partner RENAME COLUMN %s TO %s",
            SQL.identifier(column),
            SQL.identifier(old),
        )
    )
    cr.execute(
        SQL("ALTER TABLE res_partner ADD COLUMN %s jsonb", SQL.identifier(column))
    )
    cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET %(new)s = (SELECT jsonb_object_agg(c.id::text, p.%(old)s)
                                FROM res_company c)
             WHERE p.%(old)s IS NOT NULL AND p.%(old)s != ''
            """,
            new=SQL.identifier(column),
            old=SQL.identifier(old),
        )
    )
    cr.execute(SQL("ALTER TABLE res_partner DROP COLUMN %s", SQL.identifier(old)))


def migrate(cr, version):
    if not version:
        return
    for column in COLUMNS:
        convert_to_company_dependent(cr, column)
