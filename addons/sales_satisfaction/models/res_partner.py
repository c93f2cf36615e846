# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

USER_GROUP = "sales_policy_base.group_sales_policy_user"


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_satisfaction_response_ids = fields.One2many(
        "sales.satisfaction.response",
        "partner_id",
        string="Satisfaction Responses",
        groups=USER_GROUP,
    )
    sales_satisfaction_count = fields.Integer(
        string="Satisfaction",
        compute="_compute_sales_satisfaction_count",
        groups=USER_GROUP,
    )

    def _compute_sales_satisfaction_count(self):
        # the rows the user may read (record rules apply)
        counts = dict(
            self.env["sales.satisfaction.response"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.sales_satisfaction_count = counts.get(
                partner.commercial_partner_id, 0
            )

    @public_arguments(one=True)
    def action_view_sales_satisfaction(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_satisfaction.sales_satisfaction_response_action"
        )
        action.update(
            domain=[("partner_id", "=", self.commercial_partner_id.id)],
            context={"search_default_partner_id": self.commercial_partner_id.id},
            view_mode="list,pivot,graph,form",
            views=[
                (False, "list"),
                (False, "pivot"),
                (False, "graph"),
                (False, "form"),
            ],
        )
        return action

    def _sales_satisfaction_request(self, trigger, origin=None):
        """Send the customer the satisfaction survey configured for its class
        and ``trigger``.

        :param trigger: ``delivery``, ``complaint``, ``periodic`` or ``revisit``
        :param origin: the document the survey follows (optional)
        :return: the ``survey.user_input`` sent, or an empty recordset when no
            survey is configured for the customer's class and trigger
        """
        self.ensure_one()
        UserInput = self.env["survey.user_input"]
        partner = self.commercial_partner_id
        company = (
            (origin and "company_id" in origin._fields and origin.company_id)
            or partner.company_id
            or self.env.company
        )
        rule = (
            self.env["sales.satisfaction.rule"]
            .sudo()
            ._find(partner, trigger, company=company)
        )
        if not rule:
            return UserInput
        recipient = partner if partner.email else self.filtered("email")
        if not recipient:
            raise UserError(
                self.env._(
                    "%(partner)s has no email address: the satisfaction survey "
                    "cannot be sent. Add the customer's email and try again.",
                    partner=partner.display_name,
                )
            )
        survey = rule.survey_id.sudo()
        answer = survey._create_answer(
            partner=recipient,
            check_attempts=False,
            sales_satisfaction_trigger=trigger,
            sales_satisfaction_origin=self.env[
                "sales.satisfaction.response"
            ]._origin_reference(origin),
            sales_satisfaction_partner_id=partner.id,
            sales_satisfaction_user_id=partner.user_id.id,
        )
        invite = (
            self.env["survey.invite"]
            .sudo()
            .with_context(default_email_layout_xmlid="mail.mail_notification_light")
            .create(
                {
                    "survey_id": survey.id,
                    "author_id": (partner.user_id.partner_id or company.partner_id).id,
                    "partner_ids": [fields.Command.set(recipient.ids)],
                    "template_id": self.env.ref(
                        "sales_satisfaction.mail_template_satisfaction_invite"
                    ).id,
                }
            )
        )
        invite._send_mail(answer)
        return answer.sudo(False)
