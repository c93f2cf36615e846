# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.sales_policy_base.models.sales_grading_policy import GRADES
from odoo.addons.sales_policy_base.tools.cron_batch import CronBatches

_logger = logging.getLogger(__name__)

#: invitations per committed batch of the periodic cron
PERIODIC_BATCH_SIZE = 100

TRIGGERS = [
    ("delivery", "After Delivery"),
    ("complaint", "After a Complaint"),
    ("periodic", "Periodic"),
    ("revisit", "Complaint Revisit"),
]


class SalesSatisfactionRule(models.Model):
    _name = "sales.satisfaction.rule"
    _description = "Customer Satisfaction Survey Rule"
    _order = "company_id, trigger, sales_grade, sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    sales_grade = fields.Selection(
        GRADES,
        string="Customer Class",
        help="Customers of this grade receive the survey; empty: every "
        "customer for whom no rule of their own grade exists.",
    )
    trigger = fields.Selection(
        TRIGGERS,
        required=True,
        default="delivery",
        help="After Delivery: when a sales order is fully invoiced or locked "
        "(with stock: when its deliveries are all validated). "
        "After a Complaint: when a complaint is closed. Periodic: every "
        "interval, by the scheduled action. Complaint Revisit: the "
        "complaint's revisit.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        ondelete="restrict",
        domain="[('scoring_type', '!=', 'no_scoring')]",
        help="A scored survey: its score (%) is the satisfaction score.",
    )
    interval_months = fields.Integer(
        string="Every (Months)",
        default=6,
        help="Periodic rules: months between two invitations to the same customer.",
    )

    _sql_constraints = [
        (
            "interval_months_positive",
            "CHECK(interval_months > 0)",
            "The periodic interval is at least one month.",
        ),
    ]

    @api.depends("sales_grade", "trigger", "survey_id")
    def _compute_display_name(self):
        triggers = dict(self._fields["trigger"]._description_selection(self.env))
        for rule in self:
            grade = (
                dict(GRADES).get(rule.sales_grade)
                if rule.sales_grade
                else self.env._("Any class")
            )
            rule.display_name = f"{grade} / {triggers.get(rule.trigger)}: " + (
                rule.survey_id.title or ""
            )

    @api.constrains("survey_id")
    def _check_survey_scored(self):
        for rule in self:
            if rule.survey_id.scoring_type == "no_scoring":
                raise ValidationError(
                    self.env._(
                        "The survey %(survey)s gives no score: a satisfaction "
                        "survey must be scored (its score is the satisfaction "
                        "score). Set its scoring in the survey's options.",
                        survey=rule.survey_id.title,
                    )
                )

    @api.constrains("company_id", "sales_grade", "trigger", "active")
    def _check_one_rule_per_class(self):
        for rule in self.filtered("active"):
            duplicate = self.search_count(
                [
                    ("id", "!=", rule.id),
                    ("company_id", "=", rule.company_id.id),
                    ("sales_grade", "=", rule.sales_grade),
                    ("trigger", "=", rule.trigger),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "A survey rule already exists for this customer class "
                        "and trigger (%(rule)s). Edit it instead of adding one.",
                        rule=rule.display_name,
                    )
                )

    @api.model
    def _find(self, partner, trigger, company=None):
        """The rule for ``partner``'s class and ``trigger`` (the class's own
        rule, else the one for any class); empty if none."""
        company = company or partner.company_id or self.env.company
        rules = self.search(
            [
                ("company_id", "=", company.id),
                ("trigger", "=", trigger),
                ("sales_grade", "in", [partner.sales_grade, False]),
            ]
        )
        own = rules.filtered(lambda r: r.sales_grade == partner.sales_grade)
        return (own or rules)[:1]

    # ------------------------------------------------------------------
    # Periodic surveys
    # ------------------------------------------------------------------
    def _periodic_partner_domain(self):
        """Customers a periodic rule covers (commercial customers with an
        email, of the rule's class; a rule for any class covers the classes
        without a periodic rule of their own)."""
        self.ensure_one()
        domain = [
            ("parent_id", "=", False),
            ("customer_rank", ">", 0),
            ("email", "!=", False),
            ("company_id", "in", [self.company_id.id, False]),
        ]
        if self.sales_grade:
            return domain + [("sales_grade", "=", self.sales_grade)]
        graded = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("trigger", "=", "periodic"),
                ("sales_grade", "!=", False),
            ]
        ).mapped("sales_grade")
        if graded:
            domain += [("sales_grade", "not in", graded)]
        return domain

    def _periodic_due_partners(self, today):
        """``{rule: partners}``: the customers of each periodic rule whose
        last periodic invitation is older than the rule's interval (or who
        never had one)."""
        Partner = self.env["res.partner"].sudo()
        UserInput = self.env["survey.user_input"].sudo()
        due = {}
        for rule in self:
            partners = Partner.search(rule._periodic_partner_domain(), order="id")
            if not partners:
                continue
            last_sent = dict(
                UserInput._read_group(
                    [
                        ("sales_satisfaction_trigger", "=", "periodic"),
                        ("sales_satisfaction_partner_id", "in", partners.ids),
                    ],
                    ["sales_satisfaction_partner_id"],
                    ["create_date:max"],
                )
            )
            cutoff = today - relativedelta(months=rule.interval_months)
            partners = partners.filtered(
                lambda p, cutoff=cutoff, last_sent=last_sent: p not in last_sent
                or last_sent[p].date() <= cutoff
            )
            if partners:
                due[rule] = partners
        return due

    @api.model
    def _cron_send_periodic_surveys(self, batch_size=PERIODIC_BATCH_SIZE, commit=None):
        """Send the periodic satisfaction surveys that are due.

        One invitation per customer whose last periodic invitation is older
        than its rule's interval. Each invitation runs in a savepoint: a
        customer that fails is logged and skipped, the others go on; the work
        is committed every ``batch_size`` invitations (``CronBatches``).
        """
        batches = CronBatches(self.env, batch_size, commit=commit)
        rules = self.sudo().search([("trigger", "=", "periodic")])
        due = rules._periodic_due_partners(fields.Date.context_today(self))
        batches.expect(sum(len(partners) for partners in due.values()))
        sent = self.env["survey.user_input"]
        for rule, partners in due.items():
            for partner in partners.with_company(rule.company_id):
                failed = False
                try:
                    with self.env.cr.savepoint():
                        sent |= partner._sales_satisfaction_request("periodic")
                except Exception:
                    failed = True
                    _logger.exception(
                        "Periodic satisfaction survey to customer %s failed", partner.id
                    )
                batches.processed(failed=failed)
        batches.flush()
        return sent
