# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

SOURCES = [
    ("visit", "Customer Visit"),
    ("quotation", "Competitor Quotation"),
    ("tender", "Tender"),
    ("public", "Public Price List"),
    ("other", "Other"),
]


class SalesCompetitorPrice(models.Model):
    _name = "sales.competitor.price"
    _description = "Competitor Price Observation"
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_name = "competitor_id"

    competitor_id = fields.Many2one(
        "sales.competitor",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Our Product",
        required=True,
        check_company=True,
        ondelete="restrict",
        help="Our product the observed price compares with.",
    )
    competitor_product_name = fields.Char(
        string="Competitor's Product",
        help="The competitor's name for the product, if it differs from ours.",
    )
    price_unit = fields.Monetary(
        string="Observed Price",
        required=True,
        currency_field="currency_id",
        help="Unit price the competitor asks, in the currency observed.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    source = fields.Selection(SOURCES, required=True, default="other")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    price_company = fields.Monetary(
        string="Price in Company Currency",
        compute="_compute_price_company",
        store=True,
        currency_field="company_currency_id",
        help="The observed price converted to the company currency at the "
        "rate of the observation date.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Observed By",
        default=lambda self: self.env.user,
        index=True,
    )

    _sql_constraints = [
        (
            "price_unit_positive",
            "CHECK (price_unit > 0)",
            "An observed competitor price must be greater than zero.",
        ),
    ]

    def init(self):
        # the latest observation per product and company (quotation lines,
        # the sending check): an index-only walk
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS sales_competitor_price_latest_idx "
                "ON sales_competitor_price (product_id, company_id, date DESC, id DESC)"
            )
        )

    @api.depends("price_unit", "currency_id", "date", "company_id")
    def _compute_price_company(self):
        for observation in self:
            company = observation.company_id
            if not (observation.currency_id and company and observation.date):
                observation.price_company = 0.0
                continue
            observation.price_company = observation.currency_id._convert(
                observation.price_unit,
                company.currency_id,
                company,
                observation.date,
                round=True,
            )

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for observation in self:
            if observation.date > today:
                raise ValidationError(
                    self.env._(
                        "A competitor price is observed on or before today, "
                        "not on %(date)s. Enter the date it was observed.",
                        date=observation.date,
                    )
                )

    @api.constrains("currency_id", "date", "company_id")
    def _check_currency_rate(self):
        missing = self._missing_rate()
        if missing:
            observation = missing[0]
            raise ValidationError(
                self.env._(
                    "No exchange rate of %(currency)s on or before %(date)s: the "
                    "price observed in %(currency)s cannot be converted to "
                    "%(company_currency)s (clause %(clause)s). Record the rate "
                    "of that date in Accounting/Settings > Currencies, or enter "
                    "the price in %(company_currency)s.",
                    currency=observation.currency_id.name,
                    date=observation.date,
                    company_currency=observation.company_id.currency_id.name,
                    clause="SP-CMP-02",
                )
            )

    def _missing_rate(self):
        """The observations in a foreign currency without any rate on or
        before their date (the rate lookup Odoo's conversion uses: the
        company's own rates or the shared ones)."""
        foreign = self.filtered(
            lambda o: o.currency_id
            and o.company_id
            and o.date
            and o.currency_id != o.company_id.currency_id
        )
        if not foreign:
            return foreign
        self.env["res.currency.rate"].flush_model(["currency_id", "company_id", "name"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT o.id
                  FROM unnest(%(ids)s::int[], %(currencies)s::int[],
                              %(companies)s::int[], %(dates)s::date[])
                       AS o(id, currency_id, company_id, date)
                 WHERE NOT EXISTS (
                        SELECT 1 FROM res_currency_rate r
                         WHERE r.currency_id = o.currency_id
                           AND r.name <= o.date
                           AND (r.company_id IS NULL OR r.company_id = o.company_id))
                """,
                ids=foreign.ids,
                currencies=[o.currency_id.id for o in foreign],
                companies=[o.company_id.root_id.id for o in foreign],
                dates=[o.date for o in foreign],
            )
        )
        return self.browse([row[0] for row in rows])

    # --- lookups over many products (one query each) -----------------------------
    @api.model
    def _latest_by_product(self, products, companies):
        """``{(company_id, product_id): (observation_id, price_company, date,
        competitor name)}``: the latest observation of each product in each
        company, by an active competitor, in one query."""
        if not products or not companies:
            return {}
        self.flush_model(
            ["competitor_id", "product_id", "company_id", "date", "price_company"]
        )
        self.env["sales.competitor"].flush_model(["name", "active"])
        rows = self.env.execute_query(
            SQL(
                """
                -- per product and company, the top of the index
                -- (product_id, company_id, date DESC, id DESC): one short
                -- index walk each, however long the history
                SELECT pc.company_id, pp.product_id, last.id,
                       last.price_company, last.date, last.name
                  FROM unnest(%(products)s::int[]) AS pp(product_id)
                 CROSS JOIN unnest(%(companies)s::int[]) AS pc(company_id)
                 CROSS JOIN LATERAL (
                        SELECT p.id, p.price_company, p.date, c.name
                          FROM sales_competitor_price p
                          JOIN sales_competitor c ON c.id = p.competitor_id
                         WHERE p.product_id = pp.product_id
                           AND p.company_id = pc.company_id
                           AND c.active
                      ORDER BY p.date DESC, p.id DESC
                         LIMIT 1) AS last
                """,
                products=list(products.ids),
                companies=list(companies.ids),
            )
        )
        return {(row[0], row[1]): row[2:] for row in rows}

    @api.model
    def _last_observed(self, products, companies):
        """``{(company_id, product_id): date}`` of the latest observation of
        each product in each company by an active competitor (one query)."""
        if not products or not companies:
            return {}
        self.flush_model(["product_id", "company_id", "date", "competitor_id"])
        self.env["sales.competitor"].flush_model(["active"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.company_id, p.product_id, MAX(p.date)
                  FROM sales_competitor_price p
                  JOIN sales_competitor c ON c.id = p.competitor_id
                 WHERE p.product_id = ANY(%(products)s)
                   AND p.company_id = ANY(%(companies)s)
                   AND c.active
              GROUP BY p.company_id, p.product_id
                """,
                products=list(products.ids),
                companies=list(companies.ids),
            )
        )
        return {(row[0], row[1]): row[2] for row in rows}
