# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Escalate at once (clause SP-QUA-12).

Opening an emergency case, or raising its severity, sets its response
deadline (company setting per severity), gives each member of the emergency
team (Settings; the senior managers when none is set) an activity due by then,
emails them on the case, and writes the escalation into the case timeline. A
critical case on a certificate that sells suspends it (SP-QUA-11).
"""

from datetime import timedelta

from odoo import api, fields, models

from .sales_qualification import SELLABLE_STATES

ACTIVITY_TYPE = "sales_qualification.mail_activity_type_emergency"
SENIOR_GROUP = "sales_policy_base.group_sales_policy_senior_manager"


class SalesQualificationEmergencyEscalation(models.AbstractModel):
    _name = "sales.qualification.emergency.escalation"
    _description = "Emergency Escalation"

    @api.model
    def _team(self, company):
        team = company.sales_qualification_emergency_team_ids
        if not team:
            team = (
                self.env.ref(SENIOR_GROUP)
                .sudo()
                .users.filtered(lambda u: company in u.company_ids)
            )
        return team.filtered("active")

    @api.model
    def _response_hours(self, company, severity):
        if severity == "critical":
            return company.sales_qualification_critical_response_hours
        return company.sales_qualification_serious_response_hours

    @api.model
    def _escalate(self, emergencies):
        now = fields.Datetime.now()
        severities = dict(
            self.env["sales.qualification.emergency"]
            ._fields["severity"]
            ._description_selection(self.env)
        )
        for emergency in emergencies.sudo():
            company = emergency.company_id
            deadline = now + timedelta(
                hours=self._response_hours(company, emergency.severity)
            )
            emergency._transition({"response_deadline": deadline, "escalated_on": now})
            team = self._team(company)
            summary = self.env._(
                "%(severity)s emergency: respond by %(deadline)s",
                severity=severities[emergency.severity],
                deadline=fields.Datetime.to_string(deadline),
            )
            for user in team:
                emergency.activity_schedule(
                    ACTIVITY_TYPE,
                    date_deadline=fields.Date.context_today(emergency, deadline),
                    summary=summary,
                    note=emergency.description,
                    user_id=user.id,
                )
            if team:
                emergency.message_subscribe(partner_ids=team.partner_id.ids)
            emergency.message_post(
                body=self.env._(
                    "%(summary)s. %(name)s: %(description)s",
                    summary=summary,
                    name=emergency.name,
                    description=emergency.description,
                ),
                partner_ids=team.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            self.env["sales.qualification.emergency.log"].sudo().create(
                {
                    "emergency_id": emergency.id,
                    "description": self.env._(
                        "Escalated to %(team)s; response due by %(deadline)s.",
                        team=", ".join(team.mapped("name")) or "-",
                        deadline=fields.Datetime.to_string(deadline),
                    ),
                }
            )
            qualification = emergency.qualification_id
            if (
                emergency.severity == "critical"
                and qualification.state in SELLABLE_STATES
            ):
                self.env["sales.qualification.suspension"].sudo().create(
                    {
                        "qualification_id": qualification.id,
                        "origin": "emergency",
                        "reason": self.env._(
                            "Critical emergency %(name)s: %(description)s",
                            name=emergency.name,
                            description=emergency.description,
                        ),
                        "emergency_id": emergency.id,
                    }
                )
