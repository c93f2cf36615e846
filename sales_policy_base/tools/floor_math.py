# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which price tier is a product's floor: the one definition (pure function).

``product.product._get_sales_policy_floor`` (ORM values) and the quotation
gate of ``sales_policy_sale`` (raw columns from one SQL query) both call it.
"""


def pick_floor(
    variant_minimum, variant_distributor, minimum, distributor, is_distributor
):
    """Unit floor of a product (company currency, product unit; 0: none).

    A variant's own tier overrides the product's; distributors have the
    distributor minimum price when there is one, else the minimum ex-factory
    price.
    """
    minimum = variant_minimum or minimum or 0.0
    distributor = variant_distributor or distributor or 0.0
    if is_distributor and distributor:
        return distributor
    return minimum
