# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

#: indicators measured from the figures, month by month
QUANTITATIVE = [
    ("revenue", "Revenue"),
    ("margin", "Margin"),
    ("collection", "Collection Rate"),
    ("new_customers", "New Customers"),
    ("conversion", "Conversion Rate"),
    ("visits", "Visits"),
    ("growth", "Growth Rate"),
    ("satisfaction", "Customer Satisfaction"),
]
#: indicators the manager scores in quarterly and yearly appraisals
QUALITATIVE = [("teamwork", "Teamwork"), ("attitude", "Attitude")]
MEASURES = QUANTITATIVE + QUALITATIVE
QUANTITATIVE_KEYS = {key for key, _label in QUANTITATIVE}
#: measures whose target comes from the sales target's month lines (summed
#: over a period); the others are rates with the indicator's own target
TARGET_MEASURES = ("revenue", "margin", "new_customers", "visits")
#: rates averaged over the months of a quarter or year
RATE_MEASURES = ("collection", "conversion", "growth", "satisfaction")


class SalesAppraisalIndicator(models.Model):
    """A weighted indicator of an appraisal template."""

    _name = "sales.appraisal.indicator"
    _description = "Appraisal Indicator"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "sales.appraisal.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    measure = fields.Selection(MEASURES, required=True)
    weight = fields.Float(string="Weight (%)", required=True, digits=(16, 2))
    target_value = fields.Float(
        string="Target Rate (%)",
        digits=(16, 2),
        help="For rates (collection from the sales target when it has one, "
        "conversion, growth, satisfaction): the rate that is 100 % achieved.",
    )

    _sql_constraints = [
        (
            "measure_unique",
            "UNIQUE (template_id, measure)",
            "A template weighs each indicator once.",
        ),
        ("weight_positive", "CHECK (weight > 0)", "A weight is positive."),
    ]
