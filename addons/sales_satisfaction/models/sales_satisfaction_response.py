# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.satisfaction_math import is_satisfied
from .sales_satisfaction_rule import TRIGGERS

_logger = logging.getLogger(__name__)


class SalesSatisfactionResponse(models.Model):
    """One satisfaction measurement: the fact table of the satisfaction rate.

    Rows are written only by the server (a completed survey answer, a
    complaint's revisit score) through :meth:`_record_score`; no group has
    create or write access, so no caller can forge a score.
    """

    _name = "sales.satisfaction.response"
    _description = "Customer Satisfaction Response"
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        readonly=True,
        help="Salesperson responsible for the customer when the score was given.",
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(
        required=True, index=True, readonly=True, default=fields.Date.context_today
    )
    score = fields.Float(
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Satisfaction score, 0 (dissatisfied) to 100 (fully satisfied).",
    )
    satisfied = fields.Boolean(
        compute="_compute_satisfied",
        store=True,
        help="The score reached the company's satisfaction threshold when it "
        "was given.",
    )
    satisfied_count = fields.Integer(
        string="# Satisfied", compute="_compute_satisfied", store=True
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        compute="_compute_satisfied",
        store=True,
        aggregator="avg",
        help="100 for a satisfied answer, 0 otherwise: its average over a "
        "salesperson's or team's answers is their satisfaction rate.",
    )
    target_rate = fields.Float(
        string="Target (%)",
        compute="_compute_satisfied",
        store=True,
        aggregator="avg",
        help="The company's satisfaction target when the score was given.",
    )
    trigger = fields.Selection(TRIGGERS, required=True, readonly=True)
    origin_ref = fields.Reference(
        selection="_selection_origin_ref",
        string="Origin",
        readonly=True,
        help="Document the measurement follows (order, invoice, complaint...).",
    )
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Survey Answer",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "A satisfaction score lies between 0 and 100.",
        ),
        (
            "user_input_unique",
            "UNIQUE(user_input_id)",
            "A survey answer gives one satisfaction measurement.",
        ),
    ]

    @api.model
    def _selection_origin_ref(self):
        """Documents a measurement may follow; other modules add theirs
        (``super()`` + their model)."""
        selection = [
            ("sale.order", self.env._("Sales Order")),
            ("account.move", self.env._("Invoice")),
            ("res.partner", self.env._("Customer")),
        ]
        if "crm.claim" in self.env:
            # the complaint module (sales_complaint, on OCA crm_claim)
            selection.append(("crm.claim", self.env._("Complaint")))
        return selection

    @api.model
    def _origin_reference(self, origin):
        """``origin`` as a value of ``origin_ref`` ("model,id"); False when
        there is none or its model is not in ``_selection_origin_ref`` (logged:
        the module of that model should extend the selection)."""
        if not origin:
            return False
        origin.ensure_one()
        if origin._name not in dict(self._selection_origin_ref()):
            _logger.warning(
                "Satisfaction origin %s is not a selectable origin model; "
                "extend sales.satisfaction.response._selection_origin_ref()",
                origin,
            )
            return False
        return f"{origin._name},{origin.id}"

    @api.depends("score", "company_id")
    def _compute_satisfied(self):
        for response in self:
            company = response.company_id or self.env.company
            satisfied = is_satisfied(
                response.score, company.sales_satisfaction_threshold
            )
            response.satisfied = satisfied
            response.satisfied_count = int(satisfied)
            response.satisfaction_rate = 100.0 if satisfied else 0.0
            response.target_rate = company.sales_satisfaction_target

    @api.model
    def _check_score_value(self, score):
        is_number = isinstance(score, int | float) and not isinstance(score, bool)
        if not is_number or not 0.0 <= score <= 100.0:
            raise ValidationError(
                self.env._(
                    "A satisfaction score lies between 0 and 100 (got %(score)s). "
                    "Record the customer's score on that scale.",
                    score=score,
                )
            )

    @api.model
    def _record_score(
        self, partner, score, trigger, origin=None, user=None, user_input=None
    ):
        """Record one satisfaction measurement (server side only).

        :param partner: the customer (its commercial entity is recorded)
        :param score: 0-100
        :param trigger: one of ``TRIGGERS``
        :param origin: the document it follows (any record whose model is in
            ``_selection_origin_ref``), optional
        :param user: the responsible salesperson; default the customer's
        :param user_input: the completed ``survey.user_input`` it comes from
        :return: the new ``sales.satisfaction.response``
        """
        self._check_score_value(score)
        if trigger not in dict(TRIGGERS):
            raise ValidationError(
                self.env._("Unknown satisfaction trigger %(trigger)s.", trigger=trigger)
            )
        commercial = partner.commercial_partner_id
        user = user or commercial.user_id
        team = user.sale_team_id if user else self.env["crm.team"]
        company = (
            (origin and "company_id" in origin._fields and origin.company_id)
            or commercial.company_id
            or self.env.company
        )
        vals = {
            "partner_id": commercial.id,
            "user_id": user.id if user else False,
            "team_id": team.id if team else False,
            "company_id": company.id,
            "score": score,
            "trigger": trigger,
            "origin_ref": self._origin_reference(origin),
        }
        if user_input:
            vals["user_input_id"] = user_input.id
        return self.sudo().create(vals).sudo(False)
