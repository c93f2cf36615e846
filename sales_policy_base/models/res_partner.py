# Copyright 2026 Sales Policy Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_amount, formatLang

from ..tools.cron_batch import CronBatches
from ..tools.grading_math import CRITERIA
from ..tools.rpc_args import public_arguments
from .sales_grading_engine import SalesGradingEngine
from .sales_grading_policy import GRADES, MANAGER_GROUP, SAMPLE_FEES

_logger = logging.getLogger(__name__)

#: partners graded per committed chunk of the monthly cron (system parameter
#: ``sales_policy_base.regrade_batch_size`` overrides it)
REGRADE_BATCH_SIZE = 5000

# Fields only the grading engine and sales managers write.
GRADE_PROTECTED_FIELDS = {
    "sales_grade",
    "sales_grade_score",
    "sales_grade_details",
    "sales_grade_date",
    "sales_grade_override",
    "sales_grade_override_reason",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    sales_policy_is_distributor = fields.Boolean(
        string="Distributor",
        help="Quotations for this customer use the distributor minimum price "
        "as their floor. Set on the company; its contacts follow.",
    )
    sales_grade = fields.Selection(
        GRADES,
        string="Customer Grade",
        tracking=True,
        index=True,
        copy=False,
        help="A: key account, followed closely; B: potential, followed "
        "regularly; C: ordinary, followed as needed. Set by the grading "
        "policy (or a manager's override) on the commercial partner; its "
        "contacts follow.",
    )
    sales_grade_score = fields.Float(
        string="Grade Score",
        digits=(16, 2),
        copy=False,
        help="Weighted score (0-100) the grading policy computed.",
    )
    sales_grade_details = fields.Json(
        string="Grade Computation",
        copy=False,
        help="Values, scores, weights and points per criterion of the last grading.",
    )
    sales_grade_explanation = fields.Text(
        string="How the Grade Was Reached",
        compute="_compute_sales_grade_explanation",
    )
    sales_grade_date = fields.Date(
        string="Graded On",
        copy=False,
        help="Date the current grade was given.",
    )
    sales_purchase_intent = fields.Integer(
        string="Purchase Intent",
        tracking=True,
        help="Salesperson's assessment (0-100) of how much the customer intends "
        "to buy from us.",
    )
    sales_purchase_ability = fields.Integer(
        string="Purchase Ability",
        tracking=True,
        help="Salesperson's assessment (0-100) of the customer's capacity to buy "
        "(budget, size, solvency).",
    )
    sales_grade_override = fields.Selection(
        GRADES,
        string="Grade Override",
        tracking=True,
        copy=False,
        help="A sales manager fixes the grade; re-grading then keeps it (the "
        "score is still computed). Clear it to return to the policy's grade.",
    )
    sales_grade_override_reason = fields.Text(
        string="Override Reason", tracking=True, copy=False
    )
    sales_grade_can_override = fields.Boolean(
        compute="_compute_sales_grade_can_override"
    )
    sales_grade_history_ids = fields.One2many(
        "sales.grade.history",
        "partner_id",
        string="Grade History",
        groups="sales_policy_base.group_sales_policy_user",
    )
    # follow-up terms of the grade, read by other modules
    sales_grade_visit_interval_days = fields.Integer(
        string="Visit Interval (Days)",
        compute="_compute_sales_grade_terms",
        help="How often the customer must be visited, per the grading policy "
        "(0: the company's default interval).",
    )
    sales_grade_contract_template = fields.Char(
        string="Contract Template",
        compute="_compute_sales_grade_terms",
        help="Contract template the grading policy sets for this grade.",
    )
    sales_grade_sample_fee = fields.Selection(
        SAMPLE_FEES,
        string="Sample/Tooling Fee",
        compute="_compute_sales_grade_terms",
        help="Whether samples and tooling are charged to this customer.",
    )

    @api.depends_context("lang")
    @api.depends("sales_grade_details", "sales_grade", "sales_grade_override")
    def _compute_sales_grade_explanation(self):
        for partner in self:
            partner.sales_grade_explanation = partner._sales_grade_explain()

    @api.depends_context("uid")
    def _compute_sales_grade_can_override(self):
        self.sales_grade_can_override = self.env.user.has_group(MANAGER_GROUP)

    @api.depends("sales_grade", "company_id")
    def _compute_sales_grade_terms(self):
        policies = self._sales_grade_policies()
        for partner in self:
            policy = policies.get(partner.id)
            terms = (
                policy._grade_terms(partner.sales_grade)
                if policy
                else {
                    "visit_interval_days": 0,
                    "contract_template": False,
                    "sample_fee": False,
                }
            )
            partner.sales_grade_visit_interval_days = terms["visit_interval_days"]
            partner.sales_grade_contract_template = terms["contract_template"]
            partner.sales_grade_sample_fee = terms["sample_fee"]

    @api.constrains("sales_purchase_intent", "sales_purchase_ability")
    def _check_sales_purchase_assessment(self):
        for partner in self:
            if not (
                0 <= partner.sales_purchase_intent <= 100
                and 0 <= partner.sales_purchase_ability <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s: purchase intent and purchase ability are "
                        "scores from 0 to 100. Enter a value in that range.",
                        partner=partner.display_name,
                    )
                )

    @api.constrains("sales_grade_override", "sales_grade_override_reason")
    def _check_sales_grade_override_reason(self):
        for partner in self:
            if (
                partner.sales_grade_override
                and not (partner.sales_grade_override_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s: a grade override needs a reason. Say why the "
                        "grade differs from the grading policy's.",
                        partner=partner.display_name,
                    )
                )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "sales_policy_is_distributor",
            "sales_grade",
            "sales_grade_score",
            "sales_grade_details",
            "sales_grade_date",
            "sales_purchase_intent",
            "sales_purchase_ability",
            "sales_grade_override",
            "sales_grade_override_reason",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_sales_grade_write_access(vals)
            if vals.get("sales_policy_is_distributor"):
                parent = self.browse(vals.get("parent_id")).commercial_partner_id
                if not (parent.sales_policy_is_distributor):
                    self._check_distributor_write_access()
        return super().create(vals_list)

    def write(self, vals):
        self._check_sales_grade_write_access(vals)
        if "sales_policy_is_distributor" in vals:
            value = bool(vals["sales_policy_is_distributor"])
            # contacts follow their company (Odoo syncs commercial fields)
            changed = self.filtered(
                lambda p: p.sales_policy_is_distributor != value
                and not (
                    p.commercial_partner_id != p
                    and p.commercial_partner_id.sales_policy_is_distributor == value
                )
            )
            if changed:
                changed._check_distributor_write_access()
        result = super().write(vals)
        if "sales_grade_override" in vals and not self.env.context.get(
            "sales_grade_engine"
        ):
            self.filtered(
                lambda p: p.commercial_partner_id == p
            )._sales_grade_apply_override()
        return result

    def _check_sales_grade_write_access(self, vals):
        """Grades are set by the grading engine; overrides by sales managers."""
        if (
            self.env.su
            or not GRADE_PROTECTED_FIELDS & vals.keys()
            or self.env.user.has_group(MANAGER_GROUP)
        ):
            return
        raise AccessError(
            self.env._(
                "Only sales managers may set or override a customer's grade (the "
                "grading policy sets it otherwise). Ask your sales manager to "
                "override the grade, with the reason."
            )
        )

    def _check_distributor_write_access(self):
        """The distributor flag lowers the price floor: sales managers only."""
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only sales managers may mark a customer as a distributor or "
                "remove the mark: distributors are quoted down to the "
                "distributor minimum price (pricing policy, price floors). Ask "
                "your sales manager."
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @public_arguments(one=True)
    def action_sales_regrade(self):
        """Re-grade this customer now (sales managers)."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only sales managers re-grade customers on demand; the grades "
                    "are otherwise updated every month."
                )
            )
        self._sales_regrade(partners=self.commercial_partner_id, source="manual")
        return True

    # ------------------------------------------------------------------
    # Grading engine
    # ------------------------------------------------------------------
    @api.model
    def _sales_grade_activity(self, partners, date_from):
        """Sales activity of customers since ``date_from`` in ``self.env.company``.

        Return ``{commercial_partner_id: (revenue, order_count)}``, revenue in
        the company currency. ``partners``: a recordset of commercial partners,
        or None for every customer of the company. This module knows no
        orders: a sales module (``sales_policy_sale``) overrides this hook with
        one aggregate query.
        """
        return {}

    @api.model
    def _sales_grade_domain(self):
        """Partners the grading policy grades: customers and assessed prospects."""
        company_partners = self.env["res.company"].sudo().search([]).partner_id
        return [
            ("partner_share", "=", True),
            ("id", "not in", company_partners.ids),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
        ]

    @api.model
    def _sales_grade_shared_company(self, policies):
        """The company whose policy grades partners shared by all companies."""
        return min(policies) if policies else False

    def _sales_grade_policies(self):
        """``{partner_id: policy}``: the active grading policy of each partner."""
        Policy = self.env["sales.grading.policy"]
        policies = Policy._get_company_policies()
        shared = self._sales_grade_shared_company(policies)
        return {
            partner.id: policies.get(partner.company_id.id or shared)
            for partner in self
        }

    @api.model
    def _sales_regrade(
        self, partners=None, source="cron", companies=None, batches=None
    ):
        """Grade ``partners`` (default: every customer) set-based.

        The batch work is done by :class:`SalesGradingEngine`
        (``sales_grading_engine.py``), which calls this model's hooks
        ``_sales_grade_activity``, ``_sales_grade_domain`` and
        ``_sales_grade_shared_company``.

        :param companies: limit the run to these companies' policies
        :param batches: a ``CronBatches`` (``tools/cron_batch.py``): grade in
            committed chunks, skipping (and logging) a partner that fails
        :return: the partners whose grade changed
        """
        return SalesGradingEngine(self.browse()).regrade(
            partners=partners, source=source, companies=companies, batches=batches
        )

    def _sales_grade_apply_override(self):
        """After a manager set or cleared overrides on commercial partners."""
        today = fields.Date.context_today(self)
        history = []
        by_grade = defaultdict(list)
        cleared = self.browse()
        for partner in self:
            if not partner.sales_grade_override:
                cleared |= partner
                continue
            if partner.sales_grade_override != partner.sales_grade:
                by_grade[partner.sales_grade_override].append(partner.id)
                history.append(
                    {
                        "partner_id": partner.id,
                        "company_id": partner.company_id.id or self.env.company.id,
                        "old_grade": partner.sales_grade,
                        "new_grade": partner.sales_grade_override,
                        "score": partner.sales_grade_score,
                        "source": "override",
                        "reason": partner.sales_grade_override_reason,
                    }
                )
        for grade, ids in by_grade.items():
            self.browse(ids).sudo().with_context(sales_grade_engine=True).write(
                {"sales_grade": grade, "sales_grade_date": today}
            )
        self.env["sales.grade.history"].sudo().create(history)
        if cleared:
            self._sales_regrade(partners=cleared, source="manual")

    @api.model
    def _cron_sales_regrade(self, batch_size=None, commit=None):
        """Monthly: re-grade every company's customers.

        Each company's customers are graded set-based in chunks of
        ``batch_size`` (default: system parameter
        ``sales_policy_base.regrade_batch_size``, else
        ``REGRADE_BATCH_SIZE``); each chunk is committed when graded
        (``commit``: see ``tools/cron_batch.py``), so a timeout loses nothing
        already graded. A chunk that fails is graded again partner by
        partner: only the partner that fails is logged and skipped. A company
        whose run cannot start is logged and the others go on.
        """
        if batch_size is None:
            batch_size = self._sales_regrade_batch_size()
        batches = CronBatches(self.env, batch_size, commit=commit)
        Policy = self.env["sales.grading.policy"]
        policies = Policy._get_company_policies()
        for company_id in sorted(policies):
            company = self.env["res.company"].browse(company_id)
            try:
                self._sales_regrade(companies=company, source="cron", batches=batches)
            except Exception:
                _logger.exception("Re-grading the customers of %s failed", company.name)
            batches.flush()

    @api.model
    def _sales_regrade_batch_size(self):
        """Partners per committed chunk of the re-grading cron."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("sales_policy_base.regrade_batch_size")
        )
        try:
            size = int(value or 0)
        except ValueError:
            size = 0
        return size if size > 0 else REGRADE_BATCH_SIZE

    def _sales_grade_explain(self):
        """The grade's computation in the reader's language."""
        self.ensure_one()
        details = self.sales_grade_details or {}
        criteria = details.get("criteria") or {}
        if not criteria:
            return False
        labels = {
            "revenue": self.env._("Revenue"),
            "frequency": self.env._("Confirmed orders"),
            "intent": self.env._("Purchase intent"),
            "ability": self.env._("Purchase ability"),
        }
        currency = self.env["res.currency"].search(
            [("name", "=", details.get("currency"))], limit=1
        )
        lines = []
        for criterion in CRITERIA:
            data = criteria.get(criterion)
            if not data:
                continue
            if criterion == "revenue" and currency:
                value = format_amount(self.env, data["value"], currency)
            else:
                value = formatLang(self.env, data["value"], digits=0)
            lines.append(
                self.env._(
                    "%(criterion)s: %(value)s, scores %(score)s/100 x weight "
                    "%(weight)s%% = %(points)s points",
                    criterion=labels[criterion],
                    value=value,
                    score=formatLang(self.env, data["score"]),
                    weight=formatLang(self.env, data["weight"], digits=0),
                    points=formatLang(self.env, data["points"]),
                )
            )
        grade_names = dict(GRADES)
        lines.append(
            self.env._(
                "Total %(score)s points (revenue and orders over the last %(months)s "
                "months): grade %(grade)s (A from %(a)s, B from %(b)s points).",
                score=formatLang(self.env, self.sales_grade_score),
                months=details.get("window_months"),
                grade=grade_names.get(details.get("grade"), ""),
                a=formatLang(self.env, details.get("a_threshold") or 0.0),
                b=formatLang(self.env, details.get("b_threshold") or 0.0),
            )
        )
        if self.sales_grade_override:
            lines.append(
                self.env._(
                    "Overridden by a sales manager to grade %(grade)s: %(reason)s",
                    grade=grade_names[self.sales_grade_override],
                    reason=self.sales_grade_override_reason,
                )
            )
        return "\n".join(lines)
