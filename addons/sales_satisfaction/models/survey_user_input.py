# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .sales_satisfaction_rule import TRIGGERS

#: set only by the server when it sends a satisfaction invitation
SATISFACTION_FIELDS = {
    "sales_satisfaction_trigger",
    "sales_satisfaction_origin",
    "sales_satisfaction_user_id",
    "sales_satisfaction_partner_id",
}


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    sales_satisfaction_trigger = fields.Selection(
        TRIGGERS,
        string="Satisfaction Trigger",
        readonly=True,
        index="btree_not_null",
        help="Set when the answer is a customer-satisfaction invitation: its "
        "score is recorded as a satisfaction measurement once completed.",
    )
    sales_satisfaction_origin = fields.Reference(
        selection="_selection_sales_satisfaction_origin",
        string="Satisfaction Origin",
        readonly=True,
    )
    sales_satisfaction_partner_id = fields.Many2one(
        "res.partner",
        string="Satisfaction Customer",
        readonly=True,
        index="btree_not_null",
        help="Commercial customer whose satisfaction the answer measures.",
    )
    sales_satisfaction_user_id = fields.Many2one(
        "res.users", string="Responsible Salesperson", readonly=True
    )
    sales_satisfaction_response_ids = fields.One2many(
        "sales.satisfaction.response", "user_input_id", readonly=True
    )

    @api.model
    def _selection_sales_satisfaction_origin(self):
        return self.env["sales.satisfaction.response"]._selection_origin_ref()

    def _check_sales_satisfaction_vals(self, vals):
        # only the server (sudo) marks an answer as a satisfaction measurement
        forced = SATISFACTION_FIELDS.intersection(k for k, v in vals.items() if v)
        if forced and not self.env.su:
            raise UserError(
                self.env._(
                    "Satisfaction invitations are sent by the sales policy "
                    "(after delivery, a complaint or periodically); a survey "
                    "answer cannot be turned into one by hand."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_sales_satisfaction_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_sales_satisfaction_vals(vals)
        return super().write(vals)

    def _mark_done(self):
        res = super()._mark_done()
        self._record_sales_satisfaction()
        return res

    def _record_sales_satisfaction(self):
        """A completed satisfaction invitation becomes a measurement."""
        Response = self.env["sales.satisfaction.response"]
        for answer in self.sudo():
            if (
                not answer.sales_satisfaction_trigger
                or answer.test_entry
                or answer.state != "done"
                or answer.sales_satisfaction_response_ids
            ):
                continue
            customer = answer.sales_satisfaction_partner_id or answer.partner_id
            if not customer:
                continue
            Response._record_score(
                customer,
                min(max(answer.scoring_percentage, 0.0), 100.0),
                answer.sales_satisfaction_trigger,
                origin=answer.sales_satisfaction_origin or None,
                user=answer.sales_satisfaction_user_id or None,
                user_input=answer,
            )
