# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.sales_policy_base.tools.rpc_args import public_arguments

_logger = logging.getLogger(__name__)

#: the users the confidentiality record rules (clause SP-DEV-06) apply to: the
#: suite's Salesperson and Odoo's own salesman ("User: Own Documents Only", which
#: the Salesperson implies, and which Odoo's other sales roles imply in turn)
CONFIDENTIALITY_GROUPS = (
    "sales_policy_base.group_sales_policy_user,sales_team.group_sale_salesman"
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    visit_report_ids = fields.One2many(
        "sales.visit.report",
        "commercial_partner_id",
        string="Visit Reports",
        groups="sales_policy_base.group_sales_policy_user",
    )
    last_visit_date = fields.Date(
        compute="_compute_last_visit_date",
        store=True,
        help="Date of the last visit reported as done for this customer.",
    )
    visit_overdue = fields.Boolean(
        readonly=True,
        copy=False,
        help="Set daily: the customer was not visited within its visit interval.",
    )
    satisfaction_avg = fields.Float(
        string="Average Satisfaction",
        compute="_compute_satisfaction_avg",
        digits=(3, 2),
        help="Average of the satisfaction ratings (1-5) of the visits reported "
        "for this customer.",
    )
    recovery_plan_ids = fields.One2many(
        "sales.recovery.plan",
        "partner_id",
        string="Recovery Plans",
        groups="sales_policy_base.group_sales_policy_user",
    )
    recovery_plan_count = fields.Integer(
        compute="_compute_recovery_plan_count",
        groups="sales_policy_base.group_sales_policy_user",
    )

    sales_marketing_consent = fields.Boolean(
        string="Marketing Consent",
        tracking=True,
        help="The customer agreed to receive marketing mail (customer-data "
        "policy). Without it, mass mailings to the customer are refused.",
    )
    sales_marketing_consent_date = fields.Date(
        string="Consent Date",
        compute="_compute_sales_marketing_consent_date",
        store=True,
        readonly=False,
        tracking=True,
        help="When the customer gave the marketing consent.",
    )

    @api.depends("sales_marketing_consent")
    def _compute_sales_marketing_consent_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if not partner.sales_marketing_consent:
                partner.sales_marketing_consent_date = False
            elif not partner.sales_marketing_consent_date:
                partner.sales_marketing_consent_date = today

    def _sales_without_marketing_consent(self):
        """The partners who did not consent to marketing mail (their own
        consent or their company's)."""
        return self.filtered(
            lambda partner: not partner.sales_marketing_consent
            and not partner.commercial_partner_id.sales_marketing_consent
        )

    @api.depends("visit_report_ids.date", "visit_report_ids.state")
    def _compute_last_visit_date(self):
        data = dict(
            self.env["sales.visit.report"]
            .sudo()
            ._read_group(
                [("commercial_partner_id", "in", self.ids), ("state", "=", "done")],
                ["commercial_partner_id"],
                ["date:max"],
            )
        )
        for partner in self:
            partner.last_visit_date = data.get(partner._origin)

    def _compute_satisfaction_avg(self):
        data = dict(
            self.env["sales.visit.report"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("satisfaction_score", ">", 0),
                ],
                ["commercial_partner_id"],
                ["satisfaction_score:avg"],
            )
        )
        for partner in self:
            partner.satisfaction_avg = data.get(partner._origin, 0.0)

    def _compute_recovery_plan_count(self):
        data = dict(
            self.env["sales.recovery.plan"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.recovery_plan_count = data.get(partner._origin, 0)

    # ------------------------------------------------------------------
    # Visit intervals: the extension point for customer grading
    # ------------------------------------------------------------------
    def _get_visit_interval_days(self):
        """Return ``{partner_id: days}``: how often each customer must be visited.

        The grade's interval on the company's grading policy
        (``sales_grade_visit_interval_days``, computed set-based by
        ``sales_policy_base``) when the customer is graded and the policy sets
        one; otherwise the company setting. Override (call ``super()``) to
        refine it further.
        """
        default = self.env.company.sales_dev_visit_interval_days
        return {
            partner.id: (
                partner.sales_grade_visit_interval_days
                or partner.company_id.sales_dev_visit_interval_days
                or default
            )
            for partner in self
        }

    def _filtered_visible_to(self, user):
        """The partners of ``self`` that ``user`` may read (record rules apply)."""
        return self.with_user(user)._filtered_access("read").with_env(self.env)

    def _check_confidential_for(self, document, salesperson=None):
        """Refuse ``document`` on a partner of ``self`` that the current user,
        or the document's ``salesperson``, may not read (clause SP-DEV-06).

        Otherwise a rep would read a confidential customer's name through the
        document (a many-to-one shows the name of what it links). The current
        user is checked when the confidentiality rules apply to them (sales
        policy users and Odoo's own sales users; not the superuser); the
        salesperson always.
        """
        users = self.env["res.users"]
        if salesperson:
            users |= salesperson
        if not self.env.su and self.env.user.has_groups(CONFIDENTIALITY_GROUPS):
            users |= self.env.user
        for user in users:
            if self - self._filtered_visible_to(user):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot put this customer on a %(document)s: it "
                        "belongs to another salesperson (customer information is "
                        "confidential, clause SP-DEV-06). Choose one of your own "
                        "customers, or ask a manager to reassign the customer.",
                        user=user.name,
                        # not the document's name: it may hold the customer's
                        document=self.env["ir.model"]._get(document._name).name,
                    )
                )

    def _get_last_order_dates(self):
        """Return ``{commercial_partner_id: datetime}`` of the last confirmed order."""
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [("partner_id", "child_of", self.ids), ("state", "=", "sale")],
                ["partner_id"],
                ["date_order:max"],
            )
        )
        result = {}
        for partner, last in groups:
            key = partner.commercial_partner_id.id
            if key not in result or last > result[key]:
                result[key] = last
        return result

    @api.model
    def _cron_flag_overdue_visits(self):
        """Flag customers (and A-grade prospects) not visited within their
        grade's interval and give their salesperson one activity. Set-based:
        one search, one interval map, batch writes; a failing activity does
        not stop the others."""
        today = fields.Date.context_today(self)
        # customers, and A-grade prospects (visited on a fixed rhythm)
        customers = self.search(
            [
                "|",
                ("customer_rank", ">", 0),
                ("sales_grade", "=", "a"),
                ("user_id", "!=", False),
                "|",
                ("is_company", "=", True),
                ("parent_id", "=", False),
            ]
        )
        intervals = customers._get_visit_interval_days()
        overdue = customers.filtered(
            lambda p: not p.last_visit_date
            or p.last_visit_date < today - timedelta(days=intervals[p.id])
        )
        (customers - overdue).filtered("visit_overdue").write({"visit_overdue": False})
        newly = overdue.filtered(lambda p: not p.visit_overdue)
        newly.write({"visit_overdue": True})
        overdue._schedule_overdue_visit_activities(today)
        return overdue

    def _schedule_overdue_visit_activities(self, today):
        activity_type = self.env.ref(
            "sales_customer_dev.mail_activity_type_overdue_visit",
            raise_if_not_found=False,
        )
        if not self or not activity_type:
            return
        Activity = self.env["mail.activity"].sudo()
        has_activity = set(
            Activity.search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ).mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id("res.partner")
        for partner in self.filtered(lambda p: p.id not in has_activity):
            try:
                with self.env.cr.savepoint():
                    Activity.create(
                        {
                            "res_model_id": model_id,
                            "res_id": partner.id,
                            "activity_type_id": activity_type.id,
                            "user_id": partner.user_id.id,
                            "date_deadline": today,
                            "summary": self.env._(
                                "Visit overdue: plan a visit to this customer"
                            ),
                        }
                    )
            except Exception:
                _logger.exception(
                    "Could not schedule the overdue-visit activity of partner %s",
                    partner.id,
                )

    @public_arguments(one=True)
    def action_create_recovery_plan(self):
        self.ensure_one()
        partner = self.commercial_partner_id
        if not partner.customer_rank:
            raise UserError(
                self.env._(
                    "%(partner)s is not a customer. Recovery plans are made for lost "
                    "opportunities and inactive customers.",
                    partner=partner.display_name,
                )
            )
        inactive_days = (
            partner.company_id.sales_dev_inactive_days
            or self.env.company.sales_dev_inactive_days
        )
        last_order = partner._get_last_order_dates().get(partner.id)
        if last_order and last_order.date() >= fields.Date.context_today(
            self
        ) - timedelta(days=inactive_days):
            raise UserError(
                self.env._(
                    "%(partner)s is still active: its last confirmed order is of "
                    "%(date)s, less than %(days)s days ago. A recovery plan is made "
                    "for customers without orders for longer.",
                    partner=partner.display_name,
                    date=last_order.date(),
                    days=inactive_days,
                )
            )
        plan = self.env["sales.recovery.plan"].create(
            {
                "partner_id": partner.id,
                "user_id": partner.user_id.id or self.env.user.id,
                "company_id": partner.company_id.id or self.env.company.id,
            }
        )
        return plan._get_records_action()

    @public_arguments(one=True)
    def action_view_recovery_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_customer_dev.sales_recovery_plan_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
