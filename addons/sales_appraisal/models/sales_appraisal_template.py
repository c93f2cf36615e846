# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SalesAppraisalTemplate(models.Model):
    """Indicators and weights (adding up to 100) and scoring bands of a role."""

    _name = "sales.appraisal.template"
    _description = "Appraisal Template"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    role = fields.Selection(
        [("rep", "Salesperson"), ("manager", "Sales Manager")],
        required=True,
        default="rep",
    )
    indicator_ids = fields.One2many(
        "sales.appraisal.indicator", "template_id", string="Indicators", copy=True
    )
    band_ids = fields.One2many(
        "sales.appraisal.band", "template_id", string="Scoring Bands", copy=True
    )
    pass_score = fields.Float(
        string="Passing Score",
        default=60.0,
        digits=(16, 2),
        tracking=True,
        help="A monthly total below this score is a failing month.",
    )
    weight_total = fields.Float(compute="_compute_weight_total", digits=(16, 2))

    @api.depends("indicator_ids.weight")
    def _compute_weight_total(self):
        for template in self:
            template.weight_total = sum(template.indicator_ids.mapped("weight"))

    @api.constrains("indicator_ids", "band_ids")
    def _check_weights(self):
        for template in self:
            total = sum(template.indicator_ids.mapped("weight"))
            if abs(total - 100.0) > 0.005:
                raise ValidationError(
                    self.env._(
                        "The weights of appraisal template %(template)s add up to "
                        "%(total)s, not 100 (policy clause SP-APR-02). Adjust the "
                        "weights of its indicators.",
                        template=template.name,
                        total=round(total, 2),
                    )
                )
            if not template.band_ids:
                raise ValidationError(
                    self.env._(
                        "Appraisal template %(template)s has no scoring band. Add "
                        "the bands that turn an achievement into a score.",
                        template=template.name,
                    )
                )

    def _bands(self):
        self.ensure_one()
        return [(band.achievement_from, band.score) for band in self.band_ids]
